package org.pscdesk.demo;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.NewLayer;
import org.pscdesk.store.Provenance;

/** One generated layer, ready to be written: its definition and its features in write order. */
record LayerData(String name, String title, LayerRole role, GeometryType geometryType, List<FieldDef> fields,
                 String dateField, String categoryField, List<Feature> features) {

    LayerData {
        fields = List.copyOf(fields);
        features = List.copyOf(features);
    }

    LayerData(String name, String title, LayerRole role, GeometryType geometryType, List<FieldDef> fields,
              List<Feature> features) {
        this(name, title, role, geometryType, fields, null, null, features);
    }

    NewLayer spec(Provenance provenance) {
        return new NewLayer(name, title, role, geometryType, fields, provenance, dateField, categoryField);
    }

    /** The geometries, in feature order. */
    List<Geometry> geometries() {
        return features.stream().map(Feature::geometry).toList();
    }
}
