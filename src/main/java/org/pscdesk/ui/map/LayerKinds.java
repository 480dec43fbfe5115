package org.pscdesk.ui.map;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;

/** How a layer is treated on the map, guessed from its role, name and fields. */
final class LayerKinds {

    private static final Pattern PARK = Pattern.compile("park|green ?space|open ?space|recreation|cemetery|garden");
    private static final List<String> LABEL_FIELDS =
            List.of("name", "title", "label", "nhd_name", "neighborhood", "neighbourhood", "nbhd_name");

    private static final Pattern MAJOR_ROAD = Pattern.compile("arterial|primary|major|highway|trunk|motorway|secondary");
    private static final List<String> ROAD_CLASS_FIELDS = List.of("class", "road_class", "street_class", "highway",
            "fclass", "type");

    private LayerKinds() {
    }

    /** Reference polygons drawn as green space (parks) rather than as outlined boundaries. */
    static boolean isParkLike(LayerInfo info) {
        String text = (info.name() + " " + info.title()).toLowerCase(Locale.ROOT).replace('_', ' ');
        return info.role() == LayerRole.REFERENCE && PARK.matcher(text).find();
    }

    /** Index of the field holding a feature's name, or -1 (only boundary-like reference layers are labelled). */
    static int labelField(LayerInfo info) {
        if (info.role() != LayerRole.REFERENCE || isParkLike(info)) {
            return -1;
        }
        List<FieldDef> fields = info.fields();
        for (String wanted : LABEL_FIELDS) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equalsIgnoreCase(wanted)) {
                    return i;
                }
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).type() == FieldType.TEXT) {
                return i;
            }
        }
        return -1;
    }

    /** Index of a line layer's road-class field (arterial, local...), or -1. */
    static int roadClassField(LayerInfo info) {
        List<FieldDef> fields = info.fields();
        for (String wanted : ROAD_CLASS_FIELDS) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equalsIgnoreCase(wanted) && fields.get(i).type() == FieldType.TEXT) {
                    return i;
                }
            }
        }
        return -1;
    }

    static boolean isMajorRoad(Object roadClass) {
        return roadClass != null && MAJOR_ROAD.matcher(roadClass.toString().toLowerCase(Locale.ROOT)).find();
    }
}
