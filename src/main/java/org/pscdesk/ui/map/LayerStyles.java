package org.pscdesk.ui.map;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.paint.Color;

import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.ui.fx.Theme;

/**
 * Gives each layer its look: risk factors take the next colour of the Okabe–Ito palette; incidents use
 * the viridis count ramp; the study area a bold dark outline; reference polygons thin grey outlines with
 * names (parks pale green); streets thin grey lines.
 */
public final class LayerStyles {

    /** Number of qualitative colours ({@code -psc-layer-1..7}); more factor layers reuse them. */
    public static final int PALETTE_SIZE = 7;
    /** Fill opacity of count squares: streets and risk-factor symbols stay readable over them. */
    public static final double COUNT_OPACITY = 0.55;

    private LayerStyles() {
    }

    public static Map<String, LayerStyle> assign(List<LayerInfo> layers, Theme theme) {
        Map<String, LayerStyle> styles = new HashMap<>();
        // Polygon and line factors take the first colours: the last one (yellow) is only legible as a point
        // with a dark outline, not as a translucent fill.
        List<LayerInfo> factors = new java.util.ArrayList<>(layers.stream().filter(l -> l.role() == LayerRole.FACTOR).toList());
        factors.sort(java.util.Comparator.comparingInt(l -> isPoints(l.geometryType()) ? 1 : 0));
        for (int i = 0; i < factors.size(); i++) {
            styles.put(factors.get(i).name(), factor(theme.color("-psc-layer-" + (i % PALETTE_SIZE + 1)), factors.get(i), theme));
        }
        for (LayerInfo info : layers) {
            switch (info.role()) {
                case OUTCOME -> styles.put(info.name(), countGrid(theme));
                case AREA -> styles.put(info.name(),
                        new LayerStyle(null, 0, theme.color("-psc-map-area"), 2.5, 3, null, false, List.of()));
                case REFERENCE -> styles.put(info.name(), reference(info, theme));
                default -> { }
            }
        }
        return styles;
    }

    private static boolean isPoints(GeometryType type) {
        return type == GeometryType.POINT || type == GeometryType.MULTIPOINT || type == GeometryType.GEOMETRY;
    }

    /** The incident count style (also used by the legend). */
    public static LayerStyle countGrid(Theme theme) {
        List<Color> ramp = List.of(theme.color("-psc-count-1"), theme.color("-psc-count-2"),
                theme.color("-psc-count-3"), theme.color("-psc-count-4"), theme.color("-psc-count-5"));
        return new LayerStyle(null, COUNT_OPACITY, null, 0, 0, null, false, ramp);
    }

    private static LayerStyle factor(Color color, LayerInfo info, Theme theme) {
        boolean polygons = info.geometryType() == GeometryType.POLYGON || info.geometryType() == GeometryType.MULTIPOLYGON;
        return new LayerStyle(color, polygons ? 0.45 : 1, color, polygons ? 1.2 : 2.0, 3.6,
                theme.color("-psc-map-outline"), false, List.of());
    }

    private static LayerStyle reference(LayerInfo info, Theme theme) {
        if (LayerKinds.isParkLike(info)) {
            return new LayerStyle(theme.color("-psc-map-park"), 0.55, theme.color("-psc-map-park-edge"), 0.8, 2.5,
                    null, false, List.of());
        }
        if (info.geometryType() == GeometryType.LINESTRING || info.geometryType() == GeometryType.MULTILINESTRING) {
            return new LayerStyle(null, 0, theme.color("-psc-map-street"), 0.9, 2.5, null, false, List.of());
        }
        return new LayerStyle(theme.color("-psc-map-reference"), 0, theme.color("-psc-map-boundary"), 1.0, 2.5,
                theme.color("-psc-map-halo"), LayerKinds.labelField(info) >= 0, List.of());
    }
}
