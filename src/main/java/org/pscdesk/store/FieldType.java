package org.pscdesk.store;

/**
 * Attribute types, mapped to GeoPackage column types. Values in a {@link Feature} are {@code String},
 * {@code Long}, {@code Double}, {@code java.time.LocalDate}, {@code java.time.LocalDateTime},
 * {@code Boolean} or null.
 */
public enum FieldType {
    TEXT("TEXT"),
    INTEGER("INTEGER"),
    REAL("DOUBLE"),
    DATE("DATE"),
    /** Local date-time without zone (police data are local time); GDAL reads it as a datetime. */
    DATETIME("DATETIME"),
    BOOLEAN("BOOLEAN");

    private final String sqlType;

    FieldType(String sqlType) {
        this.sqlType = sqlType;
    }

    public String sqlType() {
        return sqlType;
    }

    static FieldType ofSql(String declared) {
        String t = declared == null ? "" : declared.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("TEXT") || t.startsWith("VARCHAR")) {
            return TEXT;
        }
        return switch (t) {
            case "INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT" -> INTEGER;
            case "DOUBLE", "REAL", "FLOAT" -> REAL;
            case "DATE" -> DATE;
            case "DATETIME" -> DATETIME;
            case "BOOLEAN" -> BOOLEAN;
            default -> TEXT;
        };
    }
}
