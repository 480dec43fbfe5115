package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pscdesk.geo.Crs;

class PrjCrsTest {

    /** The CRS of each St. Louis shapefile, from the table in shared/data/README.md. */
    private static final Map<String, String> README = Map.of(
            "STL_BOUNDARY_City.prj", "EPSG:4269",
            "GIS.STL.POLICE_DISTRICTS_2014.prj", "ESRI:102696",
            "St_Louis_City.prj", "EPSG:4269",
            "STL_DEMOS_Nhoods.prj", "EPSG:26915",
            "STL_EDU_Public.prj", "EPSG:26915");

    @Test
    void matchesEveryPrjOfTheStLouisDataAsTheReadmeStates() throws Exception {
        Map<String, String> found = new TreeMap<>();
        for (Path prj : stLouisPrjFiles()) {
            Optional<Crs> crs = PrjCrs.match(Files.readString(prj, StandardCharsets.ISO_8859_1));
            found.put(prj.getFileName().toString(), crs.map(Crs::id).orElse("none"));
        }
        assertEquals(new TreeMap<>(README), found);
    }

    @Test
    void agreesWithGdalWhereGdalNamesOneCode() throws Exception {
        assumeTrue(Files.isExecutable(GeoTestSupport.GDALSRSINFO), "gdalsrsinfo not installed");
        int compared = 0;
        for (Path prj : stLouisPrjFiles()) {
            Optional<String> gdal = gdalCode(prj);
            if (gdal.isEmpty()) {
                continue;
            }
            compared++;
            Optional<Crs> ours = PrjCrs.match(Files.readString(prj, StandardCharsets.ISO_8859_1));
            assertEquals(gdal.get(), ours.map(Crs::id).orElse("none"), prj.toString());
        }
        assertTrue(compared >= 3, "GDAL named a code for only " + compared + " files");
    }

    /** ESRI-flavoured WKT that GDAL writes for each code: our match must give the code back. */
    @ParameterizedTest
    @ValueSource(strings = {"EPSG:4326", "EPSG:4269", "EPSG:4267", "EPSG:26915", "EPSG:26910", "EPSG:26715",
        "EPSG:32615", "EPSG:32733", "EPSG:26996", "ESRI:102696", "EPSG:2815", "EPSG:6344"})
    void readsBackTheEsriWktGdalWritesForACode(String code) {
        assumeTrue(Files.isExecutable(GeoTestSupport.GDALSRSINFO), "gdalsrsinfo not installed");
        String wkt = GeoTestSupport.run(GeoTestSupport.GDALSRSINFO.toString(), "-o", "wkt_esri", "--single-line",
                code).strip();
        assertEquals(code, PrjCrs.match(wkt).map(Crs::id).orElse("none"), wkt);
    }

    /** OGC WKT as GDAL writes it, with its AUTHORITY nodes removed so the parameters must do the work. */
    @ParameterizedTest
    @ValueSource(strings = {"EPSG:4326", "EPSG:4269", "EPSG:26915", "EPSG:32615", "EPSG:32733", "EPSG:26996"})
    void readsOgcWktWithoutAuthorityByItsParameters(String code) {
        assumeTrue(Files.isExecutable(GeoTestSupport.GDALSRSINFO), "gdalsrsinfo not installed");
        String wkt = GeoTestSupport.run(GeoTestSupport.GDALSRSINFO.toString(), "-o", "wkt1", "--single-line", code)
                .strip().replaceAll(",AUTHORITY\\[\"EPSG\",\"\\d+\"\\]", "");
        assertFalse(wkt.contains("AUTHORITY"));
        assertEquals(code, PrjCrs.match(wkt).map(Crs::id).orElse("none"), wkt);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // ESRI UTM name on NAD83
        "PROJCS[\"NAD_1983_UTM_Zone_16N\",GEOGCS[\"GCS_North_American_1983\",DATUM[\"D_North_American_1983\",SPHEROID[\"GRS_1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000],PARAMETER[\"False_Northing\",0],PARAMETER[\"Central_Meridian\",-87],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0],UNIT[\"Meter\",1]]|EPSG:26916",
        // WGS 84 UTM south
        "PROJCS[\"WGS_1984_UTM_Zone_33S\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000],PARAMETER[\"False_Northing\",10000000],PARAMETER[\"Central_Meridian\",15],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0],UNIT[\"Meter\",1]]|EPSG:32733",
        // an AUTHORITY at the end decides
        "GEOGCS[\"whatever\",DATUM[\"x\",SPHEROID[\"y\",1,1]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.01745],AUTHORITY[\"EPSG\",\"4269\"]]|EPSG:4269",
        // Missouri East in metres is EPSG:26996, not the feet ESRI code
        "PROJCS[\"NAD83 / Missouri East\",GEOGCS[\"NAD83\",DATUM[\"North_American_Datum_1983\",SPHEROID[\"GRS 1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",35.8333333333333],PARAMETER[\"central_meridian\",-90.5],PARAMETER[\"scale_factor\",0.999933333],PARAMETER[\"false_easting\",250000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]|EPSG:26996",
        // the feet version under a name no index knows still matches by its parameters
        "PROJCS[\"City GIS export\",GEOGCS[\"GCS_North_American_1983\",DATUM[\"D_North_American_1983\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",820208.3333333333],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",-90.5],PARAMETER[\"Scale_Factor\",0.9999333333333333],PARAMETER[\"Latitude_Of_Origin\",35.83333333333334],UNIT[\"Foot_US\",0.3048006096012192]]|ESRI:102696",
        // same parameters in international feet: no such CRS, no match
        "PROJCS[\"Wrong feet\",GEOGCS[\"GCS_North_American_1983\",DATUM[\"D_North_American_1983\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",820208.3333333333],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",-90.5],PARAMETER[\"Scale_Factor\",0.9999333333333333],PARAMETER[\"Latitude_Of_Origin\",35.83333333333334],UNIT[\"Foot\",0.3048]]|none",
        // NAD27 UTM must not become NAD83
        "PROJCS[\"NAD_1927_UTM_Zone_15N\",GEOGCS[\"GCS_North_American_1927\",DATUM[\"D_North_American_1927\",SPHEROID[\"Clarke_1866\",6378206.4,294.9786982]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000],PARAMETER[\"False_Northing\",0],PARAMETER[\"Central_Meridian\",-93],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0],UNIT[\"Meter\",1]]|EPSG:26715",
        // an unknown datum on another spheroid: no guess
        "GEOGCS[\"GCS_Tokyo\",DATUM[\"D_Tokyo\",SPHEROID[\"Bessel_1841\",6377397.155,299.1528128]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]]|none",
        // a UTM-like grid off a zone's central meridian is not UTM
        "PROJCS[\"odd\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000],PARAMETER[\"False_Northing\",0],PARAMETER[\"Central_Meridian\",-92],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0],UNIT[\"Meter\",1]]|none",
    })
    void matchesHandWrittenWkt(String wkt, String expected) {
        assertEquals(expected, PrjCrs.match(wkt).map(Crs::id).orElse("none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "GEOGCS[", "GEOGCS[\"x\",DATUM[\"y\"]", "PROJCS[\"a\"]]]",
        "GEOGCS[\"unterminated", "[[[[]]]]"})
    void findsNothingInJunk(String junk) {
        assertTrue(PrjCrs.match(junk).isEmpty());
    }

    @Test
    void saysWhenItAssumedNad83ForAnUnknownDatum() throws Exception {
        String tracts = "GEOGCS[\"GRS 1980(IUGG, 1980)\",DATUM[\"D_unknown\",SPHEROID[\"GRS80\",6378137,298.257222101]],"
                + "PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.017453292519943295]]";
        PrjCrs.Result r = PrjCrs.matchWithNote(tracts);
        assertEquals("EPSG:4269", r.crs().orElseThrow().id());
        assertNotNull(r.note());
        assertNull(PrjCrs.matchWithNote("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,"
                + "298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]]").note());
    }

    private static List<Path> stLouisPrjFiles() throws Exception {
        Path stl = GeoTestSupport.sharedData().resolve("stl");
        try (Stream<Path> files = Files.walk(stl)) {
            List<Path> prjs = files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".prj")).sorted()
                    .toList();
            assertEquals(README.size(), prjs.size(), "the README's table lists every .prj: " + prjs);
            return prjs;
        }
    }

    /** gdalsrsinfo's code when it prints exactly one without a confidence list; codes above 100000 are ESRI's. */
    private static Optional<String> gdalCode(Path prj) {
        String out = GeoTestSupport.run(GeoTestSupport.GDALSRSINFO.toString(), "-o", "epsg", prj.toString()).strip();
        Matcher m = Pattern.compile("EPSG:(-?\\d+)").matcher(out);
        List<String> codes = m.results().map(r -> r.group(1)).toList();
        if (codes.size() != 1 || out.contains("Confidence") || codes.get(0).startsWith("-") || codes.get(0).equals("0")) {
            return Optional.empty();
        }
        int code = Integer.parseInt(codes.get(0));
        return Optional.of((code >= 100_000 ? "ESRI:" : "EPSG:") + code);
    }
}
