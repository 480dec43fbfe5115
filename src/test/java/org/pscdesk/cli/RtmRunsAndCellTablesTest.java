package org.pscdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.SavedRun;
import org.pscdesk.store.Workspace;

/**
 * {@code pscdesk rtm --save NAME} (runs kept in the workspace, byte-identical reruns) and
 * {@code pscdesk rtm --cells TABLE.csv --y COLUMN --vars ...} (the model stages on someone's cell table).
 */
class RtmRunsAndCellTablesTest {

    private static final String FACTORS = "liquor_stores,vacant_lots,bus_stops,bars";

    @TempDir
    static Path dir;
    static Path demo;

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String withoutElapsed(String json) {
        return json.replaceAll("\"elapsed_ms\" : \\d+", "\"elapsed_ms\" : 0");
    }

    @Test
    void aSavedRunKeepsItsParametersInputsResultAndACellLayer() throws Exception {
        Path json = dir.resolve("saved.json");
        CliRun r = run("rtm", demo.toString(), "--outcome", "incidents", "--factors", FACTORS, "--save", "nov-2026",
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Saved run 'nov-2026' with layer run_nov_2026_cells"), r.out());
        String result = Files.readString(json);
        try (Workspace ws = Workspace.open(demo)) {
            SavedRun saved = new RunRepository(ws).find("nov-2026").orElseThrow();
            assertEquals(withoutElapsed(result.strip()), withoutElapsed(saved.resultJson()));
            assertTrue(saved.parametersJson().contains("\"outcome\":\"incidents\""), saved.parametersJson());
            assertTrue(saved.parametersJson().contains("\"family\":\"auto\""), saved.parametersJson());
            for (String layer : List.of("incidents", "study_area", "liquor_stores", "bars")) {
                assertTrue(saved.inputsJson().contains("\"layer\":\"" + layer + "\""), saved.inputsJson());
            }
            assertTrue(saved.inputsJson().matches(".*\"content_sha256\":\"[0-9a-f]{64}\".*"), saved.inputsJson());

            LayerInfo cells = ws.layer("run_nov_2026_cells").orElseThrow();
            assertEquals(LayerRole.RESULT, cells.role());
            assertEquals(3015, cells.count(), "one polygon per in-study cell");
            List<String> fields = cells.fields().stream().map(FieldDef::name).toList();
            assertEquals(List.of("cell_id", "row", "col", "count"), fields.subList(0, 4));
            assertEquals(List.of("rrs", "class", "quadrant"), fields.subList(fields.size() - 3, fields.size()));
            for (String term : List.of("liquor_stores_proximity_400", "bus_stops_density_400")) {
                assertTrue(fields.contains(term), "selected variable " + term + " in " + fields);
            }
            long events = 0;
            double minRrs = Double.MAX_VALUE;
            int rrsAt = fields.indexOf("rrs");
            for (Feature f : ws.features(cells.name())) {
                events += ((Number) f.values().get(3)).longValue();
                minRrs = Math.min(minRrs, ((Number) f.values().get(rrsAt)).doubleValue());
                assertEquals(10_000, f.geometry().getArea(), 1e-6, "100 m cells");
            }
            assertTrue(result.contains("\"n_events\" : " + events), "cell counts sum to n_events");
            assertEquals(1.0, minRrs, 1e-12);
        }
    }

    @Test
    void rerunningWithTheSameInputsGivesAByteIdenticalResult() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        String[] args = {"rtm", demo.toString(), "--outcome", "incidents", "--factors", FACTORS, "--increment",
                "half", "--save", "twice", "--json"};
        assertEquals(0, run(concat(args, a.toString())).code());
        CliRun second = run(concat(args, b.toString()));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("Replaced the saved run 'twice'"), second.out());
        assertEquals(withoutElapsed(Files.readString(a)), withoutElapsed(Files.readString(b)));
        try (Workspace ws = Workspace.open(demo)) {
            assertEquals(1, new RunRepository(ws).list().stream().filter(s -> s.name().equals("twice")).count());
        }
    }

    @Test
    void aBadRunNameIsAUsageErrorAndLeavesTheWorkspaceUntouched() throws Exception {
        byte[] before = Files.readAllBytes(demo);
        CliRun r = run("rtm", demo.toString(), "--outcome", "incidents", "--factors", "bars", "--save", "my run");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("run name"), r.err());
        assertArrayEquals(before, Files.readAllBytes(demo));
    }

    @Test
    void aCellTableGivesTheSameModelAsTheWorkspaceRunItWasExportedFrom() throws Exception {
        Path cells = dir.resolve("cells.csv");
        Path fromWorkspace = dir.resolve("ws.json");
        Path fromTable = dir.resolve("table.json");
        // Each column of a cell table is its own factor, so compare with the one-per-factor rule off.
        CliRun ws = run("rtm", demo.toString(), "--outcome", "incidents", "--factors", FACTORS, "--one-per-factor", "off",
                "--export-cells", cells.toString(), "--json", fromWorkspace.toString());
        assertEquals(0, ws.code(), ws.err());
        String[] header = Files.readAllLines(cells).get(0).split(",");
        String vars = String.join(",", Arrays.asList(header).subList(6, header.length - 3));
        CliRun table = run("rtm", "--cells", cells.toString(), "--y", "count", "--vars", vars, "--one-per-factor", "off",
                "--json", fromTable.toString());
        assertEquals(0, table.code(), table.err());
        String a = withoutElapsed(Files.readString(fromWorkspace)).replaceAll("\"factor\" : \"[^\"]*\"", "");
        String b = withoutElapsed(Files.readString(fromTable)).replaceAll("\"factor\" : \"[^\"]*\"", "");
        assertEquals(a, b, "same counts and columns, same numbers; only the factor labels differ");
    }

    @Test
    void cellTableProblemsSayWhereAndExitThree() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "\uFEFFid,events,near_bar,dense\n1,0,1,0.5\n2,3,0,1.5\n3,x,1,2\n");
        CliRun badCount = run("rtm", "--cells", csv.toString(), "--y", "events", "--vars", "near_bar,dense");
        assertEquals(ExitCodes.BAD_INPUT, badCount.code());
        assertTrue(badCount.err().contains("bad.csv, line 4, column 'events'"), badCount.err());

        CliRun unknown = run("rtm", "--cells", csv.toString(), "--y", "events", "--vars", "near_bar,churches");
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("no column 'churches'") && unknown.err().contains("near_bar"), unknown.err());

        Files.writeString(csv, "events,near_bar\n1,1\n-2,0\n");
        CliRun negative = run("rtm", "--cells", csv.toString(), "--y", "events", "--vars", "near_bar");
        assertEquals(ExitCodes.BAD_INPUT, negative.code());
        assertTrue(negative.err().contains("line 3"), negative.err());

        assertEquals(ExitCodes.USAGE, run("rtm", "--cells", csv.toString(), "--vars", "near_bar").code());
        assertEquals(ExitCodes.USAGE, run("rtm", demo.toString(), "--cells", csv.toString(), "--y", "events",
                "--vars", "near_bar").code());
        assertEquals(ExitCodes.USAGE, run("rtm", "--cells", csv.toString(), "--y", "events", "--vars", "near_bar",
                "--save", "x").code());
        assertEquals(ExitCodes.USAGE, run("rtm").code());
    }

    @Test
    void aCellTableWithNumericColumnsAndAConstantOneRunsAndSaysWhatItLeftOut() throws Exception {
        Path csv = dir.resolve("numeric.csv");
        StringBuilder sb = new StringBuilder("count,dist_km,near,always\n");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 400; i++) {
            double dist = random.nextDouble() * 3;
            boolean near = random.nextBoolean();
            double mu = Math.exp(0.2 - 0.5 * dist + (near ? 0.8 : 0));
            sb.append(poisson(random, mu)).append(',').append(dist).append(',').append(near).append(",1\n");
        }
        Files.writeString(csv, sb);
        CliRun r = run("rtm", "--cells", csv.toString(), "--y", "count", "--vars", "dist_km,near,always", "--screen",
                "none", "--family", "poisson", "--json", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"name\" : \"dist_km\""), r.out());
        assertTrue(r.out().contains("\"name\" : \"near\""), r.out());
        assertTrue(r.out().contains("'always' has the same value in every cell"), r.out());
        assertTrue(r.out().contains("\"operationalization\" : null"), r.out());
    }

    private static int poisson(java.util.Random random, double mu) {
        double l = Math.exp(-mu);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static String[] concat(String[] a, String b) {
        List<String> all = new ArrayList<>(Arrays.asList(a));
        all.add(b);
        return all.toArray(new String[0]);
    }
}
