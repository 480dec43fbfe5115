-- Import provenance (issue 4): the source file's size and SHA-256, the options used and the import report
-- (JSON), and for outcome layers the name of the column that flags sensitive records.
ALTER TABLE psc_layers ADD COLUMN source_size INTEGER;
ALTER TABLE psc_layers ADD COLUMN source_sha256 TEXT;
ALTER TABLE psc_layers ADD COLUMN options TEXT;
ALTER TABLE psc_layers ADD COLUMN report TEXT;
ALTER TABLE psc_layers ADD COLUMN sensitive_field TEXT;
