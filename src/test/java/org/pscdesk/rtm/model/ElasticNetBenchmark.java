package org.pscdesk.rtm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stage-1 timing on a design shaped like the St. Louis benchmark (issue 5): ~45,000 cells, 10 factors ×
 * (6 proximity + 6 density bands) = 120 binary candidates, a planted model. Not a test (no timing asserts);
 * run after {@code mvn test-compile}:
 * <pre>
 *   java -cp target/classes:target/test-classes org.pscdesk.rtm.model.ElasticNetBenchmark [RUNS] [SIDE] [WARMUPS]
 * </pre>
 * Prints one line per run (wall time of {@link ElasticNetCrossValidation#run}, 10 folds, α = 0.5, 2 threads)
 * to standard error, after WARMUPS (default 2) untimed runs; with WARMUPS = 0 the first run is a cold JVM's,
 * as in the CLI. SIDE (default 212) is the side of the square grid: 212² = 44,944 cells.
 */
public final class ElasticNetBenchmark {

    private ElasticNetBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 212;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long t0 = System.nanoTime();
        Design design = bandDesign(side, side, 10, 20240501L);
        long t1 = System.nanoTime();
        ElasticNetData data = ElasticNetData.of(design);
        long t2 = System.nanoTime();
        int events = 0;
        for (int v : design.y()) {
            events += v;
        }
        System.err.printf("design: %d cells, %d variables, %d events, %d distinct rows; generated in %.0f ms,"
                + " grouped in %.1f ms%n", design.n(), design.p(), events, data.groups, (t1 - t0) / 1e6,
                (t2 - t1) / 1e6);
        CrossValidationOptions options = new CrossValidationOptions();
        for (int i = 0; i < warmups; i++) {
            ElasticNetCrossValidation.run(design, options);
        }
        for (int i = 0; i < runs; i++) {
            long c = cpuNanos();
            long s = System.nanoTime();
            ElasticNetSelection sel = ElasticNetCrossValidation.run(design, options);
            long e = System.nanoTime();
            long ce = cpuNanos();
            System.err.printf("run %d: %.0f ms wall, %.0f ms CPU (process, JIT included; %d threads): path %d"
                    + " lambdas, lambda_min = %.6g (index %d), kept %d variables%n", i + 1, (e - s) / 1e6,
                    (ce - c) / 1e6, options.threads(), sel.fit().size(), sel.lambdaMin(), sel.indexMin(),
                    sel.kept().size());
        }
        long s = System.nanoTime();
        ElasticNetPath full = PoissonElasticNet.fit(design);
        long e = System.nanoTime();
        System.err.printf("full-data path alone: %.0f ms, %d lambdas, %d passes%n", (e - s) / 1e6, full.size(),
                full.passes());
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /**
     * A synthetic RTM design on an nx × ny grid: per factor, random point features, nested proximity bands
     * [distance ≤ d] for d = 1..6 cells and density bands [quartic KDE with bandwidth h > mean + 2 SD] for
     * h = 1..6 cells; counts from a planted Poisson model on four of the bands. Feature counts are set for
 * 212 × 212 cells and grow with the area on larger grids.
     */
    static Design bandDesign(int nx, int ny, int factors, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = nx * ny;
        int[] featureCounts = {2500, 40, 300, 120, 60, 900, 25, 500, 200, 1500};
        List<String> names = new ArrayList<>();
        List<String> factorNames = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        double scale = n / 44944.0; // feature counts grow with the area: a bigger city, same density
        for (int f = 0; f < factors; f++) {
            int nf = (int) Math.round(featureCounts[f % featureCounts.length] * scale);
            double[] px = new double[nf];
            double[] py = new double[nf];
            for (int k = 0; k < nf; k++) {
                px[k] = rnd.nextDouble() * nx;
                py[k] = rnd.nextDouble() * ny;
            }
            double[] dist = new double[n];
            java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
            double[][] dens = new double[6][n];
            for (int k = 0; k < nf; k++) {
                int x0 = Math.max(0, (int) (px[k] - 7));
                int x1 = Math.min(nx - 1, (int) (px[k] + 7));
                int y0 = Math.max(0, (int) (py[k] - 7));
                int y1 = Math.min(ny - 1, (int) (py[k] + 7));
                for (int yy = y0; yy <= y1; yy++) {
                    for (int xx = x0; xx <= x1; xx++) {
                        double dx = xx + 0.5 - px[k];
                        double dy = yy + 0.5 - py[k];
                        double r = Math.sqrt(dx * dx + dy * dy);
                        int i = yy * nx + xx;
                        dist[i] = Math.min(dist[i], r);
                        for (int b = 0; b < 6; b++) {
                            double h = b + 1;
                            if (r < h) {
                                double u = 1 - (r / h) * (r / h);
                                dens[b][i] += 3 / (Math.PI * h * h) * u * u;
                            }
                        }
                    }
                }
            }
            String factor = "factor" + (f + 1);
            for (int b = 0; b < 6; b++) {
                double d = b + 1;
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = dist[i] <= d ? 1 : 0;
                }
                names.add(factor + "_proximity_" + (b + 1));
                factorNames.add(factor);
                cols.add(x);
            }
            for (int b = 0; b < 6; b++) {
                double mean = 0;
                for (double v : dens[b]) {
                    mean += v;
                }
                mean /= n;
                double ss = 0;
                for (double v : dens[b]) {
                    ss += (v - mean) * (v - mean);
                }
                double cut = mean + 2 * Math.sqrt(ss / (n - 1));
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = dens[b][i] > cut ? 1 : 0;
                }
                names.add(factor + "_density_" + (b + 1));
                factorNames.add(factor);
                cols.add(x);
            }
        }
        int p = cols.size();
        double[][] columns = cols.toArray(new double[0][]);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double eta = -3.0 + 0.6 * columns[1 % p][i] + 0.5 * columns[15 % p][i] + 0.4 * columns[26 % p][i]
                    + 0.3 * columns[40 % p][i];
            y[i] = poisson(rnd, Math.exp(eta));
        }
        return new Design(y, names, factorNames, columns);
    }

    private static int poisson(SplittableRandom rnd, double mu) {
        double l = Math.exp(-mu);
        int k = 0;
        double prod = rnd.nextDouble();
        while (prod > l) {
            k++;
            prod *= rnd.nextDouble();
        }
        return k;
    }
}
