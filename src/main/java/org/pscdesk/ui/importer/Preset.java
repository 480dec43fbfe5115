package org.pscdesk.ui.importer;

/** The kinds of source the importer treats specially, in the words the wizard shows. */
public enum Preset {
    NONE(null, "An ordinary file"),
    SLMPD("slmpd", "SLMPD police monthly files"),
    GTFS("gtfs", "GTFS transit stops (stops.txt)");

    private final String key;
    private final String label;

    Preset(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The importer's preset name, or null for none. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
