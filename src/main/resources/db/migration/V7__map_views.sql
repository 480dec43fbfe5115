-- The map views shown on the projector during a meeting (issue 8: the minutes print the maps as shown).
CREATE TABLE psc_map_views (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id),
    run_name   TEXT    NOT NULL,
    view       TEXT    NOT NULL CHECK (view IN ('risk', 'hotspots', 'priority', 'places')),
    shown_at   TEXT    NOT NULL
);

CREATE TRIGGER psc_map_views_frozen_insert BEFORE INSERT ON psc_map_views
WHEN (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_map_views_frozen_update BEFORE UPDATE ON psc_map_views
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
  OR (SELECT status FROM psc_meetings WHERE id = NEW.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
CREATE TRIGGER psc_map_views_frozen_delete BEFORE DELETE ON psc_map_views
WHEN (SELECT status FROM psc_meetings WHERE id = OLD.meeting_id) = 'finalized'
BEGIN SELECT RAISE(ABORT, 'meeting is finalized: record a correction in a new meeting'); END;
