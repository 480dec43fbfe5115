package org.pscdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

class CliTest {

    @TempDir
    Path dir;

    /** Output of one run. */
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((ws, smoke, shot) -> {
            throw new AssertionError("the GUI must not start");
        }, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void newCreatesAWorkspaceAndRefusesToOverwriteWithoutForce() throws Exception {
        Path ws = dir.resolve("a.gpkg");
        Run first = run("new", ws.toString(), "--crs", "ESRI:102696");
        assertEquals(0, first.code(), first.err());
        try (Workspace w = Workspace.open(ws)) {
            assertEquals("ESRI:102696", w.crs().orElseThrow().id());
        }
        byte[] before = Files.readAllBytes(ws);
        Run again = run("new", ws.toString());
        assertEquals(ExitCodes.BAD_INPUT, again.code());
        assertTrue(again.err().contains("--force"), again.err());
        assertArrayEquals(before, Files.readAllBytes(ws));
        Run forced = run("new", ws.toString(), "--crs", "EPSG:26915", "--force");
        assertEquals(0, forced.code(), forced.err());
        try (Workspace w = Workspace.open(ws)) {
            assertEquals("EPSG:26915", w.crs().orElseThrow().id());
        }
        assertEquals(List.of("a.gpkg"), listDir());
    }

    @Test
    void unknownOrGeographicCrsIsAUsageError() throws Exception {
        Run unknown = run("new", dir.resolve("b.gpkg").toString(), "--crs", "EPSG:999999");
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("EPSG:999999"), unknown.err());
        Run lonLat = run("new", dir.resolve("b.gpkg").toString(), "--crs", "EPSG:4326");
        assertEquals(ExitCodes.USAGE, lonLat.code());
        assertEquals(List.of(), listDir(), "nothing written");
    }

    @Test
    void layersJsonPrintsOnlyJsonWithTheContractKeys() throws Exception {
        Path ws = dir.resolve("c.gpkg");
        GeometryFactory gf = new GeometryFactory();
        try (Workspace w = Workspace.create(ws, Crs.of("EPSG:26915"))) {
            w.createLayer(new NewLayer("bus_stops", "Bus stops \"Metro\"", LayerRole.FACTOR, GeometryType.POINT,
                    List.of(new FieldDef("name", FieldType.TEXT)), Provenance.generated("test", null, null)),
                    List.of(new Feature(gf.createPoint(new Coordinate(1, 2)), List.of("A")),
                            new Feature(gf.createPoint(new Coordinate(3, 4)), List.of("B"))));
        }
        Run r = run("layers", ws.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        String json = r.out().trim();
        assertTrue(json.startsWith("[") && json.endsWith("]"), json);
        assertTrue(hasField(json, "name", "\"bus_stops\""), json);
        assertTrue(hasField(json, "role", "\"factor\""), json);
        assertTrue(hasField(json, "geometry", "\"Point\""), json);
        assertTrue(hasField(json, "count", "2"), json);
        assertTrue(hasField(json, "srs", "\"EPSG:26915\""), json);
        assertTrue(json.contains("\\\"Metro\\\""), "quotes escaped: " + json);
        Run text = run("layers", ws.toString());
        assertTrue(text.out().contains("bus_stops") && text.out().contains("factor"), text.out());
        assertFalse(Files.exists(Path.of(ws + "-wal")), "closed cleanly: one file");
    }

    @Test
    void notAWorkspaceIsBadInputWithOneSentenceAndNoStackTrace() throws Exception {
        Path png = dir.resolve("map.png");
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Files.write(png, bytes);
        Run r = run("layers", png.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("map.png") && r.err().contains("not a PSC Desk workspace"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
        assertEquals("", r.out());
        assertArrayEquals(bytes, Files.readAllBytes(png));
        assertEquals(List.of("map.png"), listDir());
        Run debug = run("layers", png.toString(), "--debug");
        assertTrue(debug.err().contains("\tat "), "stack trace with --debug");
        Run missing = run("layers", dir.resolve("nope.gpkg").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
    }

    @Test
    void usageErrorsExitTwoAndEveryCommandHasHelp() {
        assertEquals(ExitCodes.USAGE, run("frobnicate").code());
        assertEquals(ExitCodes.USAGE, run("layers").code());
        assertEquals(ExitCodes.USAGE, run("layers", "x.gpkg", "--bogus").code());
        for (String cmd : List.of("gui", "new", "demo", "layers")) {
            Run help = run(cmd, "--help");
            assertEquals(0, help.code(), cmd);
            assertTrue(help.out().contains("Usage: pscdesk " + cmd), help.out());
        }
        Run top = run("--help");
        assertTrue(top.out().contains("Exit codes"), top.out());
    }

    private static boolean hasField(String json, String key, String value) {
        return java.util.regex.Pattern.compile("\"" + key + "\"\\s*:\\s*" + java.util.regex.Pattern.quote(value))
                .matcher(json).find();
    }

    private List<String> listDir() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
