package org.pscdesk.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pscdesk.geo.Crs;

/** The CRS field's list and parsing. */
class CrsChoicesTest {

    @Test
    void everyListedSystemIsKnownWithTheUnitItsDescriptionSays() {
        for (CrsChoices.Choice c : CrsChoices.COMMON) {
            Crs crs = Crs.of(c.code());
            String unit = crs.unitLabel();
            if (c.description().contains("metres")) {
                assertEquals("m", unit, c.label());
            } else if (c.description().contains("feet")) {
                assertEquals("ft", unit, c.label());
            } else if (c.description().contains("longitude/latitude")) {
                assertEquals("deg", unit, c.label());
            }
        }
        List<String> codes = CrsChoices.COMMON.stream().map(CrsChoices.Choice::code).toList();
        for (int zone = 10; zone <= 19; zone++) {
            assertTrue(codes.contains("EPSG:" + (26900 + zone)), "NAD83 UTM " + zone + "N");
        }
        assertTrue(codes.containsAll(List.of("EPSG:4326", "EPSG:4269", "EPSG:3857", "EPSG:6512", "ESRI:102696")));
    }

    @Test
    void searchMatchesEveryWordInAnyOrder() {
        List<CrsChoices.Choice> found = CrsChoices.search("16 utm");
        assertFalse(found.isEmpty());
        for (CrsChoices.Choice c : found) {
            assertTrue(c.label().toLowerCase().contains("utm") && c.label().contains("16"), c.label());
        }
        assertEquals(List.of("ESRI:102696"), CrsChoices.search("missouri feet").stream().map(CrsChoices.Choice::code).toList());
        assertEquals(CrsChoices.COMMON, CrsChoices.search("  "));
    }

    @ParameterizedTest
    @CsvSource({
        // a listed line
        "'EPSG:26915 — NAD83 / UTM zone 15N, metres (St. Louis region)', EPSG:26915",
        // free entry, any case and spacing
        "esri:102696, ESRI:102696",
        "'EPSG 2815', EPSG:2815",
        // a bare number is an EPSG code
        "4269, EPSG:4269"
    })
    void codesAreReadFromWhatWasTyped(String text, String id) {
        assertEquals(id, CrsChoices.parse(text).orElseThrow().id());
    }

    @Test
    void blankMeansAsTheFileSaysAndNonsenseIsExplained() {
        assertTrue(CrsChoices.parse("").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrsChoices.parse("utm 16"));
        assertTrue(e.getMessage().contains("EPSG:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrsChoices.parse("EPSG:999999"));
    }
}
