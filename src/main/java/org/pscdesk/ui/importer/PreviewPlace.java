package org.pscdesk.ui.importer;

import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.pscdesk.ui.map.WebMercator;

/**
 * Where the previewed features fall compared with the workspace: a wrong coordinate system usually puts
 * them hundreds of kilometres away (or in the ocean off Africa), which a broker can be told in words.
 */
final class PreviewPlace {

    /** Features farther than this share of the area's size from it count as "not near". */
    private static final double NEAR = 0.25;

    private PreviewPlace() {
    }

    /** The envelope of the non-null geometries, in longitude/latitude, or null when there are none. */
    static Envelope lonLatEnvelope(List<Geometry> lonLat) {
        Envelope e = new Envelope();
        for (Geometry g : lonLat) {
            if (g != null && !g.isEmpty()) {
                e.expandToInclude(g.getEnvelopeInternal());
            }
        }
        return e.isNull() ? null : e;
    }

    /** The same envelope in normalised Web Mercator ({@code minX, minY, maxX, maxY}), or null. */
    static double[] mercator(Envelope lonLat) {
        if (lonLat == null) {
            return null;
        }
        return new double[] {WebMercator.x(lonLat.getMinX()), WebMercator.y(lonLat.getMaxY()),
                WebMercator.x(lonLat.getMaxX()), WebMercator.y(lonLat.getMinY())};
    }

    /** True when the two Mercator boxes meet once the area's box is grown by {@link #NEAR} of its size. */
    static boolean near(double[] features, double[] area) {
        double growX = (area[2] - area[0]) * NEAR;
        double growY = (area[3] - area[1]) * NEAR;
        return features[0] <= area[2] + growX && features[2] >= area[0] - growX
                && features[1] <= area[3] + growY && features[3] >= area[1] - growY;
    }

    /**
     * A warning when none of the previewed features lies in or near the workspace's area, naming how far away
     * they are; null when they are near or there is nothing to compare.
     *
     * @param area the workspace's extent in normalised Web Mercator, or null
     */
    static String warning(List<Geometry> lonLat, double[] area) {
        Envelope env = lonLatEnvelope(lonLat);
        if (env == null || area == null) {
            return null;
        }
        double[] box = mercator(env);
        if (near(box, area)) {
            return null;
        }
        double areaLon = WebMercator.lon((area[0] + area[2]) / 2);
        double areaLat = WebMercator.lat((area[1] + area[3]) / 2);
        double km = kilometres(env.centre().x, env.centre().y, areaLon, areaLat);
        String where = Math.abs(env.centre().y) < 1 && Math.abs(env.centre().x) < 1 ? " (near 0°, 0° — the coordinates"
                + " are probably read as degrees when they are feet or metres)" : "";
        return String.format(Locale.ROOT, "The previewed features lie about %,.0f km from the workspace's area%s."
                + " The coordinate system is probably wrong: check it under “Coordinate system”.", km, where);
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius). */
    static double kilometres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
