package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.pscdesk.store.FieldType;

/**
 * Shared helpers for the format-reader tests: the St. Louis data folder, GDAL's command-line tools as the
 * independent reference (ogrinfo counts, field types and geometries), and reading a whole
 * {@link FeatureReader}.
 */
final class GeoTestSupport {

    static final Path OGRINFO = Paths.get("/usr/bin/ogrinfo");
    static final Path OGR2OGR = Paths.get("/usr/bin/ogr2ogr");
    static final Path GDALSRSINFO = Paths.get("/usr/bin/gdalsrsinfo");
    private static final Pattern GEOMETRY_LINE = Pattern.compile(
            "^  ((?:MULTI)?(?:POINT|LINESTRING|POLYGON)|GEOMETRYCOLLECTION)\\b.*");
    private static final Pattern FEATURE_LINE = Pattern.compile("^OGRFeature\\((.*)\\):(-?\\d+)$");
    private static final Pattern FIELD_LINE = Pattern.compile(
            "^(\\S.*?): (String|Integer|Integer64|Real|Date|DateTime|Time|Binary|\\w+List)(\\(\\w+\\))? \\(\\d+\\.\\d+\\)$");

    private GeoTestSupport() {
    }

    /** The shared data folder, or the test is skipped. */
    static Path sharedData() {
        String dir = System.getProperty("pscdesk.shared.data");
        assumeTrue(dir != null && Files.isDirectory(Paths.get(dir, "stl")), "shared data not present");
        return Paths.get(dir);
    }

    static Path stl(String relative) {
        Path p = sharedData().resolve("stl").resolve(relative);
        assumeTrue(Files.exists(p), relative + " not present");
        return p;
    }

    static boolean hasGdal() {
        return Files.isExecutable(OGRINFO) && Files.isExecutable(OGR2OGR);
    }

    static void assumeGdal() {
        assumeTrue(hasGdal(), "GDAL command-line tools not installed");
    }

    /** Runs a command, returns its standard output; fails the test on a non-zero exit. */
    static String run(String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectErrorStream(false);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + Arrays.toString(command));
            assertEquals(0, p.exitValue(), "failed: " + Arrays.toString(command));
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + Arrays.toString(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void ogr2ogr(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = OGR2OGR.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        run(command);
    }

    /** Total "Feature Count" over the layers ogrinfo lists. */
    static long ogrFeatureCount(Path file) {
        String out = run(OGRINFO.toString(), "-ro", "-so", "-al", file.toString());
        Matcher m = Pattern.compile("(?m)^Feature Count: (\\d+)$").matcher(out);
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    /** Field name to our type, as ogrinfo -so describes the first layer. */
    static Map<String, FieldType> ogrFields(Path file, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(OGRINFO.toString(), "-ro", "-so", "-al"));
        command.addAll(List.of(extraArgs));
        command.add(file.toString());
        String out = run(command.toArray(new String[0]));
        Map<String, FieldType> fields = new LinkedHashMap<>();
        int layers = 0;
        for (String line : out.split("\n")) {
            if (line.startsWith("Layer name:") && ++layers > 1) {
                break;
            }
            Matcher m = FIELD_LINE.matcher(line);
            if (m.matches()) {
                fields.put(m.group(1), ourType(m.group(2), m.group(3)));
            }
        }
        return fields;
    }

    private static FieldType ourType(String ogrType, String subType) {
        if ("(Boolean)".equals(subType)) {
            return FieldType.BOOLEAN;
        }
        return switch (ogrType) {
            case "Integer", "Integer64" -> FieldType.INTEGER;
            case "Real" -> FieldType.REAL;
            case "Date" -> FieldType.DATE;
            case "DateTime" -> FieldType.DATETIME;
            default -> FieldType.TEXT;
        };
    }

    /** Each feature's geometry as ogrinfo prints it, in order; null where a feature has none. */
    static List<Geometry> ogrGeometries(Path file, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(OGRINFO.toString(), "-ro", "-al", "-q"));
        command.addAll(List.of(extraArgs));
        command.add(file.toString());
        String out = run(command.toArray(new String[0]));
        List<Geometry> geometries = new ArrayList<>();
        WKTReader wkt = new WKTReader();
        for (String line : out.split("\n")) {
            if (FEATURE_LINE.matcher(line).matches()) {
                geometries.add(null);
            } else if (GEOMETRY_LINE.matcher(line).matches() && !geometries.isEmpty()) {
                try {
                    Geometry g = wkt.read(line.strip());
                    geometries.set(geometries.size() - 1, g.isEmpty() ? null : g);
                } catch (ParseException e) {
                    throw new AssertionError("cannot parse ogrinfo WKT: " + line, e);
                }
            }
        }
        return geometries;
    }

    /** Everything a reader returns, reading to the end. */
    static List<SourceRecord> readAll(FeatureReader reader) throws ImportException {
        List<SourceRecord> records = new ArrayList<>();
        SourceRecord r;
        while ((r = reader.next()) != null) {
            records.add(r);
            assertEquals(reader.fields().size(), r.values().length, "values align with fields");
            if (r.geometry() != null) {
                assertTrue(reader.geometryType().accepts(r.geometry()), "geometry " + r.geometry().getGeometryType()
                        + " fits declared " + reader.geometryType());
            }
        }
        return records;
    }

    /**
     * Largest coordinate difference between two geometries after normalising both (ring start and
     * orientation, component order); fails when they differ in vertex count, ring count or area.
     */
    static double maxDifference(Geometry ours, Geometry theirs) {
        Geometry a = ours.norm();
        Geometry b = theirs.norm();
        Coordinate[] ca = a.getCoordinates();
        Coordinate[] cb = b.getCoordinates();
        assertEquals(cb.length, ca.length, "vertex count");
        assertEquals(rings(b), rings(a), "ring count");
        // a hole given to the wrong polygon changes the area by the hole's share, far above this
        double area = Math.max(Math.abs(b.getArea()), 1e-30);
        assertTrue(Math.abs(a.getArea() - b.getArea()) / area < 1e-6, "area " + a.getArea() + " vs " + b.getArea());
        double max = 0;
        for (int i = 0; i < ca.length; i++) {
            max = Math.max(max, Math.max(Math.abs(ca[i].x - cb[i].x), Math.abs(ca[i].y - cb[i].y)));
        }
        return max;
    }

    private static int rings(Geometry g) {
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof org.locationtech.jts.geom.Polygon p) {
                n += 1 + p.getNumInteriorRing();
            }
        }
        return n;
    }

    /** Compares every feature's geometry with GDAL's; returns the largest coordinate difference. */
    static double compareWithGdal(List<SourceRecord> records, List<Geometry> gdal) {
        assertEquals(gdal.size(), records.size(), "feature count against ogrinfo");
        double max = 0;
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            Geometry theirs = gdal.get(i);
            if (theirs == null) {
                assertTrue(r.geometry() == null, "GDAL has no geometry for feature " + i);
                continue;
            }
            assertTrue(r.usable(), "feature " + i + " readable: " + r.problem());
            max = Math.max(max, maxDifference(r.geometry(), theirs));
        }
        return max;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
