-- Places drawn on the map, their narratives' versions, dot votes by organization and the runs a meeting
-- discusses (issue 7). Versions, votes and runs belong to a meeting and freeze with it.
ALTER TABLE psc_places ADD COLUMN shape BLOB;   -- GeoPackage geometry in the working CRS, or NULL
ALTER TABLE psc_places ADD COLUMN origin TEXT;  -- how it was made: 'cells', 'area', 'typed'

CREATE TABLE psc_narrative_versions (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id),
    place_id   INTEGER NOT NULL REFERENCES psc_places (id),
    narrative  TEXT    NOT NULL,
    origin     TEXT    NOT NULL CHECK (origin IN ('generated', 'edited')),
    written_at TEXT    NOT NULL
);
CREATE INDEX psc_narrative_versions_place ON psc_narrative_versions (meeting_id, place_id);

CREATE TABLE psc_votes (
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id),
    place_id   INTEGER NOT NULL REFERENCES psc_places (id),
    org_id     INTEGER NOT NULL REFERENCES psc_organizations (id),
    dots       INTEGER NOT NULL CHECK (dots >= 0),
    PRIMARY KEY (meeting_id, place_id, org_id)
);

CREATE TABLE psc_meeting_runs (
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id),
    run_name   TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, run_name)
);

CREATE TRIGGER psc_narrative_versions_frozen_insert BEFORE INSERT ON psc_narrative_versions
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_narrative_versions_frozen_update BEFORE UPDATE ON psc_narrative_versions
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_narrative_versions_frozen_delete BEFORE DELETE ON psc_narrative_versions
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;

CREATE TRIGGER psc_votes_frozen_insert BEFORE INSERT ON psc_votes
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_votes_frozen_update BEFORE UPDATE ON psc_votes
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_votes_frozen_delete BEFORE DELETE ON psc_votes
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;

CREATE TRIGGER psc_meeting_runs_frozen_insert BEFORE INSERT ON psc_meeting_runs
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_meeting_runs_frozen_update BEFORE UPDATE ON psc_meeting_runs
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_meeting_runs_frozen_delete BEFORE DELETE ON psc_meeting_runs
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
