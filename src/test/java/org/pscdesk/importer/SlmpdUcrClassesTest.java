package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bundled UCR class table against SLMPD's reference UCRCodes.csv. */
class SlmpdUcrClassesTest {

    @Test
    void hasTheSameTwentySixClassesAndPartsAsTheReferenceTable() throws Exception {
        Path file = CsvReaderTest.sharedData().resolve("stl/crime/reference/UCRCodes.csv");
        Map<String, Integer> reference = new LinkedHashMap<>();
        String[] lines = Files.readString(file, StandardCharsets.ISO_8859_1).split("\r");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            reference.put(String.format("%02d", Integer.parseInt(f[0])), Integer.parseInt(f[1]));
        }
        Map<String, Integer> ours = new LinkedHashMap<>();
        UcrClasses.all().forEach((code, c) -> ours.put(code, c.part()));
        assertEquals(reference, ours);
    }

    @Test
    void namesAreUniqueAndHoldNoCommasSoTheyCanBeFilteredOn() {
        var seen = new HashSet<String>();
        for (UcrClasses.UcrClass c : UcrClasses.all().values()) {
            assertFalse(c.name().contains(","), c.name());
            assertFalse(c.name().isBlank());
            assertTrue(seen.add(c.name()), c.name());
        }
        assertNull(UcrClasses.name("27"));
    }
}
