-- Saved RTM runs (issue 5 item 6). The name is the run's id everywhere; its per-cell layer is a feature
-- table registered in gpkg_contents (run_<name>_cells) so QGIS opens it. JSON columns hold the run's
-- parameters, the fingerprints of its input layers and the result as `pscdesk rtm --json` writes it.
CREATE TABLE psc_runs (
    name             TEXT PRIMARY KEY NOT NULL,
    created_at       TEXT NOT NULL,
    software_version TEXT NOT NULL,
    parameters       TEXT NOT NULL,
    inputs           TEXT NOT NULL,
    result           TEXT NOT NULL,
    cells_layer      TEXT NOT NULL
);

-- A saved run's cell layer has the role 'result'. SQLite cannot change a CHECK constraint in place, so
-- psc_layers is rebuilt with the same columns in the same order (nothing references it).
CREATE TABLE psc_layers_v4 (
    table_name      TEXT NOT NULL PRIMARY KEY REFERENCES gpkg_contents (table_name) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('outcome', 'factor', 'area', 'reference', 'result')),
    title           TEXT NOT NULL,
    source          TEXT,
    source_format   TEXT NOT NULL,
    source_crs      TEXT,
    imported_at     TEXT,
    notes           TEXT,
    date_field      TEXT,
    category_field  TEXT,
    source_size     INTEGER,
    source_sha256   TEXT,
    options         TEXT,
    report          TEXT,
    sensitive_field TEXT
);
INSERT INTO psc_layers_v4 SELECT table_name, role, title, source, source_format, source_crs, imported_at, notes,
    date_field, category_field, source_size, source_sha256, options, report, sensitive_field FROM psc_layers;
DROP TABLE psc_layers;
ALTER TABLE psc_layers_v4 RENAME TO psc_layers;
