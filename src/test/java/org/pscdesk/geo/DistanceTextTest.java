package org.pscdesk.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DistanceTextTest {

    private static final Crs UTM = Crs.of("EPSG:26915");
    private static final Crs MISSOURI_FT = Crs.of("ESRI:102696");

    @Test
    void numberWithoutUnitIsInWorkingCrsUnits() {
        assertEquals(400, DistanceText.parse("400", MISSOURI_FT));
        assertEquals(0.5, DistanceText.parse(".5", UTM));
    }

    @Test
    void unitSuffixesConvertToWorkingCrsUnits() {
        assertEquals(250, DistanceText.parse("250m", UTM));
        assertEquals(1500, DistanceText.parse("1.5 km", UTM));
        assertEquals(152.4, DistanceText.parse("500ft", UTM), 1e-12);
        // the CRS's own (US survey) foot: 500ft is exactly 500 units, so band names stay round
        assertEquals(500, DistanceText.parse("500ft", MISSOURI_FT));
        assertEquals(250 * 3937.0 / 1200, DistanceText.parse("250M", MISSOURI_FT), 1e-9);
    }

    @Test
    void malformedOrNonPositiveDistancesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DistanceText.parse("abc", UTM));
        assertThrows(IllegalArgumentException.class, () -> DistanceText.parse("10 miles", UTM));
        assertThrows(IllegalArgumentException.class, () -> DistanceText.parse("0", UTM));
        assertThrows(IllegalArgumentException.class, () -> DistanceText.parse("-5m", UTM));
        assertThrows(IllegalArgumentException.class, () -> DistanceText.parse("5m", Crs.WGS84));
    }

    @Test
    void formatDropsTrailingZerosAndRoundingNoise() {
        assertEquals("500", DistanceText.format(500.0));
        assertEquals("166.5", DistanceText.format(333.0 / 2));
        assertEquals("228.6", DistanceText.format(1.5 * 152.4));
        assertEquals("1500", DistanceText.format(3 * 500.0));
        assertEquals("0.25", DistanceText.format(0.25));
        assertEquals("0", DistanceText.format(0));
    }
}
