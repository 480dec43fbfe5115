package org.pscdesk.store;

/**
 * Where a layer came from: the source file or generator, its format and CRS, when it came in, and for
 * imports the file's size and SHA-256, the options used and the import report (both as JSON).
 * All fields may be null except {@code format}; {@code sourceSize} is -1 when unknown.
 */
public record Provenance(String source, String format, String sourceCrs, String importedAt, String notes,
                         long sourceSize, String sha256, String optionsJson, String reportJson) {

    public Provenance(String source, String format, String sourceCrs, String importedAt, String notes) {
        this(source, format, sourceCrs, importedAt, notes, -1, null, null, null);
    }

    public static Provenance generated(String generator, String crs, String at) {
        return new Provenance(generator, "generated", crs, at, null);
    }

    /** The file or folder name of the source, never its full path (a path may name a person's home folder). */
    public String sourceFileName() {
        if (source == null) {
            return "unknown source";
        }
        String t = source.replace('\\', '/');
        int slash = t.lastIndexOf('/', t.length() - 2);
        return slash >= 0 ? t.substring(slash + 1) : t;
    }
}
