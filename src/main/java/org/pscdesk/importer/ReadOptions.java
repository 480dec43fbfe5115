package org.pscdesk.importer;

import java.nio.charset.Charset;

import org.pscdesk.geo.Crs;

/**
 * What a reader may need besides the file: the user's choices, all optional.
 *
 * @param crs the source CRS when the user gives it (overrides what the file or preset says), or null
 * @param xColumn column holding x (easting or longitude), or null to find it by common header names
 * @param yColumn column holding y (northing or latitude), or null
 * @param latColumn column holding latitude (implies lon/lat in EPSG:4326 unless {@code crs} is given), or null
 * @param lonColumn column holding longitude, or null
 * @param member for a zip or a GeoPackage with several layers: which one (file name or layer name), or null
 * @param charset text encoding when the user forces one, or null to sniff it
 */
public record ReadOptions(Crs crs, String xColumn, String yColumn, String latColumn, String lonColumn,
                          String member, Charset charset) {

    public static final ReadOptions DEFAULTS = new ReadOptions(null, null, null, null, null, null, null);

    public ReadOptions withCrs(Crs newCrs) {
        return new ReadOptions(newCrs, xColumn, yColumn, latColumn, lonColumn, member, charset);
    }

    public ReadOptions withMember(String newMember) {
        return new ReadOptions(crs, xColumn, yColumn, latColumn, lonColumn, newMember, charset);
    }

    /**
     * How the importer compares column names: lower-case letters and digits only, so {@code X-Coord},
     * {@code X Coord} and {@code XCOORD} all match. Screens that guess columns use the same rule.
     */
    public static String normaliseColumnName(String name) {
        return TextTable.normalise(name);
    }
}
