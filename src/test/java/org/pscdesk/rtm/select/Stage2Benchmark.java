package org.pscdesk.rtm.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.pscdesk.rtm.model.Design;
import org.pscdesk.rtm.model.Family;
import org.pscdesk.rtm.model.GlmFit;
import org.pscdesk.rtm.model.ModelFrame;
import org.pscdesk.rtm.model.NegBinomial1Glm;
import org.pscdesk.rtm.model.NegBinomial2Glm;
import org.pscdesk.rtm.model.PoissonGlm;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * Stage-2 timing on a design shaped like the St. Louis benchmark (issue 5): a square grid of SIDE² cells
 * (default 212² = 44,944), 10 factors × (6 proximity + 6 density bands) = 120 binary candidates, an
 * overdispersed outcome with a planted model. Not a test (no timing asserts); run after {@code mvn test-compile}:
 * <pre>
 *   java -cp target/classes:target/test-classes org.pscdesk.rtm.select.Stage2Benchmark [RUNS] [SIDE] [CANDIDATES] [PLANTED]
 * </pre>
 * Prints to standard error: single fits of 5, 10 and 15 variables per family (median of RUNS after warm-up), and
 * the stepwise search per family over the first CANDIDATES (default 120) candidates with 1 and 2 threads.
 * PLANTED (default 5, at most 10) factors carry an effect in the outcome.
 */
public final class Stage2Benchmark {

    /** Planted coefficients and the band (0..11 within a factor) that carries each. */
    private static final double[] EFFECTS = {0.8, 0.5, 0.6, -0.4, 0.3, 0.45, -0.3, 0.35, 0.25, 0.4};
    private static final int[] BANDS = {1, 8, 3, 0, 10, 2, 7, 4, 9, 5};

    private Stage2Benchmark() {
    }

    public static void main(String[] args) throws CancelledException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 212;
        int candidates = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        int planted = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long t0 = System.nanoTime();
        Design design = design(side, 10, planted, 20240605L);
        long t1 = System.nanoTime();
        ModelFrame frame = ModelFrame.of(design);
        long t2 = System.nanoTime();
        System.err.printf("design: %d cells, %d candidates, %.0f events; generated in %.0f ms, frame in %.1f ms%n",
                design.n(), design.p(), frame.events(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);

        for (int size : new int[] {5, 10, 15}) {
            int[] vars = new int[size];
            for (int j = 0; j < size; j++) {
                vars[j] = (j % 10) * 12 + (j / 10) * 6 + 1 + j % 3;
            }
            System.err.printf("p_model = %2d: groups %d; Poisson %s ms, NB2 %s ms, NBII %s ms (ModelFrame ready)%n",
                    size, frame.groups(vars).groupCount(),
                    time(runs, () -> new PoissonGlm().fit(frame, vars, null)),
                    time(runs, () -> new NegBinomial2Glm().fit(frame, vars, null, Double.NaN)),
                    time(runs, () -> new NegBinomial1Glm().fit(frame, vars, null, Double.NaN)));
        }
        int[] pool = new int[Math.min(candidates, design.p())];
        for (int j = 0; j < pool.length; j++) {
            pool[j] = j;
        }
        for (int threads : new int[] {1, 2}) {
            for (Family family : List.of(Family.POISSON, Family.NB2, Family.NBII, Family.AUTO)) {
                StepwiseBic search = new StepwiseBic(new StepwiseOptions().withFamily(family).withThreads(threads));
                SelectionResult last = null;
                double[] ms = new double[runs];
                for (int r = -1; r < runs; r++) {
                    long s = System.nanoTime();
                    last = search.run(ModelFrame.of(design), pool, Progress.NONE, Cancellation.none());
                    if (r >= 0) {
                        ms[r] = (System.nanoTime() - s) / 1e6;
                    }
                }
                Arrays.sort(ms);
                FamilySelection c = last.chosen();
                System.err.printf("stepwise %-7s %d thread(s): %7.1f ms median (min %.1f); chose %s, %d steps, %d"
                        + " models fitted, BIC %.2f, terms %s%n", family.label(), threads, ms[runs / 2], ms[0],
                        last.family().label(), c.steps().size(), c.modelsFitted(), c.bic(), c.names());
            }
        }
    }

    private static String time(int runs, java.util.function.Supplier<GlmFit> fit) {
        for (int w = 0; w < 3; w++) {
            fit.get();
        }
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            fit.get();
            ms[r] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("%.2f", ms[runs / 2]);
    }

    /**
     * A side × side grid; per factor a set of points (half of the factors clustered), proximity bands
     * dist ≤ 1..6 cells and density bands (quartic kernel, bandwidth 1..6 cells, above mean + 2 SD); outcome NB2
     * (θ = 1.5) with log μ = −2.2 + Σ over the first {@code planted} factors f of β<sub>f</sub> times one of its bands
     * (β alternating 0.8, 0.5, 0.6, −0.4, 0.3, ...).
     */
    static Design design(int side, int factors, int planted, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = side * side;
        List<String> names = new ArrayList<>();
        List<String> factorNames = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (int f = 0; f < factors; f++) {
            int points = 30 + random.nextInt(60);
            double[] px = new double[points];
            double[] py = new double[points];
            boolean clustered = f % 2 == 0;
            double cx = random.nextDouble(0.2, 0.8) * side;
            double cy = random.nextDouble(0.2, 0.8) * side;
            for (int k = 0; k < points; k++) {
                if (clustered && k % 3 != 0) {
                    px[k] = cx + random.nextDouble(-0.15, 0.15) * side;
                    py[k] = cy + random.nextDouble(-0.15, 0.15) * side;
                } else {
                    px[k] = random.nextDouble() * side;
                    py[k] = random.nextDouble() * side;
                }
            }
            double[] dist = new double[n];
            double[][] density = new double[6][n];
            for (int i = 0; i < n; i++) {
                double x = i % side + 0.5;
                double y = i / side + 0.5;
                double best = Double.POSITIVE_INFINITY;
                for (int k = 0; k < points; k++) {
                    double d2 = (x - px[k]) * (x - px[k]) + (y - py[k]) * (y - py[k]);
                    best = Math.min(best, d2);
                    for (int h = 1; h <= 6; h++) {
                        double r2 = d2 / (h * h);
                        if (r2 < 1) {
                            density[h - 1][i] += 3 / (Math.PI * h * h) * (1 - r2) * (1 - r2);
                        }
                    }
                }
                dist[i] = Math.sqrt(best);
            }
            for (int d = 1; d <= 6; d++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = dist[i] <= d ? 1 : 0;
                }
                names.add("f" + f + "_proximity_" + d);
                factorNames.add("f" + f);
                columns.add(col);
            }
            for (int h = 1; h <= 6; h++) {
                double[] dens = density[h - 1];
                double mean = Arrays.stream(dens).average().orElse(0);
                double sd = Math.sqrt(Arrays.stream(dens).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = dens[i] > mean + 2 * sd ? 1 : 0;
                }
                names.add("f" + f + "_density_" + h);
                factorNames.add("f" + f);
                columns.add(col);
            }
        }
        int[] yy = new int[n];
        double theta = 1.5;
        for (int i = 0; i < n; i++) {
            double eta = -2.2;
            for (int f = 0; f < Math.min(planted, factors); f++) {
                eta += EFFECTS[f % EFFECTS.length] * columns.get(12 * f + BANDS[f % BANDS.length])[i];
            }
            double mu = Math.exp(eta);
            double lambda = gamma(random, theta) / theta * mu;
            yy[i] = poisson(random, lambda);
        }
        return new Design(yy, names, factorNames, columns.toArray(new double[0][]));
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (shape ≥ 1). */
    private static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static int poisson(SplittableRandom random, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
