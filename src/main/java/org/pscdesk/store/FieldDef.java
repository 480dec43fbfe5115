package org.pscdesk.store;

import java.util.Objects;

/** One attribute column of a feature layer. */
public record FieldDef(String name, FieldType type) {
    public FieldDef {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }
}
