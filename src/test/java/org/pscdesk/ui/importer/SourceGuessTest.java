package org.pscdesk.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerRole;

/** The wizard's first guesses from file names and headers. */
class SourceGuessTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOrSeveralFilesMeanSlmpdAndStopsTxtMeansGtfs() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("2018"));
        assertEquals(Preset.SLMPD, SourceGuess.presetOf(List.of(folder)));
        assertEquals(Preset.SLMPD, SourceGuess.presetOf(List.of(dir.resolve("a.csv"), dir.resolve("b.csv"))));
        assertEquals(Preset.GTFS, SourceGuess.presetOf(List.of(dir.resolve("stops.txt"))));
        assertEquals(Preset.NONE, SourceGuess.presetOf(List.of(dir.resolve("bars.csv"))));
    }

    @Test
    void realSlmpdHeadersAreRecognisedIncludingMay2017s() throws Exception {
        Path monthly = ImportTestSupport.sharedData().resolve("stl/crime/slmpd_monthly");
        for (String file : List.of("2018/january2018.csv", "2017/may2017.csv")) {
            String header = Files.newBufferedReader(monthly.resolve(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .readLine();
            assertTrue(SourceGuess.looksLikeSlmpd(Arrays.asList(header.split(","))), file + ": " + header);
        }
        assertFalse(SourceGuess.looksLikeSlmpd(List.of("id", "name", "lat", "lon")));
    }

    @Test
    void coordinateColumnsAreFoundByTheImportersNames() {
        SourceGuess.Coordinates ll = SourceGuess.coordinates(List.of("id", "Latitude", "Longitude"), false);
        assertEquals(new SourceGuess.Coordinates("Longitude", "Latitude", true), ll);
        SourceGuess.Coordinates xy = SourceGuess.coordinates(List.of("XCoord", "YCoord", "lat", "lon"), true);
        assertEquals(new SourceGuess.Coordinates("XCoord", "YCoord", false), xy, "a projected CRS points at x/y");
        assertNull(SourceGuess.coordinates(List.of("a", "b"), false));
    }

    @ParameterizedTest
    @CsvSource({
        // accents and punctuation go, case is lowered
        "'Bars & Liquor Stores (2025)', bars_liquor_stores_2025",
        // a leading digit gets a prefix, as the workspace would add
        "2018, layer_2018",
        // reserved GeoPackage prefixes are avoided
        "gpkg_contents, layer_gpkg_contents",
        "'Écoles publiques', ecoles_publiques"
    })
    void namesAreMadeSafeTableNames(String text, String expected) {
        assertEquals(expected, SourceGuess.safeName(text));
    }

    @Test
    void aYearFolderOfIncidentsIsNamedAfterTheRole() throws Exception {
        Path year = Files.createDirectories(dir.resolve("2018"));
        assertEquals("incidents_2018", SourceGuess.layerName(List.of(year), LayerRole.OUTCOME));
        assertEquals("business_licenses_2025",
                SourceGuess.layerName(List.of(dir.resolve("business_licenses_2025.geojson")), LayerRole.FACTOR));
    }

    @ParameterizedTest
    @CsvSource({
        "STL_BOUNDARY_City.geojson, POLYGON, AREA",
        "neighborhood_boundaries.geojson, MULTIPOLYGON, REFERENCE",
        "part1_2018.csv, POINT, OUTCOME",
        "schools_2025.geojson, POINT, FACTOR",
        // a boundary word on points is not a study area
        "boundary_markers.csv, POINT, FACTOR"
    })
    void roleIsGuessedFromNameAndShapes(String file, GeometryType geometry, LayerRole role) {
        assertEquals(role, SourceGuess.role(List.of(dir.resolve(file)), Preset.NONE, geometry));
    }
}
