-- Who changed what and when (issue 7): imports and other layer writes, saved and deleted runs, meetings
-- created and finalized, snapshots restored. Written in the same transaction as the change it records.
CREATE TABLE psc_audit (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,   -- ISO-8601 UTC
    who    TEXT NOT NULL,   -- the operating-system account that ran PSC Desk
    action TEXT NOT NULL,   -- layer, run, run-deleted, meeting, finalize, restore
    detail TEXT NOT NULL DEFAULT ''
);
