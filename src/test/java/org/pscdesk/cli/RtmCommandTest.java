package org.pscdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;

/** {@code pscdesk rtm} on the demo city: the JSON contract, the cell export and the exit codes. */
class RtmCommandTest {

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

    /** Top-level keys of a JSON object, read with a real parser (which also proves the text is strict JSON). */
    private static List<String> topKeys(String json) throws Exception {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            assertEquals(null, p.nextToken(), "nothing after the object");
        }
        return keys;
    }

    @Test
    void jsonToStdoutHasTheContractKeysAndNothingElse() throws Exception {
        CliRun r = run("rtm", demo.toString(), "--outcome", "incidents", "--factors",
                "liquor_stores,vacant_lots,bus_stops,schools", "--increment", "half", "--json", "-");
        assertEquals(0, r.code(), r.err());
        List<String> keys = topKeys(r.out());
        for (String k : List.of("family", "n_cells", "n_events", "intercept", "log_likelihood", "bic", "aic",
                "families", "candidates", "screened", "screen", "terms", "rrs", "highest_risk_cells", "validation",
                "elapsed_ms")) {
            assertTrue(keys.contains(k), "missing " + k + " in " + keys);
        }
        assertFalse(r.out().contains("NaN"), "strict JSON");
        assertTrue(r.out().contains("\"liquor_stores_proximity_400\""), r.out());
    }

    @Test
    void exportedCellsHaveOneRowPerInStudyCellAndTheCandidateColumns() throws Exception {
        Path csv = dir.resolve("cells.csv");
        Path json = dir.resolve("result.json");
        CliRun r = run("rtm", demo.toString(), "--outcome", "incidents", "--factors", "liquor_stores:proximity,bars",
                "--screen", "none", "--json", json.toString(), "--export-cells", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        assertEquals("cell_id", header[0]);
        assertEquals("quadrant", header[header.length - 1]);
        assertEquals(3016, lines.size(), "3,015 in-study cells (docs/demo-city.md) and a header");
        long events = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split(",");
            assertEquals(header.length, cols.length);
            events += Long.parseLong(cols[5]);
            assertTrue(Double.parseDouble(cols[header.length - 3]) >= 1.0, "rrs >= 1");
        }
        String text = Files.readString(json);
        assertTrue(text.contains("\"n_events\" : " + events), "the export's counts sum to n_events");
        assertTrue(topKeys(text).contains("terms"));
    }

    @Test
    void unknownLayerExitsThreeAndBadOptionsExitTwo() {
        CliRun unknown = run("rtm", demo.toString(), "--outcome", "incidents", "--factors", "churches");
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("churches"), unknown.err());
        assertEquals(ExitCodes.USAGE, run("rtm", demo.toString(), "--outcome", "incidents", "--factors", "bars",
                "--family", "gaussian").code());
        assertEquals(ExitCodes.USAGE, run("rtm", demo.toString(), "--outcome", "incidents", "--factors", "bars",
                "--increment", "quarter").code());
        assertEquals(ExitCodes.USAGE, run("rtm", demo.toString(), "--factors", "bars").code());
        assertEquals(ExitCodes.USAGE, run("rtm", demo.toString(), "--outcome", "incidents", "--factors", "bars",
                "--one-per-factor", "maybe").code());
    }
}
