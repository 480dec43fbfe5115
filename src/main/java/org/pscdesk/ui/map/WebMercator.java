package org.pscdesk.ui.map;

/**
 * Normalised Web Mercator (EPSG:3857 scaled to the unit square): x = 0 at 180° W, 1 at 180° E; y = 0 at
 * the top (85.05° N), 1 at the bottom. Multiplying by {@code 256 · 2^zoom} gives Gluon Maps / slippy-map
 * pixels, so drawing needs only one multiply-add per coordinate.
 */
public final class WebMercator {

    /** Latitude where Web Mercator stops (the map is square). */
    public static final double MAX_LAT = 85.05112878;

    private WebMercator() {
    }

    public static double x(double lon) {
        return (lon + 180.0) / 360.0;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        double phi = Math.toRadians(clamped);
        return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
    }

    public static double lon(double x) {
        return x * 360.0 - 180.0;
    }

    public static double lat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
    }

    /** Ground metres per unit of normalised x or y at a latitude (the Mercator scale factor applied). */
    public static double metresPerUnit(double lat) {
        return 2 * Math.PI * 6378137.0 * Math.cos(Math.toRadians(lat));
    }
}
