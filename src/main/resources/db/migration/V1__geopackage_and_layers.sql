-- GeoPackage 1.3 core tables (OGC 12-128r18). IF NOT EXISTS so that a GeoPackage written by GDAL or QGIS
-- can be adopted as a workspace without touching its own tables.
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
    srs_name                 TEXT    NOT NULL,
    srs_id                   INTEGER NOT NULL PRIMARY KEY,
    organization             TEXT    NOT NULL,
    organization_coordsys_id INTEGER NOT NULL,
    definition               TEXT    NOT NULL,
    description              TEXT
);

CREATE TABLE IF NOT EXISTS gpkg_contents (
    table_name  TEXT     NOT NULL PRIMARY KEY,
    data_type   TEXT     NOT NULL,
    identifier  TEXT     UNIQUE,
    description TEXT     DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    min_x       DOUBLE,
    min_y       DOUBLE,
    max_x       DOUBLE,
    max_y       DOUBLE,
    srs_id      INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);

CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
    table_name         TEXT    NOT NULL,
    column_name        TEXT    NOT NULL,
    geometry_type_name TEXT    NOT NULL,
    srs_id             INTEGER NOT NULL,
    z                  TINYINT NOT NULL,
    m                  TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT uk_gc_table_name UNIQUE (table_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents (table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);

INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
    ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
    ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
    ('WGS 84 geodetic', 4326, 'EPSG', 4326,
     'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
     'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');

-- PSC Desk's own tables carry the psc_ prefix. Only psc_meta is registered in gpkg_contents (as an
-- attributes table): GDAL then lists registered tables only, so GIS tools see the layers and this
-- table of workspace facts, not the app's internals.
CREATE TABLE psc_meta (
    id    INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    key   TEXT    NOT NULL UNIQUE,
    value TEXT    NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
VALUES ('psc_meta', 'attributes', 'PSC Desk workspace',
        'Facts about this PSC Desk workspace; the psc_* tables are managed by PSC Desk');

-- One row per feature layer: its role in RTM and where it came from.
CREATE TABLE psc_layers (
    table_name     TEXT NOT NULL PRIMARY KEY REFERENCES gpkg_contents (table_name) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('outcome', 'factor', 'area', 'reference')),
    title          TEXT NOT NULL,
    source         TEXT,
    source_format  TEXT NOT NULL,
    source_crs     TEXT,
    imported_at    TEXT,
    notes          TEXT,
    date_field     TEXT,
    category_field TEXT
);
