package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.Feature;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/**
 * Imported coordinates agree with GDAL to within 1 cm: St. Louis police X/Y in Missouri East US feet
 * (ESRI:102696, with the same proj definition given to GDAL) transformed into a UTM 15N workspace.
 */
class GdalAgreementTest {

    @TempDir
    Path dir;

    @Test
    void stateplaneFeetToUtmAgreesWithOgr2ogrWithinOneCentimetre() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogr2ogr")) || System.getenv("CI") != null,
                "GDAL not installed");
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("id,x,y\n");
        for (int i = 0; i < 500; i++) {
            // the observed SLMPD X range is 796,993-911,342 ft; Y spans the city
            csv.append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.2f", 797_000 + r.nextDouble() * 114_000))
                    .append(',').append(String.format(java.util.Locale.ROOT, "%.2f", 990_000 + r.nextDouble() * 90_000)).append('\n');
        }
        Path in = dir.resolve("police.csv");
        Files.writeString(in, csv.toString());
        Path ws = dir.resolve("ws.gpkg");
        List<Coordinate> ours = new ArrayList<>();
        try (Workspace w = Workspace.create(ws, Crs.of("EPSG:26915"))) {
            new ImportService(w).run(new ImportRequest(List.of(in), LayerRole.OUTCOME, "police",
                    ReadOptions.DEFAULTS.withCrs(Crs.of("ESRI:102696")), null, Map.of(), null, null, null, null, false,
                    Set.of(), ImportRequest.Mode.CREATE, null), Progress.NONE, Cancellation.none());
            for (Feature f : w.features("police")) {
                ours.add(f.geometry().getCoordinate());
            }
        }
        Path out = dir.resolve("gdal.csv");
        Process p = new ProcessBuilder("ogr2ogr", "-f", "CSV", out.toString(), in.toString(),
                "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-s_srs", Crs.of("ESRI:102696").proj4(),
                "-t_srs", "EPSG:26915", "-lco", "GEOMETRY=AS_XY").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        List<String> lines = Files.readAllLines(out);
        assertEquals(ours.size() + 1, lines.size());
        double worst = 0;
        for (int i = 0; i < ours.size(); i++) {
            String[] cols = lines.get(i + 1).split(",");
            double gx = Double.parseDouble(cols[0]);
            double gy = Double.parseDouble(cols[1]);
            worst = Math.max(worst, Math.hypot(gx - ours.get(i).x, gy - ours.get(i).y));
        }
        assertTrue(worst < 0.01, "largest difference from GDAL: " + worst + " m");
    }
}
