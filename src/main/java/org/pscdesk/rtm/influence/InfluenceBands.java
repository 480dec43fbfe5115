package org.pscdesk.rtm.influence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.pscdesk.geo.DistanceText;
import org.pscdesk.geo.FeatureArrays;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * A risk factor's binary band variables over the in-study cells (rtm-method.md §1.3): for each band distance
 * d of {@link BandOptions#distances()} (d = 1..N blocks, or 0.5..N in half blocks),
 * <ul>
 *   <li>{@code <factor>_proximity_<d>} = 1 when the distance from the cell centre to the nearest feature is
 *       ≤ d (tolerance 1e-9·cs; {@link ProximityLayer});</li>
 *   <li>{@code <factor>_density_<d>} = 1 when the quartic kernel density of the factor's points at bandwidth d
 *       is high ({@link QuarticDensity}, {@link DensityThreshold}; lines and polygons as the points of
 *       {@link FeatureArrays#densityPoints(double)}).</li>
 * </ul>
 * d in names is in working-CRS units, formatted by {@link DistanceText#format} (no trailing zeros): with
 * 500 m blocks, {@code bus_stops_proximity_500}, {@code bus_stops_density_1500}. Proximity bands come first,
 * then density bands, each in ascending d.
 *
 * <p>One distance layer serves all proximity bands (computed up to the largest band only); each density band
 * is its own kernel density. A factor with no features gets all its variables, every one 0, and a note; so
 * does a factor whose features are all too far from the study to matter. Proximity bands are monotone:
 * x_{d1} ≤ x_{d2} for d1 &lt; d2.
 *
 * <p>Threads: {@link #of(StudyMask, List, BandOptions, int, Progress, Cancellation)} runs the layers (one
 * proximity layer per factor, one density per factor and band) on a small fixed pool and assembles the results
 * in input order; each layer is computed by one thread in a fixed order, so results do not depend on
 * scheduling or on the number of threads. Stateless and thread-safe.
 */
public final class InfluenceBands {

    private InfluenceBands() {
    }

    /** The variable name {@code <factor>_<proximity|density>_<d>}. */
    public static String name(String factor, Operationalization operationalization, double distance) {
        if (operationalization == Operationalization.BOTH) {
            throw new IllegalArgumentException("a variable is either proximity or density");
        }
        return factor + "_" + operationalization.label() + "_" + DistanceText.format(distance);
    }

    /** The variables of one factor, on the calling thread. */
    public static FactorVariables of(StudyMask mask, FactorInput factor, BandOptions options) {
        try {
            return of(mask, List.of(factor), options, 1, Progress.NONE, Cancellation.none()).get(0);
        } catch (CancelledException e) {
            throw new IllegalStateException("a never-cancelled run was cancelled", e);
        }
    }

    /**
     * The variables of several factors, in input order, computed on {@code threads} threads.
     *
     * @param threads worker threads; 1 runs everything on the calling thread; 0 or less means one per core
     * @param progress told after each layer (proximity or one density band)
     * @param cancel checked before each layer
     * @throws CancelledException when cancelled (or the calling thread is interrupted)
     * @throws IllegalArgumentException if two factors share a label
     */
    public static List<FactorVariables> of(StudyMask mask, List<FactorInput> factors, BandOptions options,
                                           int threads, Progress progress, Cancellation cancel)
            throws CancelledException {
        Objects.requireNonNull(mask);
        Objects.requireNonNull(options);
        if (factors.stream().map(FactorInput::factor).distinct().count() != factors.size()) {
            throw new IllegalArgumentException("factor labels must be unique");
        }
        double[] bands = options.distances();
        List<Callable<List<BandVariable>>> layers = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            FactorInput in = factors.get(f);
            if (in.operationalization().includesProximity()) {
                layers.add(() -> proximityBands(mask, in, bands, options));
                owner.add(f);
            }
            if (in.operationalization().includesDensity()) {
                FeatureArrays.Points points = in.features().densityPoints(options.lineSpacing(mask.grid().cellSize()));
                for (int b = 0; b < bands.length; b++) {
                    int band = b;
                    layers.add(() -> List.of(densityBand(mask, in.factor(), points, band, bands[band],
                            options.threshold())));
                    owner.add(f);
                }
            }
        }
        List<List<BandVariable>> results = run(layers, threads, progress, cancel);

        List<List<BandVariable>> perFactor = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            perFactor.add(new ArrayList<>());
        }
        for (int i = 0; i < results.size(); i++) {
            perFactor.get(owner.get(i)).addAll(results.get(i));
        }
        List<FactorVariables> out = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            FactorInput in = factors.get(f);
            out.add(new FactorVariables(in.factor(), in.operationalization(), in.features().featureCount(),
                    perFactor.get(f), notes(in, perFactor.get(f), mask.size())));
        }
        return out;
    }

    private static List<List<BandVariable>> run(List<Callable<List<BandVariable>>> layers, int threads,
                                                Progress progress, Cancellation cancel) throws CancelledException {
        int n = layers.size();
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<List<BandVariable>> results = new ArrayList<>(n);
        if (workers <= 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                cancel.check();
                results.add(call(layers.get(i)));
                progress.update("Spatial influence layers", (i + 1.0) / n);
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, n), daemonThreads());
        try {
            List<Future<List<BandVariable>>> futures = new ArrayList<>(n);
            for (Callable<List<BandVariable>> layer : layers) {
                futures.add(pool.submit(() -> {
                    if (cancel.isCancelled()) {
                        return null;
                    }
                    return layer.call();
                }));
            }
            for (int i = 0; i < n; i++) {
                List<BandVariable> r = futures.get(i).get();
                cancel.check();
                if (r == null) {
                    throw new CancelledException();
                }
                results.add(r);
                progress.update("Spatial influence layers", (i + 1.0) / n);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<BandVariable> call(Callable<List<BandVariable>> layer) {
        try {
            return layer.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "rtm-influence-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** All proximity bands of a factor from one distance layer, computed up to the largest band. */
    static List<BandVariable> proximityBands(StudyMask mask, FactorInput in, double[] bands, BandOptions options) {
        double cs = mask.grid().cellSize();
        // the cap must keep every distance that passes the band test of the largest band
        double cap = bands[bands.length - 1] + 2 * ProximityLayer.BAND_TOLERANCE * cs;
        double[] dist = ProximityLayer.distances(mask, in.features(),
                new ProximityLayer.Options(options.proximityMethod(), cap));
        List<BandVariable> out = new ArrayList<>(bands.length);
        int[] ones = new int[dist.length];
        for (int b = 0; b < bands.length; b++) {
            int m = 0;
            for (int k = 0; k < dist.length; k++) {
                if (ProximityLayer.within(dist[k], bands[b], cs)) {
                    ones[m++] = k;
                }
            }
            out.add(new BandVariable(name(in.factor(), Operationalization.PROXIMITY, bands[b]), in.factor(),
                    Operationalization.PROXIMITY, b + 1, bands[b], dist.length, Arrays.copyOf(ones, m),
                    Double.NaN));
        }
        return out;
    }

    /** One density band: the kernel density at bandwidth d and the cells above the cut. */
    static BandVariable densityBand(StudyMask mask, String factor, FeatureArrays.Points points, int band,
                                    double d, DensityThreshold threshold) {
        double[] density = QuarticDensity.of(mask, points, d);
        double cut = threshold.cut(density);
        int[] ones = new int[density.length];
        int m = 0;
        for (int k = 0; k < density.length; k++) {
            if (threshold.isHigh(density[k], cut)) {
                ones[m++] = k;
            }
        }
        return new BandVariable(name(factor, Operationalization.DENSITY, d), factor, Operationalization.DENSITY,
                band + 1, d, density.length, Arrays.copyOf(ones, m), cut);
    }

    private static List<String> notes(FactorInput in, List<BandVariable> vars, int cells) {
        List<String> notes = new ArrayList<>();
        if (in.features().isEmpty()) {
            notes.add(in.factor() + ": the layer has no features, so its " + vars.size()
                    + " variables are 0 in every cell.");
            return notes;
        }
        if (cells == 0) {
            notes.add(in.factor() + ": the study area has no cells.");
            return notes;
        }
        for (BandVariable v : vars) {
            if (v.count() == 0) {
                notes.add(v.name() + " is 0 in every cell" + (v.operationalization() == Operationalization.PROXIMITY
                        ? " (no feature within " + DistanceText.format(v.distance()) + " of a cell centre)." : "."));
            } else if (v.count() == cells) {
                notes.add(v.name() + " is 1 in every cell.");
            }
        }
        return notes;
    }
}
