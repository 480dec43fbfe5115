package org.pscdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.Workspace;

/** {@code pscdesk import}: the contract of issue 4 (exit codes, JSON keys) on real files. */
class ImportCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((ws, smoke, shot) -> 1, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path workspace() throws Exception {
        Path ws = dir.resolve("ws.gpkg");
        Workspace.create(ws, Crs.of("ESRI:102696")).close();
        return ws;
    }

    /** The top-level numbers of the JSON report, and the problems' keys, parsed with a real JSON parser. */
    private static Map<String, Object> parse(String json) throws Exception {
        Map<String, Object> top = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    top.put(key, p.getLongValue());
                } else if (t == JsonToken.VALUE_STRING) {
                    top.put(key, p.getText());
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    StringBuilder inner = new StringBuilder();
                    int depth = 1;
                    while (depth > 0) {
                        JsonToken x = p.nextToken();
                        if (x == JsonToken.START_OBJECT || x == JsonToken.START_ARRAY) {
                            depth++;
                        } else if (x == JsonToken.END_OBJECT || x == JsonToken.END_ARRAY) {
                            depth--;
                        } else if (x == JsonToken.FIELD_NAME) {
                            inner.append(p.currentName()).append('=');
                        } else {
                            inner.append(p.getText()).append(';');
                        }
                    }
                    top.put(key, inner.toString());
                }
            }
        }
        return top;
    }

    @Test
    void jsonReportHasTheContractKeysAndNothingElseOnStdout() throws Exception {
        Path ws = workspace();
        Path csv = dir.resolve("stops.csv");
        Files.writeString(csv, "stop_id,stop_name,stop_lat,stop_lon\n1,Grand,38.63,-90.23\n2,Broken,abc,-90.2\n");
        Run r = run("import", ws.toString(), csv.toString(), "--role", "factor", "--name", "stops", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = parse(r.out());
        assertEquals("stops", json.get("layer"));
        assertEquals(2L, json.get("read"));
        assertEquals(1L, json.get("imported"));
        assertTrue(((String) json.get("skipped")).contains("bad_coordinates=1"), json.toString());
        String problems = (String) json.get("problems");
        assertTrue(problems.contains("file=stops.csv") && problems.contains("row=2") && problems.contains("field=")
                && problems.contains("message="), problems);
        Run layers = run("layers", ws.toString(), "--json");
        assertTrue(layers.out().contains("\"stops\""), layers.out());
    }

    @Test
    void unreadableInputExitsThreeAndLeavesTheWorkspaceAsItWas() throws Exception {
        Path ws = workspace();
        byte[] before = Files.readAllBytes(ws);
        Path junk = dir.resolve("junk.csv");
        byte[] noise = new byte[4096];
        new java.util.Random(3).nextBytes(noise);
        Files.write(junk, noise);
        Run r = run("import", ws.toString(), junk.toString(), "--role", "factor", "--name", "junk");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("junk.csv"), r.err());
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "id,lat,lon\n1,38.6,-90.2\n2,\"38.6,-90.2\n3,38.6,-90.2\n");
        Run quote = run("import", ws.toString(), broken.toString(), "--role", "factor", "--name", "b");
        assertEquals(ExitCodes.BAD_INPUT, quote.code());
        assertTrue(quote.err().contains("row 2") || quote.err().contains("line 3"), quote.err());
        assertArrayEquals(before, Files.readAllBytes(ws));
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path ws = workspace();
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "id,lat,lon\n1,38.6,-90.2\n");
        assertEquals(ExitCodes.USAGE, run("import", ws.toString(), csv.toString(), "--role", "victims", "--name", "x").code());
        assertEquals(ExitCodes.USAGE, run("import", ws.toString(), csv.toString(), "--role", "factor").code());
        assertEquals(ExitCodes.USAGE, run("import", ws.toString(), csv.toString(), "--role", "factor", "--name", "x",
                "--replace", "--append").code());
        assertEquals(ExitCodes.USAGE, run("import", ws.toString(), csv.toString(), "--role", "factor", "--name", "x",
                "--filter", "nope=1").code());
        assertEquals(ExitCodes.USAGE, run("import", ws.toString(), csv.toString(), "--role", "factor", "--name", "x",
                "--crs", "EPSG:0").code());
        Run again = run("import", ws.toString(), csv.toString(), "--role", "factor", "--name", "x");
        assertEquals(0, again.code(), again.err());
        Run clash = run("import", ws.toString(), csv.toString(), "--role", "factor", "--name", "x");
        assertEquals(ExitCodes.BAD_INPUT, clash.code());
        assertTrue(clash.err().contains("--replace") || clash.err().contains("replace"), clash.err());
        assertEquals(0, run("import", ws.toString(), csv.toString(), "--role", "factor", "--name", "x", "--replace").code());
    }

    @Test
    void slmpdYearImportMatchesAnIndependentCount() throws Exception {
        Path year = Path.of(System.getProperty("pscdesk.shared.data", "../shared/data"), "stl/crime/slmpd_monthly/2018");
        assumeTrue(Files.isDirectory(year), "shared St. Louis data not present");
        // Independent count: every row, minus 0,0 rows, minus -1 rows and the one earlier row each cancels.
        long rows = 0;
        long unmappableKept = 0;
        Map<String, Integer> open = new HashMap<>();
        long cancelledPairs = 0;
        List<Path> files;
        try (var s = Files.list(year)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted((a, b) -> month(a) - month(b)).toList();
        }
        List<String[]> kept = new java.util.ArrayList<>();
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).replace("\uFEFF", "")
                    .replace("ï»¿", "");
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                    new java.io.StringReader(text))) {
                rows++;
                Map<String, String> m = new HashMap<>();
                rec.toMap().forEach((k, v) -> m.put(k.replaceAll("[^A-Za-z]", "").toLowerCase(), v));
                String key = m.get("complaint").trim() + "|" + Integer.parseInt(m.get("crime").trim());
                boolean zero = Double.parseDouble(m.get("xcoord").trim()) == 0 && Double.parseDouble(m.get("ycoord").trim()) == 0;
                if (Integer.parseInt(m.get("count").trim()) < 0) {
                    Integer earlier = open.get(key);
                    if (earlier != null && earlier > 0) {
                        open.put(key, earlier - 1);
                        cancelledPairs++;
                        kept.add(new String[] {"cancel", key});
                    }
                } else {
                    open.merge(key, 1, Integer::sum);
                    kept.add(new String[] {zero ? "zero" : "ok", key});
                }
            }
        }
        // Cancellations remove the most recent earlier open row of their key; count what survives.
        Map<String, java.util.Deque<String>> byKey = new HashMap<>();
        for (String[] k : kept) {
            if (k[0].equals("cancel")) {
                byKey.get(k[1]).removeLast();
            } else {
                byKey.computeIfAbsent(k[1], x -> new java.util.ArrayDeque<>()).addLast(k[0]);
            }
        }
        long expected = byKey.values().stream().flatMap(java.util.Collection::stream).filter("ok"::equals).count();
        unmappableKept = byKey.values().stream().flatMap(java.util.Collection::stream).filter("zero"::equals).count();

        Path ws = workspace();
        Run r = run("import", ws.toString(), year.toString(), "--preset", "slmpd", "--role", "outcome", "--name",
                "crimes", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = parse(r.out());
        assertEquals(rows, json.get("read"));
        assertEquals(expected, json.get("imported"));
        assertTrue(((String) json.get("skipped")).contains("unmappable=" + unmappableKept + ";"), json.get("skipped")
                + " expected unmappable=" + unmappableKept);
        assertEquals(2 * cancelledPairs, json.get("cancelled"));
        try (Workspace w = Workspace.open(ws)) {
            assertEquals(expected, w.layer("crimes").orElseThrow().count());
        }
    }

    private static int month(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        List<String> months = List.of("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december");
        for (int i = 0; i < 12; i++) {
            if (n.startsWith(months.get(i))) {
                return i;
            }
        }
        return 99;
    }
}
