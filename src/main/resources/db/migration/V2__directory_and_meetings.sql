-- The collaborative's directory and meeting record (issue 7 grows these).
CREATE TABLE psc_organizations (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    sector TEXT NOT NULL CHECK (sector IN ('police', 'city_agency', 'service_provider', 'community_org',
                                           'business', 'resident_group', 'faith', 'school'))
);

CREATE TABLE psc_bodies (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL CHECK (kind IN ('collaborative', 'working_group')),
    parent_id INTEGER REFERENCES psc_bodies (id)
);

CREATE TABLE psc_programs (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    owner_org_id INTEGER NOT NULL REFERENCES psc_organizations (id),
    type         TEXT    NOT NULL CHECK (type IN ('enforcement', 'prevention', 'environmental',
                                                  'social_service', 'outreach')),
    description  TEXT    NOT NULL DEFAULT '',
    -- comma-separated risk-factor layer names the program addresses
    factors      TEXT    NOT NULL DEFAULT '',
    capacity     TEXT
);

CREATE TABLE psc_meetings (
    id          INTEGER PRIMARY KEY,
    body_id     INTEGER NOT NULL REFERENCES psc_bodies (id),
    title       TEXT    NOT NULL,
    held_on     TEXT    NOT NULL,  -- ISO date
    location    TEXT,
    facilitator TEXT,
    status      TEXT    NOT NULL CHECK (status IN ('draft', 'in_progress', 'finalized'))
);

CREATE TABLE psc_agenda_notes (
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id) ON DELETE CASCADE,
    step       TEXT    NOT NULL CHECK (step IN ('assessment', 'connections', 'tasks', 'interventions',
                                                'outcomes', 'notifications')),
    notes      TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, step)
);

CREATE TABLE psc_attendance (
    meeting_id INTEGER NOT NULL REFERENCES psc_meetings (id) ON DELETE CASCADE,
    org_id     INTEGER NOT NULL REFERENCES psc_organizations (id),
    PRIMARY KEY (meeting_id, org_id)
);

CREATE TABLE psc_action_items (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES psc_meetings (id),
    owner_org_id INTEGER NOT NULL REFERENCES psc_organizations (id),
    program_id   INTEGER REFERENCES psc_programs (id),
    place_label  TEXT,
    description  TEXT    NOT NULL,
    due_on       TEXT,
    status       TEXT    NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped'))
);
