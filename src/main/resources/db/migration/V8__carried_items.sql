-- An action item carried into a later meeting is a new row there (the earlier meeting's record stays as it
-- was); carried_item points at the row it continues, so the chain of an item can be followed.
ALTER TABLE psc_action_items ADD COLUMN carried_item INTEGER REFERENCES psc_action_items (id);
