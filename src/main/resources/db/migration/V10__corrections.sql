-- A finalized meeting never changes; a correction is a new meeting that names the one it corrects (issue 7 §8).
-- Which meetings correct a record is read from the corrections, so the finalized record and its hash stay as
-- they were.
ALTER TABLE psc_meetings ADD COLUMN corrects INTEGER REFERENCES psc_meetings (id);
