package org.pscdesk.rtm.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * One path fit of the elastic-net Poisson model on one set of rows: a step-by-step port of glmnet 4.1-6's
 * dense Poisson solver ({@code glmnetpp} {@code ElnetPath<poisson, naive>} and its point solver, the C++
 * translation of the Fortran {@code fishnet1}), run on the groups of {@link ElasticNetData}.
 *
 * <p>Same iterates as glmnet: weights normalized to sum 1; standardized columns; the first λ of a computed
 * path is {@code big} (all coefficients zero), the second λ_max·r and each next one r times smaller,
 * r = max(lambda.min.ratio, 1e-6)^(1/(nlambda − 1)), λ_max = max_j |x̃_jᵀ(y − μ̂₀)|/(n·max(α, 1e-3)) from the
 * null fit; sequential strong rule α(2λ − λ_prev) then a KKT check after the IRLS converges; IRLS outer loop
 * (μ = exp(η), working residual y − μ) around coordinate descent: full passes over the strong set, then
 * passes over the active set until max v_jΔβ_j² &lt; thresh·dev₀, then a full pass again; intercept step
 * after each pass; IRLS converged when the intercept's and every active coefficient's weighted squared change
 * is below that threshold. Early stop after {@code mnlam} λ values when the deviance ratio rose by less than
 * 10·fdev (relative) over the last mnlam − 1 steps or passed devmax.
 *
 * <p>Binary columns are kept as group lists; their residual updates are O(list) through a lazy form of the
 * residual, r = R − γ·w, since x̃ = σ(x° − m°)/s adds a constant times w to every row. Long runs of passes
 * over the active set switch to covariance mode (gradients through the active set's Gram matrix, as
 * glmnet's Gaussian "covariance" solver does); the iterates are the same up to rounding.
 *
 * <p>Not thread-safe; one instance per fit.
 */
final class ElasticNetSolver {

    /** glmnet.control()$big: the first λ of a computed path, at which every coefficient is zero. */
    static final double BIG = 9.9e35;
    /** glmnet.control()$eps: the smallest lambda.min.ratio used. */
    private static final double EPS = 1e-6;
    /** glmnet's fmax: linear predictors are clamped to ±log(0.1·DBL_MAX) before exp. */
    private static final double FMAX = Math.log(Double.MAX_VALUE * 0.1);
    /** Plain passes over the active set before covariance mode is considered (most solves end sooner). */
    private static final int FIRST_LOOK = 3;
    /**
     * Time of one Gram pair update relative to one list element of a plain pass (gradient + update). With
     * FIRST_LOOK = 3, 0.5 was the fastest on the 45,000-cell benchmark design (0.1 to 1 and 1 to 3 tried).
     */
    private static final double PAIR_COST = 0.5;

    /** Thrown when the total number of coordinate-descent passes exceeds maxit. */
    private static final class MaxitReached extends Exception {
        private static final long serialVersionUID = 1L;

        MaxitReached() {
            super(null, null, false, false);
        }
    }

    private final ElasticNetData data;
    private final ElasticNetOptions options;
    private final int g;
    private final int p;
    private final int rows;
    private final double alpha;

    // per-fit data
    private final double[] q;
    private final double[] t;
    private final double yb;
    private final boolean[] ju;
    private final double[] sign;
    private final double[] mo;
    private final double[] xm;
    private final double[] xs;
    private final double[][] xt;

    // state of the IRLS / coordinate descent
    private final double[] a;
    private final double[] as;
    private final double[] v;
    /** For the strong set, with the current weights: Σ w over the list (binary) or Σ w·x̃ (numeric). */
    private final double[] wx;
    /** For a binary variable in the strong set: w on its list, contiguous (refreshed with w). */
    private final double[][] wl;
    private final double[] ga;
    private final boolean[] strong;
    private final boolean[] active;
    private final int[] order;
    /** Position of an active variable in {@link #order}. */
    private final int[] position;
    /** Size of the strong set (it only grows, and holds the active set). */
    private int nStrong;
    private int nin;
    private final double[] w;
    private final double[] r;
    private final double[] f;
    private double gamma;
    private double rsum;
    private double wsum;
    private double v0;
    private double az;
    private double az0;
    private double dlx;
    private final double thr;
    private int nlp;
    private final double dv0;
    private final double dvr;

    // covariance mode of the partial passes (see partialPhase)
    /** Number of active variables the Gram matrix covers for the current weights; −1 when there is none. */
    private int gramSize = -1;
    private double[] gram = new double[0];
    /** Σ_k w_k x̃_jk per active position. */
    private double[] xw = new double[0];
    /** Gradient x̃_jᵀr per active position, kept up to date through the Gram matrix. */
    private double[] grad = new double[0];
    /** Coefficient changes per active position not yet applied to the residual. */
    private double[] delta = new double[0];
    private double delta0;
    private double sumR;
    /** Per group: how many active binary lists hold it (for the Gram matrix's cost). */
    private final int[] memberships;
    /** Σ_k c_k(c_k + 1)/2 over groups, c = memberships, plus numeric variables' share: Gram pair updates. */
    private long gramPairs;
    /** Σ list lengths of the active variables (numeric: g each): list elements of one plain pass. */
    private long activeElements;

    /**
     * @param counts the rows this fit uses, per group (at least one event among them)
     */
    ElasticNetSolver(ElasticNetData data, ElasticNetData.Counts counts, ElasticNetOptions options) {
        this.data = data;
        this.options = options;
        this.g = data.groups;
        this.p = data.p;
        this.rows = counts.rows();
        this.alpha = options.alpha();
        q = new double[g];
        t = new double[g];
        double sw = rows;
        double ybSum = 0;
        double sat = 0;
        for (int k = 0; k < g; k++) {
            q[k] = counts.count()[k] / sw;
            t[k] = counts.ySum()[k] / sw;
            ybSum += t[k];
            sat += counts.yLogYSum()[k] / sw;
        }
        yb = ybSum;

        ju = new boolean[p];
        sign = new double[p];
        mo = new double[p];
        xm = new double[p];
        xs = new double[p];
        xt = new double[p][];
        standardize(counts);

        a = new double[p];
        as = new double[p];
        v = new double[p];
        wx = new double[p];
        wl = new double[p][];
        ga = new double[p];
        strong = new boolean[p];
        active = new boolean[p];
        order = new int[p];
        position = new int[p];
        w = new double[g];
        r = new double[g];
        f = new double[g];
        memberships = new int[g];

        // null model: μ = ȳ
        az = Math.log(yb);
        for (int k = 0; k < g; k++) {
            w[k] = q[k] * yb;
            r[k] = t[k] - w[k];
            f[k] = az;
        }
        dv0 = yb * (az - 1.0);
        v0 = yb;
        gamma = 0;
        refreshSums();
        dvr = -yb + sat - dv0;
        thr = options.thresh() * dvr;
        for (int j = 0; j < p; j++) {
            if (ju[j]) {
                ga[j] = Math.abs(gradient(j));
            }
        }
    }

    /** True when variable j varies among this fit's rows (glmnet's {@code ju}); constant ones stay zero. */
    boolean varies(int j) {
        return ju[j];
    }

    /** Null deviance of this fit's rows, 2·Σ[y log(y/ȳ)] (glmnet's {@code nulldev}). */
    double nullDeviance() {
        return 2.0 * rows * dvr;
    }

    private void standardize(ElasticNetData.Counts counts) {
        boolean std = options.standardize();
        double qsum = 0;
        for (int k = 0; k < g; k++) {
            qsum += q[k];
        }
        int[] count = counts.count();
        for (int j = 0; j < p; j++) {
            int[] list = data.list[j];
            if (list != null) {
                int inList = 0;
                double m = 0;
                for (int k : list) {
                    inList += count[k];
                    m += q[k];
                }
                ju[j] = inList > 0 && inList < rows;
                sign[j] = data.complement[j] ? -1.0 : 1.0;
                mo[j] = m;
                xm[j] = data.complement[j] ? qsum - m : m;
                double var = m * (1 - m) * (1 - m) + (qsum - m) * m * m;
                xs[j] = std ? Math.sqrt(var) : 1.0;
            } else {
                double[] x = data.value[j];
                double first = Double.NaN;
                boolean varies = false;
                double m = 0;
                for (int k = 0; k < g; k++) {
                    if (count[k] > 0) {
                        if (Double.isNaN(first)) {
                            first = x[k];
                        } else if (x[k] != first) {
                            varies = true;
                        }
                    }
                    m += q[k] * x[k];
                }
                ju[j] = varies;
                sign[j] = 1.0;
                xm[j] = m;
                double[] c = new double[g];
                double ss = 0;
                for (int k = 0; k < g; k++) {
                    c[k] = x[k] - m;
                    ss += q[k] * c[k] * c[k];
                }
                double s = std ? Math.sqrt(ss) : 1.0;
                xs[j] = s;
                if (varies) {
                    for (int k = 0; k < g; k++) {
                        c[k] /= s;
                    }
                    xt[j] = c;
                }
            }
        }
    }

    /** Σ_k x̃_jk r_k with the lazy residual r = R − γw (uses {@link #wx} when γ ≠ 0). */
    private double gradient(int j) {
        int[] list = data.list[j];
        if (list != null) {
            double inList = sumOver(list, r) - gamma * wx[j];
            double total = rsum - gamma * wsum;
            return sign[j] * (inList - mo[j] * total) / xs[j];
        }
        double[] x = xt[j];
        double s = 0;
        for (int k = 0; k < g; k++) {
            s += x[k] * r[k];
        }
        return s - gamma * wx[j];
    }

    /** Σ_i x[list_i], with eight running sums (independent additions pipeline; R's order differs anyway). */
    private static double sumOver(int[] list, double[] x) {
        int len = list.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 7 < len; i += 8) {
            s0 += x[list[i]];
            s1 += x[list[i + 1]];
            s2 += x[list[i + 2]];
            s3 += x[list[i + 3]];
            s4 += x[list[i + 4]];
            s5 += x[list[i + 5]];
            s6 += x[list[i + 6]];
            s7 += x[list[i + 7]];
        }
        for (; i < len; i++) {
            s0 += x[list[i]];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** r ← r − d·w∘x̃_j. */
    private void updateResidual(int j, double d) {
        int[] list = data.list[j];
        if (list != null) {
            double c = d * sign[j] / xs[j];
            double[] wj = wl[j];
            for (int i = 0; i < list.length; i++) {
                r[list[i]] -= c * wj[i];
            }
            gamma -= c * mo[j];
            rsum -= c * wx[j];
            return;
        }
        double[] x = xt[j];
        for (int k = 0; k < g; k++) {
            r[k] -= d * w[k] * x[k];
        }
        rsum -= d * wx[j];
    }

    private void refreshSums() {
        double s = 0;
        double ws = 0;
        for (int k = 0; k < g; k++) {
            s += r[k];
            ws += w[k];
        }
        rsum = s;
        wsum = ws;
    }

    /** v_j = Σ w x̃_j² and the weight sum the lazy residual needs, for the strong set (glmnet's setup_wls). */
    private void setupWls() {
        az0 = az;
        for (int l = 0; l < nin; l++) {
            as[order[l]] = a[order[l]];
        }
        for (int j = 0; j < p; j++) {
            if (!strong[j]) {
                continue;
            }
            int[] list = data.list[j];
            if (list != null) {
                double[] wj = wl[j];
                if (wj == null) {
                    wj = new double[list.length];
                    wl[j] = wj;
                }
                double sw = 0;
                for (int i = 0; i < list.length; i++) {
                    double wk = w[list[i]];
                    wj[i] = wk;
                    sw += wk;
                }
                wx[j] = sw;
                double m = mo[j];
                double s = xs[j];
                v[j] = ((1 - m) * (1 - m) * sw + m * m * (wsum - sw)) / (s * s);
            } else {
                double[] x = xt[j];
                double sx = 0;
                double sxx = 0;
                for (int k = 0; k < g; k++) {
                    double wk = w[k] * x[k];
                    sx += wk;
                    sxx += wk * x[k];
                }
                wx[j] = sx;
                v[j] = sxx;
            }
        }
    }

    /** One coordinate-descent pass over the strong set (full) or the active set; returns true if converged. */
    private boolean pass(boolean full, double l1, double l2) throws MaxitReached {
        nlp++;
        dlx = 0;
        if (full) {
            for (int k = 0; k < p; k++) {
                if (strong[k]) {
                    update(k, l1, l2, true);
                }
            }
        } else {
            for (int l = 0; l < nin; l++) {
                update(order[l], l1, l2, false);
            }
        }
        double d = (rsum - gamma * wsum) / v0;
        if (d != 0) {
            az += d;
            dlx = Math.max(dlx, v0 * d * d);
            gamma += d;
        }
        if (dlx < thr) {
            return true;
        }
        if (nlp > options.maxit()) {
            throw new MaxitReached();
        }
        return false;
    }

    private void update(int k, double l1, double l2, boolean full) {
        double ak = a[k];
        double u = gradient(k) + ak * v[k];
        double au = Math.abs(u) - l1;
        double nk = 0.0;
        if (au > 0.0) {
            nk = Math.copySign(au, u) / (v[k] + l2);
        }
        if (nk == ak) {
            return;
        }
        if (full && !active[k]) {
            activate(k);
        }
        a[k] = nk;
        double d = nk - ak;
        dlx = Math.max(dlx, v[k] * d * d);
        updateResidual(k, d);
    }

    /** New η, weights and residual after a weighted least-squares solve; true when IRLS and KKT pass. */
    private boolean updateIrls(double l1) {
        double base = az;
        for (int l = 0; l < nin; l++) {
            int j = order[l];
            if (data.list[j] != null) {
                base -= a[j] * sign[j] * mo[j] / xs[j];
            }
        }
        Arrays.fill(f, base);
        for (int l = 0; l < nin; l++) {
            int j = order[l];
            double aj = a[j];
            if (aj == 0) {
                continue;
            }
            int[] list = data.list[j];
            if (list != null) {
                double c = aj * sign[j] / xs[j];
                for (int k : list) {
                    f[k] += c;
                }
            } else {
                double[] x = xt[j];
                for (int k = 0; k < g; k++) {
                    f[k] += aj * x[k];
                }
            }
        }
        for (int k = 0; k < g; k++) {
            double fk = f[k];
            double e = Math.copySign(Math.min(Math.abs(fk), FMAX), fk);
            w[k] = q[k] * Math.exp(e);
            r[k] = t[k] - w[k];
        }
        gamma = 0;
        refreshSums();
        v0 = wsum;
        double diff0 = az - az0;
        if (v0 * diff0 * diff0 > thr) {
            return false;
        }
        for (int l = 0; l < nin; l++) {
            int k = order[l];
            double d = a[k] - as[k];
            if (v[k] * d * d > thr) {
                return false;
            }
        }
        boolean kktPassed = true;
        for (int j = 0; j < p; j++) {
            if (strong[j] || !ju[j]) {
                continue;
            }
            ga[j] = Math.abs(gradient(j));
            if (ga[j] > l1) {
                strong[j] = true;
                nStrong++;
                kktPassed = false;
            }
        }
        return kktPassed;
    }

    private void irls(double l1, double l2) throws MaxitReached {
        while (true) {
            if (nlp > options.maxit()) {
                throw new MaxitReached();
            }
            setupWls();
            wls(l1, l2);
            if (updateIrls(l1)) {
                return;
            }
        }
    }

    /**
     * The weighted least-squares solve at fixed weights: a full pass over the strong set, then passes over the
     * active set until they converge, again until a full pass converges (glmnet's order).
     *
     * <p>Passes start plain. When passes over the active set run long (more passes than the Gram matrix of the
     * active set costs, ski-rental style), the solve switches to covariance mode: the gradients of the active
     * variables are kept up to date through their weighted Gram matrix, O(|A|) per coefficient change instead
     * of O(list). It stays there for the rest of the solve, full passes included while every strong variable
     * is active; a full pass that must look at inactive strong variables first brings the residual up to date
     * and runs plain. No update is needed at the end: the IRLS step recomputes the residual from the
     * coefficients. The iterates are the same as plain passes' up to rounding.
     */
    private void wls(double l1, double l2) throws MaxitReached {
        gramSize = -1; // new weights
        boolean covariance = false;
        while (true) {
            boolean converged;
            if (covariance && nStrong == nin) {
                converged = covariancePass(true, l1, l2);
            } else {
                if (covariance) {
                    leaveCovariance();
                    covariance = false;
                }
                converged = pass(true, l1, l2);
            }
            if (converged) {
                return;
            }
            int plain = 0;
            int switchAfter = Integer.MAX_VALUE;
            while (true) {
                if (!covariance && gramSize == nin) {
                    switchAfter = plain; // the Gram matrix of these weights and this active set exists
                } else if (!covariance && plain == FIRST_LOOK) {
                    switchAfter = plain + gramCostInPasses();
                }
                if (!covariance && plain >= switchAfter) {
                    enterCovariance();
                    covariance = true;
                }
                if (covariance ? covariancePass(false, l1, l2) : pass(false, l1, l2)) {
                    break;
                }
                plain++;
            }
        }
    }

    /** Adds variable k to the active set (glmnet's ever-active list: variables never leave it). */
    private void activate(int k) {
        active[k] = true;
        position[k] = nin;
        order[nin++] = k;
        int[] list = data.list[k];
        if (list != null) {
            long added = 0;
            for (int e : list) {
                added += ++memberships[e];
            }
            gramPairs += added;
            activeElements += list.length;
        } else {
            gramPairs += (long) nin * g;
            activeElements += g;
        }
    }

    /** The Gram matrix's cost in plain partial passes: pair updates over list elements per pass. */
    private int gramCostInPasses() {
        if (activeElements == 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.ceil(PAIR_COST * gramPairs / activeElements));
    }

    /** Builds (if needed) the Gram matrix of the active set for the current weights, and the gradients. */
    private void enterCovariance() {
        int na = nin;
        if (gramSize != na) {
            buildGram(na);
            gramSize = na;
        }
        if (grad.length < na) {
            grad = new double[p];
            delta = new double[p];
        }
        for (int x = 0; x < na; x++) {
            grad[x] = gradient(order[x]);
            delta[x] = 0;
        }
        delta0 = 0;
        sumR = rsum - gamma * wsum;
    }

    /** Applies the coefficient changes of covariance mode to the residual. */
    private void leaveCovariance() {
        for (int x = 0; x < gramSize; x++) {
            if (delta[x] != 0) {
                updateResidual(order[x], delta[x]);
            }
        }
        gamma += delta0;
    }

    /**
     * One pass in covariance mode, same rules as {@link #pass}: over the active set in activation order, or
     * (full) over the strong set in variable order when every strong variable is active.
     */
    private boolean covariancePass(boolean full, double l1, double l2) throws MaxitReached {
        nlp++;
        dlx = 0;
        int na = gramSize;
        for (int i = 0; i < (full ? p : na); i++) {
            int x;
            if (full) {
                if (!strong[i]) {
                    continue;
                }
                x = position[i];
            } else {
                x = i;
            }
            int k = order[x];
            double ak = a[k];
            double u = grad[x] + ak * v[k];
            double au = Math.abs(u) - l1;
            double nk = 0.0;
            if (au > 0.0) {
                nk = Math.copySign(au, u) / (v[k] + l2);
            }
            if (nk == ak) {
                continue;
            }
            a[k] = nk;
            double d = nk - ak;
            dlx = Math.max(dlx, v[k] * d * d);
            delta[x] += d;
            int row = x * na;
            for (int y = 0; y < na; y++) {
                grad[y] -= d * gram[row + y];
            }
            sumR -= d * xw[x];
        }
        double d = sumR / v0;
        if (d != 0) {
            az += d;
            dlx = Math.max(dlx, v0 * d * d);
            delta0 += d;
            for (int y = 0; y < na; y++) {
                grad[y] -= d * xw[y];
            }
            sumR -= d * wsum;
        }
        if (dlx < thr) {
            return true;
        }
        if (nlp > options.maxit()) {
            throw new MaxitReached();
        }
        return false;
    }

    /**
     * C_xy = Σ_k w_k x̃_x x̃_y over the first na active variables (in activation order) and
     * xw_x = Σ_k w_k x̃_x. Binary pairs come from the groups' rows of lists: B°_xy = Σ w over the groups in
     * both lists, then C = σ_xσ_y(B° − m°_y W_x − m°_x W_y + m°_x m°_y Σw)/(s_x s_y); the diagonal is v.
     */
    private void buildGram(int na) {
        if (gram.length < na * na) {
            gram = new double[p * p];
            xw = new double[p];
        }
        double[] c = gram;
        Arrays.fill(c, 0, na * na, 0.0);
        int[] pos = new int[p];
        Arrays.fill(pos, -1);
        for (int x = 0; x < na; x++) {
            pos[order[x]] = x;
        }
        int[] rs = data.rowStart;
        int[] rv = data.rowVar;
        int[] buf = new int[p];
        for (int k = 0; k < g; k++) {
            int m = 0;
            for (int e = rs[k]; e < rs[k + 1]; e++) {
                int x = pos[rv[e]];
                if (x >= 0) {
                    buf[m++] = x;
                }
            }
            if (m < 2) {
                continue;
            }
            double wk = w[k];
            for (int i = 0; i < m; i++) {
                int row = buf[i] * na;
                for (int j = i + 1; j < m; j++) {
                    c[row + buf[j]] += wk;
                }
            }
        }
        for (int x = 0; x < na; x++) {
            int kx = order[x];
            xw[x] = data.list[kx] != null ? sign[kx] * (wx[kx] - mo[kx] * wsum) / xs[kx] : wx[kx];
        }
        for (int x = 0; x < na; x++) {
            int kx = order[x];
            for (int y = x + 1; y < na; y++) {
                int ky = order[y];
                double cxy;
                if (data.list[kx] != null && data.list[ky] != null) {
                    double b = c[x * na + y] + c[y * na + x];
                    cxy = sign[kx] * sign[ky] * (b - mo[ky] * wx[kx] - mo[kx] * wx[ky] + mo[kx] * mo[ky] * wsum)
                            / (xs[kx] * xs[ky]);
                } else {
                    cxy = denseCross(kx, ky);
                }
                c[x * na + y] = cxy;
                c[y * na + x] = cxy;
            }
            c[x * na + x] = v[kx];
        }
    }

    /** Σ_k w_k x̃_x x̃_y when at least one of the two variables is numeric. */
    private double denseCross(int kx, int ky) {
        if (data.list[kx] != null) {
            return denseCross(ky, kx);
        }
        double[] dx = xt[kx];
        int[] ly = data.list[ky];
        if (ly == null) {
            double[] dy = xt[ky];
            double s = 0;
            for (int k = 0; k < g; k++) {
                s += w[k] * dx[k] * dy[k];
            }
            return s;
        }
        double s = 0;
        for (int k : ly) {
            s += w[k] * dx[k];
        }
        return sign[ky] * (s - mo[ky] * wx[kx]) / xs[ky];
    }

    private double deviance() {
        double tf = 0;
        for (int k = 0; k < g; k++) {
            tf += t[k] * f[k];
        }
        return (tf - v0 - dv0) / dvr;
    }

    /** The raw path of one fit, on the original scale of the variables. */
    record Raw(double[] lambda, double[] intercept, double[][] beta, double[] devRatio, int[] nonZero,
            double nullDeviance, int passes, String warning) {
    }

    /**
     * Fits the path.
     *
     * @param userLambda a decreasing λ sequence to fit instead of the computed path (null: computed)
     */
    Raw fit(double[] userLambda, Cancellation cancellation, Progress progress, String stage)
            throws CancelledException {
        int nlam = userLambda != null ? userLambda.length : options.nlambda();
        double flmin = userLambda != null ? 1.0 : options.lambdaMinRatioFor(rows, p);
        double alf = 1.0;
        if (flmin < 1.0) {
            alf = Math.pow(Math.max(EPS, flmin), 1.0 / (nlam - 1.0));
        }
        int mnl = Math.min(options.mnlam(), nlam);
        double sml = options.fdev() * 10; // glmnet's Poisson path multiplies fdev by 10
        double rsqmax = options.devmax();

        List<double[]> betas = new ArrayList<>();
        double[] lam = new double[nlam];
        double[] a0 = new double[nlam];
        double[] dev = new double[nlam];
        int[] df = new int[nlam];
        int lmu = 0;
        String warning = null;
        double prev = 0;
        for (int m = 0; m < nlam; m++) {
            cancellation.check();
            progress.update(stage, (double) m / nlam);
            double alm0 = prev;
            double alm;
            if (flmin >= 1.0) {
                alm = userLambda[m];
            } else if (m > 1) {
                alm = prev * alf;
            } else if (m == 0) {
                alm = BIG;
            } else {
                alm0 = 0.0;
                for (int j = 0; j < p; j++) {
                    if (ju[j]) {
                        alm0 = Math.max(alm0, ga[j]);
                    }
                }
                alm0 /= Math.max(alpha, 1e-3);
                alm = alm0 * alf;
            }
            prev = alm;
            double l2 = alm * (1.0 - alpha);
            double l1 = alm * alpha;
            double tlam = alpha * (2.0 * alm - alm0);
            for (int j = 0; j < p; j++) {
                if (!strong[j] && ju[j] && ga[j] > tlam) {
                    strong[j] = true;
                    nStrong++;
                }
            }
            try {
                irls(l1, l2);
            } catch (MaxitReached e) {
                warning = "Convergence for the " + (m + 1) + ". lambda value not reached after maxit = "
                        + options.maxit() + " passes; the path holds the solutions for the larger lambdas";
                break;
            }
            double[] beta = new double[p];
            double intercept = az;
            int nonZero = 0;
            for (int l = 0; l < nin; l++) {
                int j = order[l];
                if (a[j] != 0) {
                    nonZero++;
                }
                double b = options.standardize() ? a[j] / xs[j] : a[j];
                beta[j] = b;
                intercept -= b * xm[j];
            }
            betas.add(beta);
            lam[m] = alm;
            a0[m] = intercept;
            dev[m] = deviance();
            df[m] = nonZero;
            lmu = m + 1;
            if (lmu < mnl || flmin >= 1.0) {
                continue;
            }
            double change = (dev[m] - dev[m - mnl + 1]) / dev[m];
            if (change < sml || dev[m] > rsqmax) {
                break;
            }
        }
        progress.update(stage, 1.0);
        double[] lambda = Arrays.copyOf(lam, lmu);
        if (userLambda == null && lmu > 2) {
            // glmnet's fix.lam: the first λ (big) becomes the extrapolated entry point λ_max
            lambda[0] = Math.exp(2 * Math.log(lambda[1]) - Math.log(lambda[2]));
        }
        return new Raw(lambda, Arrays.copyOf(a0, lmu), betas.toArray(new double[0][]), Arrays.copyOf(dev, lmu),
                Arrays.copyOf(df, lmu), nullDeviance(), nlp, warning);
    }
}
