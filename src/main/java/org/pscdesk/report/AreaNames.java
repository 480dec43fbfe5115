package org.pscdesk.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.pscdesk.geo.Grid;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * Names of reference areas (neighbourhoods, districts) by location, for place labels: the first reference
 * polygon layer with a name-like text field. Public data (area names), never incident data.
 */
public final class AreaNames {
    private final List<PreparedGeometry> areas = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final GeometryFactory gf = new GeometryFactory();

    public static AreaNames of(Workspace ws) throws WorkspaceException {
        AreaNames names = new AreaNames();
        for (LayerInfo l : ws.layers()) {
            boolean polygons = l.geometryType() == GeometryType.POLYGON
                    || l.geometryType() == GeometryType.MULTIPOLYGON;
            int field = nameField(l);
            if (l.role() == LayerRole.REFERENCE && polygons && field >= 0) {
                ws.forEachFeature(l.name(), f -> {
                    Object v = f.values().get(field);
                    if (v != null && !v.toString().isBlank() && f.geometry() != null) {
                        names.areas.add(PreparedGeometryFactory.prepare(f.geometry()));
                        names.names.add(v.toString().trim());
                    }
                });
                if (!names.areas.isEmpty()) {
                    break; // the first named polygon layer (neighbourhoods come before districts in practice)
                }
            }
        }
        return names;
    }

    private static int nameField(LayerInfo l) {
        List<FieldDef> fields = l.fields();
        for (String wanted : new String[] {"name", "nhd_name", "nhd_name_long", "neighborhood", "neighbourhood"}) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equalsIgnoreCase(wanted) && fields.get(i).type() == FieldType.TEXT) {
                    return i;
                }
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i).name().toLowerCase(Locale.ROOT);
            if (fields.get(i).type() == FieldType.TEXT && (f.contains("name") || f.contains("neigh"))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The name most of a group's cell centres lie in; failing that, "near" the closest named area within
     * two cells; else empty.
     */
    Optional<String> label(Grid grid, int[] cells, int[] group) {
        java.util.Map<String, Integer> votes = new java.util.HashMap<>();
        for (int k : group) {
            int cell = cells[k];
            at(grid.centreX(grid.col(cell)), grid.centreY(grid.row(cell))).ifPresent(n -> votes.merge(n, 1, Integer::sum));
        }
        Optional<String> best = votes.entrySet().stream().max(java.util.Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(java.util.Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(java.util.Map.Entry::getKey);
        if (best.isPresent() || group.length == 0) {
            return best;
        }
        int cell = cells[group[0]];
        Point p = gf.createPoint(new Coordinate(grid.centreX(grid.col(cell)), grid.centreY(grid.row(cell))));
        double nearest = 2 * grid.cellSize();
        String name = null;
        for (int i = 0; i < areas.size(); i++) {
            double d = areas.get(i).getGeometry().distance(p);
            if (d <= nearest) {
                nearest = d;
                name = names.get(i);
            }
        }
        return Optional.ofNullable(name).map(n -> "near " + n);
    }

    /** The name of the area a point lies in. */
    public Optional<String> at(double x, double y) {
        return areaAt(x, y).map(Area::name);
    }

    /** A named reference area (a neighbourhood) and its outline, working CRS. */
    public record Area(String name, org.locationtech.jts.geom.Geometry outline) {
    }

    /** The area a point lies in, with its outline (a place picked as a whole neighbourhood). */
    public Optional<Area> areaAt(double x, double y) {
        Point p = gf.createPoint(new Coordinate(x, y));
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).contains(p)) {
                return Optional.of(new Area(names.get(i), areas.get(i).getGeometry()));
            }
        }
        return Optional.empty();
    }
}
