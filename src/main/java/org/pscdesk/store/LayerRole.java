package org.pscdesk.store;

import java.util.Locale;

/** What a layer is for in Risk Terrain Modeling. The lower-case names are a contract (CLI JSON, database). */
public enum LayerRole {
    /** Incidents: the events the model explains. Sensitive: never shown or exported as points to the public. */
    OUTCOME,
    /** Risk-factor features (bus stops, liquor stores, vacant lots...). */
    FACTOR,
    /** The study-area boundary. */
    AREA,
    /** Context: neighbourhoods, districts, tracts, streets. */
    REFERENCE,
    /** A saved RTM run's cells (risk scores, classes, quadrants): written by the app, never imported. */
    RESULT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LayerRole of(String key) {
        for (LayerRole role : values()) {
            if (role.key().equalsIgnoreCase(key.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a layer role; use outcome, factor, area or reference");
    }
}
