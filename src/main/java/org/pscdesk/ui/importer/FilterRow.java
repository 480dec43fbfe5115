package org.pscdesk.ui.importer;

import java.util.LinkedHashSet;
import java.util.Set;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One "keep only rows whose FIELD is one of VALUES" filter of the wizard. */
public final class FilterRow {

    private final StringProperty field = new SimpleStringProperty(this, "field");
    private final ObservableList<String> picked = FXCollections.observableArrayList();
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");

    /** The column filtered on, or null while none is chosen. */
    public StringProperty fieldProperty() {
        return field;
    }

    /** Values picked from those seen in the preview. */
    public ObservableList<String> picked() {
        return picked;
    }

    /** Further values typed by the user, separated by commas. */
    public StringProperty typedProperty() {
        return typed;
    }

    /** Every accepted value: the picked ones and the typed ones, trimmed, without blanks or repeats. */
    public Set<String> values() {
        Set<String> out = new LinkedHashSet<>();
        for (String v : picked) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        String t = typed.get();
        if (t != null) {
            for (String v : t.split(",")) {
                if (!v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }

    /** True when the filter names a column and at least one value. */
    public boolean isComplete() {
        return field.get() != null && !values().isEmpty();
    }
}
