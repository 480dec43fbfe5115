package org.pscdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** {@code pscdesk meetings} and {@code pscdesk meeting --json}: the contract keys on the demo's meeting. */
class MeetingCommandsTest {

    @TempDir
    static Path dir;
    static Path demo;

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
    }

    /** Keys of the objects at a given depth path, read with a real parser (strict JSON). */
    private static List<String> keysOf(String json, String arrayField) throws Exception {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            String field = null;
            int depth = 0;
            boolean inside = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    if (inside && depth == 3 && !keys.contains(field)) {
                        keys.add(field);
                    }
                    if (arrayField == null && depth == 1) {
                        keys.add(field);
                    }
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    if (t == JsonToken.START_ARRAY && depth == 2 && arrayField != null && arrayField.equals(field)) {
                        inside = true;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    if (t == JsonToken.END_ARRAY && depth == 2) {
                        inside = false;
                    }
                    depth--;
                }
            }
        }
        return keys;
    }

    @Test
    void meetingsListsTheDemoMeetingWithItsStatus() throws Exception {
        CliRun r = CliRun.of("meetings", demo.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().trim().startsWith("["), r.out());
        assertTrue(r.out().contains("\"status\" : \"finalized\""), r.out());
        assertTrue(r.out().contains("\"date\" : \"2025-11-20\""), r.out());
        CliRun text = CliRun.of("meetings", demo.toString());
        assertTrue(text.out().contains("Monthly ACTION meeting, November 2025"), text.out());
    }

    @Test
    void meetingPrintsEveryContractSectionWithItsKeys() throws Exception {
        CliRun r = CliRun.of("meeting", demo.toString(), "--id", "1", "--json");
        assertEquals(0, r.code(), r.err());
        String json = r.out();
        List<String> top = keysOf(json, null);
        for (String k : List.of("id", "date", "title", "status", "attendance", "agenda", "places", "decisions",
                "commitments", "action_items")) {
            assertTrue(top.contains(k), k + " in " + top);
        }
        assertEquals(List.of("organization", "sector"), keysOf(json, "attendance"));
        assertEquals(List.of("step", "notes"), keysOf(json, "agenda"));
        assertTrue(keysOf(json, "places").containsAll(List.of("id", "rank", "label", "narrative", "facts")));
        assertEquals(List.of("text", "reason", "place_id"), keysOf(json, "decisions"));
        assertEquals(List.of("place_id", "program", "organization", "start", "dosage"), keysOf(json, "commitments"));
        assertTrue(keysOf(json, "action_items").containsAll(List.of("id", "text", "owner_organization", "place_id",
                "program", "due", "status", "carried_from")));
        assertEquals(2, json.split("\"status\" : \"open\"", -1).length - 1, "two open action items");
    }

    @Test
    void anUnknownMeetingExitsThree() {
        CliRun r = CliRun.of("meeting", demo.toString(), "--id", "99", "--json");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("no meeting 99"), r.err());
        assertEquals(ExitCodes.USAGE, CliRun.of("meeting", demo.toString()).code());
    }
}
