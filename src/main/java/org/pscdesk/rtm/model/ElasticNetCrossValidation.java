package org.pscdesk.rtm.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * Stage 1 of RTM (rtm-method §2.1): the elastic-net Poisson path chosen by K-fold cross-validation, the same
 * computation as R's {@code cv.glmnet(x, y, family = "poisson", alpha = α, foldid = (0:(n-1)) %% K + 1)}
 * (glmnet 4.1-6), keeping the variables with non-zero coefficients at λ_min (default) or λ_1se.
 *
 * <p><b>Definition.</b> Cell i (0-based, table order) is in fold (i mod K) + 1. The path is fitted on all
 * cells (its λ values are the curve's); then, for each fold k, on the cells outside it. As in glmnet 4.1-6,
 * each fold's fit computes <em>its own</em> λ path (its own λ_max, lambda.min.ratio and early stop), and its
 * solution at each full-data λ is interpolated linearly in λ between its neighbours
 * ({@link ElasticNetPath#at(double)}; held at the ends). The held-out cells' Poisson deviance
 * 2[y log(y/μ) − (y − μ)] is averaged per fold; cvm(λ) is the fold-size-weighted mean of the fold means and
 * cvsd(λ) = √(Σ_k n_k (m_k − cvm)²/Σ_k n_k/(K − 1)) (cv.glmnet's grouped estimate; with fewer than 3 cells
 * per fold, as R, per-cell: √(mean((d_i − cvm)²)/(N − 1))). Infinite per-cell deviances are left out of a
 * fold's mean, as R does. λ_min is the largest λ with the smallest cvm; λ_1se the largest λ with
 * cvm ≤ cvm(λ_min) + cvsd(λ_min). The kept variables are the non-zero coefficients of the full-data fit at
 * the chosen λ (a λ of the path, so no interpolation).
 *
 * <p><b>Parallelism.</b> The K + 1 fits are independent (none uses another's λ values) and run on a small
 * fixed pool ({@link CrossValidationOptions#threads()}, default 2). Each fit is sequential and deterministic,
 * and the curve is assembled in fold order after all fits, so results do not depend on the scheduling or
 * the number of threads. Progress is reported per finished fit; cancellation is checked per λ in every fit.
 *
 * <p><b>Edge cases.</b> As {@link PoissonElasticNet}; also a training set without events (every event in
 * one fold) and fewer cells than folds throw {@link IllegalArgumentException} with a plain message. When a
 * fit stops at maxit, R warns and so does {@link ElasticNetSelection#warnings()}.
 *
 * <p>Accuracy against R: cvm and cvsd to about 1e-12 relative, identical λ_min, λ_1se and kept variables
 * (reference tests allow 1e-8 relative).
 *
 * <p>Thread-safe: each call has its own pool and state.
 */
public final class ElasticNetCrossValidation {

    private ElasticNetCrossValidation() {
    }

    /** Fold id (1..K) of each of n cells in table order: (i mod K) + 1. */
    public static int[] foldIds(int n, int folds) {
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i % folds + 1;
        }
        return id;
    }

    /** Stage 1 with the defaults: α = 0.5, 10 folds, λ_min. */
    public static ElasticNetSelection run(Design design) {
        return run(design, new CrossValidationOptions());
    }

    /** Stage 1 with options, without progress or cancellation. */
    public static ElasticNetSelection run(Design design, CrossValidationOptions options) {
        try {
            return run(design, options, Progress.NONE, Cancellation.none());
        } catch (CancelledException e) {
            throw new IllegalStateException("work without a cancellation token was cancelled", e);
        }
    }

    /**
     * Stage 1: the full-data path, K fold fits, the CV curve, the chosen λ and the kept variables.
     *
     * @param progress told after each of the K + 1 fits, from the calling thread
     * @param cancellation checked between λ values in every fit and between fits
     */
    public static ElasticNetSelection run(Design design, CrossValidationOptions options, Progress progress,
            Cancellation cancellation) throws CancelledException {
        int k = options.folds();
        if (design.n() < k) {
            throw new IllegalArgumentException("There are " + design.n() + " cells, fewer than the " + k
                    + " cross-validation folds; use fewer folds or a finer grid.");
        }
        ElasticNetData data = ElasticNetData.of(design);
        int[] fold = foldIds(data.n, k);
        ElasticNetData.Counts all = data.counts(null, 0, false);
        List<Fit> jobs = new ArrayList<>();
        jobs.add(new Fit(data, all, options.fit(), cancellation));
        for (int f = 1; f <= k; f++) {
            jobs.add(new Fit(data, data.counts(fold, f, false), options.fit(), cancellation));
        }
        cancellation.check();
        requireEvents(data, all);
        ElasticNetPath[] paths = runAll(jobs, options.threads(), progress, cancellation);
        cancellation.check();
        return assemble(data, fold, paths, options);
    }

    /** A fit to run: the rows of one training set. */
    private record Fit(ElasticNetData data, ElasticNetData.Counts counts, ElasticNetOptions options,
            Cancellation cancellation) {
        ElasticNetPath run() throws CancelledException {
            return PoissonElasticNet.fit(data, counts, options, null, Progress.NONE, cancellation,
                    "Cross-validating the elastic net");
        }
    }

    /** Checked before the folds start, so an outcome without events gets its own message, not a fold's. */
    private static void requireEvents(ElasticNetData data, ElasticNetData.Counts counts) {
        double events = 0;
        for (double s : counts.ySum()) {
            events += s;
        }
        if (events == 0 && data.n > 0) {
            throw new IllegalArgumentException("The outcome has no events in any cell, so a Poisson model"
                    + " cannot be fitted and nothing can be screened. Check the outcome layer, its dates"
                    + " and the area.");
        }
    }

    private static ElasticNetPath[] runAll(List<Fit> jobs, int threads, Progress progress,
            Cancellation cancellation) throws CancelledException {
        int total = jobs.size();
        ElasticNetPath[] out = new ElasticNetPath[total];
        String stage = "Cross-validating the elastic net";
        progress.update(stage, 0.0);
        if (threads == 1) {
            for (int i = 0; i < total; i++) {
                cancellation.check();
                out[i] = jobs.get(i).run();
                progress.update(stage, (i + 1.0) / total);
            }
            return out;
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "elastic-net-cv-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int index = i;
                futures.add(done.submit(() -> {
                    out[index] = jobs.get(index).run();
                    return index;
                }));
            }
            for (int finished = 0; finished < total; finished++) {
                Future<Integer> next;
                try {
                    next = done.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
                try {
                    next.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                } catch (CancellationException e) {
                    throw new CancelledException();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof CancelledException ce) {
                        throw ce;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
                progress.update(stage, (finished + 1.0) / total);
                cancellation.check();
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static ElasticNetSelection assemble(ElasticNetData data, int[] fold, ElasticNetPath[] paths,
            CrossValidationOptions options) {
        int k = options.folds();
        ElasticNetPath full = paths[0];
        double[] lambda = full.lambda();
        int nl = lambda.length;
        double[] cvm = new double[nl];
        double[] cvsd = new double[nl];
        boolean grouped = (double) data.n / k >= 3; // cv.glmnet: grouped = FALSE with < 3 cells per fold
        if (grouped) {
            double[][] foldMean = new double[k][];
            double[] foldSize = new double[k];
            for (int f = 1; f <= k; f++) {
                ElasticNetData.Counts held = data.counts(fold, f, true);
                foldSize[f - 1] = held.rows();
                foldMean[f - 1] = heldOutMeans(data, held, paths[f], lambda);
            }
            for (int l = 0; l < nl; l++) {
                double sw = 0;
                double s = 0;
                for (int f = 0; f < k; f++) {
                    double m = foldMean[f][l];
                    if (!Double.isNaN(m)) {
                        s += m * foldSize[f];
                        sw += foldSize[f];
                    }
                }
                double mean = s / sw;
                double ss = 0;
                double sw2 = 0;
                for (int f = 0; f < k; f++) {
                    double m = foldMean[f][l];
                    if (!Double.isNaN(m)) {
                        ss += (m - mean) * (m - mean) * foldSize[f];
                        sw2 += foldSize[f];
                    }
                }
                cvm[l] = mean;
                cvsd[l] = Math.sqrt(ss / sw2 / (k - 1));
            }
        } else {
            perCell(data, fold, paths, lambda, cvm, cvsd);
        }
        int indexMin = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int l = 0; l < nl; l++) {
            if (!Double.isNaN(cvsd[l]) && cvm[l] < best) {
                best = cvm[l];
            }
        }
        for (int l = 0; l < nl && indexMin < 0; l++) {
            if (!Double.isNaN(cvsd[l]) && cvm[l] <= best) {
                indexMin = l;
            }
        }
        if (indexMin < 0) {
            throw new IllegalStateException("The cross-validated deviance is undefined at every lambda.");
        }
        double bound = cvm[indexMin] + cvsd[indexMin];
        int index1se = indexMin;
        for (int l = 0; l < nl; l++) {
            if (!Double.isNaN(cvsd[l]) && cvm[l] <= bound) {
                index1se = l;
                break;
            }
        }
        List<String> warnings = new ArrayList<>();
        for (int f = 0; f < paths.length; f++) {
            if (paths[f].warning() != null) {
                warnings.add((f == 0 ? "Full-data fit: " : "Fold " + f + ": ") + paths[f].warning());
            }
        }
        return new ElasticNetSelection(full, cvm, cvsd, k, options.fit().alpha(), options.rule(), indexMin,
                index1se, warnings);
    }

    /** Mean held-out deviance of one fold at each full-data λ, over the fold's cells with a finite value. */
    private static double[] heldOutMeans(ElasticNetData data, ElasticNetData.Counts held, ElasticNetPath path,
            double[] lambda) {
        int g = data.groups;
        int[] pos = new int[g];
        int h = 0;
        for (int k = 0; k < g; k++) {
            pos[k] = held.count()[k] > 0 ? h++ : -1;
        }
        int[] groupAt = new int[h];
        double[] cnt = new double[h];
        double[] ys = new double[h];
        double[] devy = new double[h];
        for (int k = 0; k < g; k++) {
            int at = pos[k];
            if (at >= 0) {
                groupAt[at] = k;
                cnt[at] = held.count()[k];
                ys[at] = held.ySum()[k];
                devy[at] = held.yLogYSum()[k] - held.ySum()[k];
            }
        }
        int p = data.p;
        int[][] local = new int[p][];
        for (int j = 0; j < p; j++) {
            int[] list = data.list[j];
            if (list == null) {
                continue;
            }
            int[] buf = new int[list.length];
            int c = 0;
            for (int k : list) {
                if (pos[k] >= 0) {
                    buf[c++] = pos[k];
                }
            }
            local[j] = Arrays.copyOf(buf, c);
        }
        double[] eta = new double[h];
        double[] out = new double[lambda.length];
        for (int l = 0; l < lambda.length; l++) {
            double[] coef = path.at(lambda[l]);
            double base = coef[0];
            for (int j = 0; j < p; j++) {
                double b = coef[j + 1];
                if (b != 0 && local[j] != null && data.complement[j]) {
                    base += b;
                }
            }
            Arrays.fill(eta, base);
            for (int j = 0; j < p; j++) {
                double b = coef[j + 1];
                if (b == 0) {
                    continue;
                }
                if (local[j] != null) {
                    double add = data.complement[j] ? -b : b;
                    for (int at : local[j]) {
                        eta[at] += add;
                    }
                } else {
                    double[] x = data.value[j];
                    for (int at = 0; at < h; at++) {
                        eta[at] += b * x[groupAt[at]];
                    }
                }
            }
            double s = 0;
            double sw = 0;
            for (int at = 0; at < h; at++) {
                double e = eta[at];
                double d = 2 * (devy[at] - (ys[at] * e - cnt[at] * Math.exp(e)));
                if (Double.isFinite(d)) {
                    s += d;
                    sw += cnt[at];
                }
            }
            out[l] = s / sw;
        }
        return out;
    }

    /** cv.glmnet's ungrouped estimate (fewer than 3 cells per fold): statistics over single cells. */
    private static void perCell(ElasticNetData data, int[] fold, ElasticNetPath[] paths, double[] lambda,
            double[] cvm, double[] cvsd) {
        Design d = data.design;
        int n = d.n();
        int p = d.p();
        double[][] dev = new double[lambda.length][n];
        for (int l = 0; l < lambda.length; l++) {
            double[][] coef = new double[paths.length][];
            for (int f = 1; f < paths.length; f++) {
                coef[f] = paths[f].at(lambda[l]);
            }
            for (int i = 0; i < n; i++) {
                double[] c = coef[fold[i]];
                double e = c[0];
                for (int j = 0; j < p; j++) {
                    e += d.column(j)[i] * c[j + 1];
                }
                int y = d.y()[i];
                double devy = y > 0 ? y * Math.log(y) - y : 0;
                dev[l][i] = 2 * (devy - (y * e - Math.exp(e)));
            }
        }
        for (int l = 0; l < lambda.length; l++) {
            double s = 0;
            int cnt = 0;
            for (double v : dev[l]) {
                if (!Double.isNaN(v)) {
                    s += v;
                    cnt++;
                }
            }
            double mean = s / cnt;
            double ss = 0;
            for (double v : dev[l]) {
                if (!Double.isNaN(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            cvm[l] = mean;
            cvsd[l] = Math.sqrt(ss / cnt / (n - 1)); // R's N counts every cell with a prediction
        }
    }
}
