package org.pscdesk.store;

import java.util.Locale;

import org.locationtech.jts.geom.Geometry;

/** The geometry type of a feature layer, as registered in {@code gpkg_geometry_columns}. */
public enum GeometryType {
    POINT("Point"),
    LINESTRING("LineString"),
    POLYGON("Polygon"),
    MULTIPOINT("MultiPoint"),
    MULTILINESTRING("MultiLineString"),
    MULTIPOLYGON("MultiPolygon"),
    GEOMETRY("Geometry");

    private final String ogcName;

    GeometryType(String ogcName) {
        this.ogcName = ogcName;
    }

    /** The OGC simple-features name ({@code Point}, {@code MultiPolygon}...), used in the CLI's JSON. */
    public String ogcName() {
        return ogcName;
    }

    /** The name GeoPackage stores ({@code POINT}, {@code MULTIPOLYGON}...). */
    public String gpkgName() {
        return name();
    }

    public boolean accepts(Geometry g) {
        return this == GEOMETRY || g.getGeometryType().toUpperCase(Locale.ROOT).equals(name());
    }

    public static GeometryType ofGpkgName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return GEOMETRY;
        }
    }
}
