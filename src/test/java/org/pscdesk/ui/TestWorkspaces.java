package org.pscdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.NewLayer;
import org.pscdesk.store.Provenance;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/** Small real workspaces for UI tests (the demo city is used where the whole app is started). */
final class TestWorkspaces {

    static final GeometryFactory GF = new GeometryFactory();
    /** A point in the demo city's area (EPSG:26915, near St. Louis). */
    static final double X0 = 740_000;
    static final double Y0 = 4_280_000;
    private static final Provenance TEST = new Provenance("test", "generated", "EPSG:26915", "2026-01-01", null);

    private TestWorkspaces() {
    }

    /**
     * A 2 km square town: study area, two neighbourhoods, a street, a bar layer (3 points) and incidents
     * placed so that one 250 m square holds 3, another 2 and a third 1 incident.
     */
    static Path town(Path file) throws WorkspaceException {
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            ws.createLayer(new NewLayer("study_area", "Study area", LayerRole.AREA, GeometryType.POLYGON,
                    List.of(), TEST), List.of(new Feature(square(X0, Y0, 2000), List.of())));
            ws.createLayer(new NewLayer("neighbourhoods", "Neighbourhoods", LayerRole.REFERENCE, GeometryType.POLYGON,
                    List.of(new FieldDef("name", FieldType.TEXT)), TEST), List.of(
                    new Feature(square(X0, Y0, 1000), List.of("North End")),
                    new Feature(square(X0 + 1000, Y0, 1000), List.of("Riverside"))));
            ws.createLayer(new NewLayer("streets", "Streets", LayerRole.REFERENCE, GeometryType.LINESTRING,
                    List.of(new FieldDef("class", FieldType.TEXT)), TEST), List.of(
                    new Feature(GF.createLineString(new Coordinate[] {new Coordinate(X0, Y0 + 1000),
                            new Coordinate(X0 + 2000, Y0 + 1000)}), List.of("arterial")),
                    new Feature(GF.createLineString(new Coordinate[] {new Coordinate(X0 + 1000, Y0),
                            new Coordinate(X0 + 1000, Y0 + 2000)}), List.of("local"))));
            List<Feature> bars = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                bars.add(new Feature(GF.createPoint(new Coordinate(X0 + 300 + i * 500, Y0 + 700)), List.of()));
            }
            ws.createLayer(new NewLayer("bars", "Bars", LayerRole.FACTOR, GeometryType.POINT, List.of(), TEST), bars);
            List<Feature> incidents = new ArrayList<>();
            // 3 in the square [0,250)², 2 in [250,500)×[0,250), 1 in [500,750)×[0,250)
            double[][] at = {{10, 10}, {100, 100}, {200, 200}, {260, 10}, {400, 100}, {600, 100}};
            for (double[] p : at) {
                incidents.add(new Feature(GF.createPoint(new Coordinate(X0 + p[0], Y0 + p[1])), List.of("Robbery")));
            }
            ws.createLayer(new NewLayer("incidents", "Incidents", LayerRole.OUTCOME, GeometryType.POINT,
                    List.of(new FieldDef("category", FieldType.TEXT)), TEST, null, "category"), incidents);
        }
        return file;
    }

    static org.locationtech.jts.geom.Polygon square(double x, double y, double side) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
                new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
    }

    /** A minimal GeoPackage as another tool writes it: the core tables, none of PSC Desk's. */
    static Path foreignGeoPackage(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id = 1196444487");
            st.execute("PRAGMA user_version = 10300");
            st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
                    + " description TEXT)");
            st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),"
                    + " ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL)");
            st.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT"
                    + " (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,"
                    + " srs_id INTEGER)");
            st.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                    + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))");
        }
        return file;
    }

    /** The first bytes of a real PNG: what a user might pick by mistake. */
    static Path png(Path file) throws IOException {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
        byte[] bytes = new byte[200];
        System.arraycopy(header, 0, bytes, 0, header.length);
        return Files.write(file, bytes);
    }
}
