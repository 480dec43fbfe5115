package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/**
 * 200+ mutated inputs per text format through the whole import: each ends with a report or a clear error
 * (ImportException, or a usage IllegalArgumentException), never another exception, and a failed import
 * leaves the workspace byte-identical.
 */
class ImportFuzzTest {

    @TempDir
    Path dir;

    private static final String CSV = "id,name,lat,lon,category,when\n"
            + "1,\"Grand, Ave\",38.63,-90.23,Robbery,2018-01-02T10:00:00\n"
            + "2,Main,38.64,-90.24,Larceny,2018-01-03T11:30:00\n"
            + "3,\"Quote \"\"x\"\"\",38.65,-90.25,Burglary,2018-02-04T09:15:00\n";
    private static final String GEOJSON = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"n\":1,\"name\":\"a\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-90.2,38.6]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"n\":2,\"name\":\"b\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[-90.2,38.6],[-90.19,38.6],[-90.19,38.61],[-90.2,38.6]]]}}]}";
    private static final String KML = "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
            + "<Placemark><name>A</name><ExtendedData><Data name=\"kind\"><value>bar</value></Data></ExtendedData>"
            + "<Point><coordinates>-90.2,38.6</coordinates></Point></Placemark>"
            + "<Placemark><name>B</name><LineString><coordinates>-90.2,38.6 -90.21,38.61</coordinates></LineString></Placemark>"
            + "</Document></kml>";

    @ParameterizedTest
    @ValueSource(strings = {"csv", "geojson", "kml"})
    void mutatedInputsEndInAReportOrAClearErrorAndFailuresChangeNothing(String format) throws Exception {
        String seed = switch (format) {
            case "csv" -> CSV;
            case "geojson" -> GEOJSON;
            default -> KML;
        };
        Path ws = dir.resolve("ws-" + format + ".gpkg");
        Workspace.create(ws, Crs.of("EPSG:26915")).close();
        SplittableRandom random = new SplittableRandom(format.hashCode());
        int reports = 0;
        int errors = 0;
        try (Workspace w = Workspace.open(ws)) {
            for (int i = 0; i < 210; i++) {
                byte[] input = mutate(seed.getBytes(StandardCharsets.UTF_8), random);
                Path file = dir.resolve("in" + i + "." + format);
                Files.write(file, input);
                byte[] before = Files.readAllBytes(ws);
                ImportRequest request = new ImportRequest(List.of(file), LayerRole.FACTOR, "layer_" + i,
                        ReadOptions.DEFAULTS, null, Map.of(), null, null, null, null, false, Set.of(),
                        ImportRequest.Mode.CREATE, null);
                try {
                    new ImportService(w).run(request, Progress.NONE, Cancellation.none());
                    reports++;
                } catch (ImportException | IllegalArgumentException e) {
                    errors++;
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a message for input " + i);
                    assertArrayEquals(before, Files.readAllBytes(ws), "workspace unchanged after input " + i);
                } catch (WorkspaceException e) {
                    if (e.reason() != WorkspaceException.Reason.BAD_INPUT) {
                        fail("input " + i + ": " + e.getMessage(), e);
                    }
                    errors++;
                    assertArrayEquals(before, Files.readAllBytes(ws), "workspace unchanged after input " + i);
                } catch (RuntimeException e) {
                    fail("input " + i + " (" + new String(input, StandardCharsets.ISO_8859_1) + ") threw " + e, e);
                }
            }
        }
        assertTrue(reports > 0 && errors > 0, "the mutations exercise both paths: " + reports + "/" + errors);
    }

    private static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(5)) {
                case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, Math.max(0, r.nextInt(b.length + 1)));
                case 2 -> b = insert(b, r.nextInt(b.length + 1), new byte[] {'"'});
                case 3 -> b = insert(b, r.nextInt(b.length + 1), new byte[] {',', 0, '{', '<'}[r.nextInt(4)] == 0
                        ? new byte[] {0} : new byte[] {new byte[] {',', '{', '<', ']'}[r.nextInt(4)]});
                default -> {
                    int at = r.nextInt(b.length + 1);
                    b = insert(b, at, "-1e400".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (b.length == 0) {
                break;
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
