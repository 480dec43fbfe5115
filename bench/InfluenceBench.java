import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.pscdesk.geo.FeatureArrays;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.BandOptions;
import org.pscdesk.rtm.influence.CellCounts;
import org.pscdesk.rtm.influence.FactorInput;
import org.pscdesk.rtm.influence.FactorVariables;
import org.pscdesk.rtm.influence.Increment;
import org.pscdesk.rtm.influence.InfluenceBands;
import org.pscdesk.rtm.influence.Operationalization;
import org.pscdesk.rtm.influence.ProximityLayer;
import org.pscdesk.store.Feature;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/**
 * Times the cell universe and the influence layers of every factor layer of a workspace:
 * bench/influence.sh, or java -cp target/pscdesk.jar bench/InfluenceBench.java WS.gpkg CELL BLOCK BLOCKS RUNS THREADS [raster]
 * (both operationalizations, half increments; THREADS a comma list such as 2,1, timed in that order, so the
 * first run of the first entry is the cold one). Prints each run and the median, per thread count.
 */
public class InfluenceBench {

    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        double cell = Double.parseDouble(args[1]);
        double block = Double.parseDouble(args[2]);
        int blocks = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        int[] threadCounts = Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray();
        boolean raster = args.length > 6 && args[6].equals("raster");

        long t0 = System.nanoTime();
        List<Geometry> area = new ArrayList<>();
        List<Geometry> events = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<Geometry>> layers = new ArrayList<>();
        try (Workspace w = Workspace.open(ws)) {
            for (LayerInfo l : w.layers()) {
                List<Geometry> g = w.features(l.name()).stream().map(Feature::geometry).toList();
                if (l.role() == LayerRole.AREA) {
                    area.addAll(g);
                } else if (l.role() == LayerRole.OUTCOME) {
                    events.addAll(g);
                } else if (l.role() == LayerRole.FACTOR) {
                    names.add(l.name());
                    layers.add(g);
                }
            }
        }
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "read workspace: %.0f ms (%d factor layers, %d events)%n", (t1 - t0) / 1e6,
                names.size(), events.size());

        long m0 = System.nanoTime();
        StudyMask mask = StudyMask.of(area, cell);
        long m1 = System.nanoTime();
        FeatureArrays ev = FeatureArrays.of(events);
        CellCounts counts = CellCounts.of(mask, ev.pointX(), ev.pointY());
        long m2 = System.nanoTime();
        List<FactorInput> factors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            factors.add(new FactorInput(names.get(i), FeatureArrays.of(layers.get(i)), Operationalization.BOTH));
        }
        long m3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "grid %d x %d, %d in-study cells: mask %.0f ms; counts %.0f ms (%d counted,"
                        + " %d dropped); flatten factors %.0f ms%n", mask.grid().nx(), mask.grid().ny(), mask.size(),
                (m1 - m0) / 1e6, (m2 - m1) / 1e6, counts.counted(), counts.dropped(), (m3 - m2) / 1e6);
        for (FactorInput f : factors) {
            System.out.printf(Locale.ROOT, "  %-12s %s%n", f.factor(), f.features());
        }

        BandOptions options = new BandOptions(block).withBands(blocks, Increment.HALF);
        if (raster) {
            options = options.withProximityMethod(ProximityLayer.Method.RASTER);
        }
        List<FactorVariables> reference = null;
        for (int threads : threadCounts) {
            double[] ms = new double[runs];
            for (int r = 0; r < runs; r++) {
                long s = System.nanoTime();
                List<FactorVariables> result = InfluenceBands.of(mask, factors, options, threads, Progress.NONE,
                        Cancellation.none());
                ms[r] = (System.nanoTime() - s) / 1e6;
                if (reference == null) {
                    reference = result;
                    int vars = result.stream().mapToInt(f -> f.variables().size()).sum();
                    System.out.printf(Locale.ROOT, "%d variables%n", vars);
                } else if (!reference.equals(result)) {
                    throw new IllegalStateException("results differ between runs");
                }
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "threads %d: first %.0f ms, median %.0f ms, min %.0f ms; runs %s%n", threads,
                    ms[0], sorted[runs / 2], sorted[0], Arrays.toString(Arrays.stream(ms).map(Math::rint).toArray()));
        }
        // per-layer cost, one thread, warm
        for (FactorInput f : factors) {
            long s = System.nanoTime();
            ProximityLayer.distances(mask, f.features(), new ProximityLayer.Options(options.proximityMethod(),
                    block * blocks * 1.000001));
            long p = System.nanoTime();
            InfluenceBands.of(mask, new FactorInput(f.factor(), f.features(), Operationalization.DENSITY), options);
            long d = System.nanoTime();
            System.out.printf(Locale.ROOT, "  %-12s proximity %.1f ms, %d densities %.1f ms%n", f.factor(),
                    (p - s) / 1e6, options.bandCount(), (d - p) / 1e6);
        }
    }
}
