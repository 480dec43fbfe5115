package org.pscdesk.store;

import java.util.List;
import java.util.Objects;

/**
 * What is needed to create a feature layer.
 *
 * @param name table name wanted (made safe and unique by the workspace)
 * @param title human-readable title shown in the app and as the GeoPackage identifier
 * @param role what the layer is for
 * @param geometryType declared geometry type
 * @param fields attribute columns
 * @param provenance where the data came from
 * @param dateField for outcome layers: the field with the date or date-time of each event, else null
 * @param categoryField for outcome layers: the offense-category field, else null
 * @param sensitiveField for outcome layers: the BOOLEAN field flagging sensitive records (kept out of every
 *                       public product), else null
 */
public record NewLayer(String name, String title, LayerRole role, GeometryType geometryType, List<FieldDef> fields,
                       Provenance provenance, String dateField, String categoryField, String sensitiveField) {
    public NewLayer {
        Objects.requireNonNull(name);
        Objects.requireNonNull(title);
        Objects.requireNonNull(role);
        Objects.requireNonNull(geometryType);
        fields = List.copyOf(fields);
        Objects.requireNonNull(provenance);
        for (String mapped : new String[] {dateField, categoryField, sensitiveField}) {
            if (mapped != null && fields.stream().noneMatch(f -> f.name().equals(mapped))) {
                throw new IllegalArgumentException("field '" + mapped + "' is not among the layer's fields");
            }
        }
    }

    public NewLayer(String name, String title, LayerRole role, GeometryType geometryType, List<FieldDef> fields,
                    Provenance provenance, String dateField, String categoryField) {
        this(name, title, role, geometryType, fields, provenance, dateField, categoryField, null);
    }

    public NewLayer(String name, String title, LayerRole role, GeometryType geometryType, List<FieldDef> fields,
                    Provenance provenance) {
        this(name, title, role, geometryType, fields, provenance, null, null, null);
    }
}
