-- The meeting record of issue 7: places (a registry that outlives meetings and runs), their ranking and
-- narrative per meeting, decisions with reasons, program commitments, and action items tied to places and
-- carried from earlier meetings. A finalized meeting is immutable, enforced here by triggers, not only by the
-- app: corrections are new records.
CREATE TABLE psc_places (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,
    run_name   TEXT,
    cells      TEXT,
    created_on TEXT NOT NULL
);

CREATE TABLE psc_meeting_places (
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id),
    place_id   INTEGER NOT NULL REFERENCES psc_places (id),
    rank       INTEGER NOT NULL,
    narrative  TEXT    NOT NULL DEFAULT '',
    facts      TEXT    NOT NULL DEFAULT '{}',
    PRIMARY KEY (meeting_id, place_id)
);

CREATE TABLE psc_decisions (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id),
    text       TEXT    NOT NULL,
    reason     TEXT    NOT NULL DEFAULT '',
    place_id   INTEGER REFERENCES psc_places (id)
);

CREATE TABLE psc_commitments (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id),
    place_id   INTEGER REFERENCES psc_places (id),
    program_id INTEGER NOT NULL REFERENCES psc_programs (id),
    org_id     INTEGER NOT NULL REFERENCES psc_organizations (id),
    start_on   TEXT,
    dosage     TEXT
);

ALTER TABLE psc_action_items ADD COLUMN place_id INTEGER REFERENCES psc_places (id);
ALTER TABLE psc_action_items ADD COLUMN carried_from INTEGER REFERENCES psc_meetings (id);
ALTER TABLE psc_meetings ADD COLUMN content_sha256 TEXT;

CREATE TRIGGER psc_meetings_frozen_update BEFORE UPDATE ON psc_meetings WHEN OLD.status = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_meetings_frozen_delete BEFORE DELETE ON psc_meetings WHEN OLD.status = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: it cannot be deleted'); END;

CREATE TRIGGER psc_agenda_notes_frozen_insert BEFORE INSERT ON psc_agenda_notes
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_agenda_notes_frozen_update BEFORE UPDATE ON psc_agenda_notes
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_agenda_notes_frozen_delete BEFORE DELETE ON psc_agenda_notes
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;

CREATE TRIGGER psc_attendance_frozen_insert BEFORE INSERT ON psc_attendance
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_attendance_frozen_update BEFORE UPDATE ON psc_attendance
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_attendance_frozen_delete BEFORE DELETE ON psc_attendance
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;

CREATE TRIGGER psc_action_items_frozen_insert BEFORE INSERT ON psc_action_items
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_action_items_frozen_update BEFORE UPDATE ON psc_action_items
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_action_items_frozen_delete BEFORE DELETE ON psc_action_items
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;

CREATE TRIGGER psc_meeting_places_frozen_insert BEFORE INSERT ON psc_meeting_places
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_meeting_places_frozen_update BEFORE UPDATE ON psc_meeting_places
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_meeting_places_frozen_delete BEFORE DELETE ON psc_meeting_places
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;

CREATE TRIGGER psc_decisions_frozen_insert BEFORE INSERT ON psc_decisions
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_decisions_frozen_update BEFORE UPDATE ON psc_decisions
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_decisions_frozen_delete BEFORE DELETE ON psc_decisions
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;

CREATE TRIGGER psc_commitments_frozen_insert BEFORE INSERT ON psc_commitments
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_commitments_frozen_update BEFORE UPDATE ON psc_commitments
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_commitments_frozen_delete BEFORE DELETE ON psc_commitments
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
