package org.pscdesk.rtm.select;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.pscdesk.rtm.model.CovariateGroups;
import org.pscdesk.rtm.model.Design;
import org.pscdesk.rtm.model.DroppedVariable;
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
 * Bidirectional stepwise selection by BIC from the null model (stage 2, rtm-method §2.2, §8.6), in each count
 * family, as R's {@code step(glm(y ~ 1, poisson), scope, direction = "both", k = log(n))} and
 * {@code MASS::stepAIC(glm.nb(y ~ 1), scope, direction = "both", k = log(n))}, with NBII fitted by
 * {@link NegBinomial1Glm}; then the family with the lowest BIC.
 *
 * <p>The search: start from the intercept-only model. At each step fit every single deletion (in model term
 * order) and every single addition from the candidate pool (in the given candidate order); with
 * {@link StepwiseOptions#onePerFactor()} a factor that is already in the model offers no additions. Take the
 * move with the lowest BIC if it is strictly lower than the current model's; otherwise stop. Ties go to the
 * first move in the order (current model, deletions, additions) — R's stable {@code order()} over the same rows,
 * so the current model wins a tie and a deletion beats an addition. At most {@code maxSteps} moves.
 * BIC = −2ℓ + k ln n counts NB2's θ and NBII's σ (stepAIC's extractAIC.negbin does not; that shifts every NB2
 * model by the same ln n and changes no choice).
 *
 * <p>Fidelity to R: Poisson candidates are fitted from R's start (mustart), as add1/drop1 do; NB2 candidates as
 * stepAIC's refits, glm.nb with {@code init.theta} = the current model's θ rounded to 10 significant digits (the
 * null model without), so that every number on the path agrees with R's far below its convergence error. NBII
 * candidates start from the current model's coefficients and σ (they converge to the optimum regardless).
 * Moves that R would not take are never taken: an addition that is aliased with the model (R: 0 df, skipped),
 * and — deliberately unlike R — a move to a model whose fit is separated (a combination of bands without
 * events: coefficients diverge) or has a non-finite BIC. Candidates that are constant or have no events in
 * their cells are excluded up front and listed in the result. Fits are cached by variable set (NB2: and start θ).
 *
 * <p>Performance: each candidate model is grouped by covariate pattern — an addition refines the current
 * model's grouping in one O(n) pass — and fitted on the groups; the candidate fits of a step run on a small
 * fixed thread pool and are collected in move order, so results do not depend on the number of threads.
 * Progress is reported and cancellation checked between moves only.
 *
 * <p>Instances are immutable and thread-safe; each run uses its own thread pool.
 */
public final class StepwiseBic {

    /** AUTO's order of preference when BICs tie: the simpler model, then RTMDx's family. */
    private static final List<Family> TIE_ORDER = List.of(Family.POISSON, Family.NBII, Family.NB2);

    private final StepwiseOptions options;

    /** With the defaults of {@link StepwiseOptions}. */
    public StepwiseBic() {
        this(new StepwiseOptions());
    }

    public StepwiseBic(StepwiseOptions options) {
        this.options = options;
    }

    /** Selects among the candidate columns with the default options (AUTO, one variable per factor). */
    public static SelectionResult select(Design design, int[] candidates) {
        try {
            return new StepwiseBic().run(ModelFrame.of(design), candidates, Progress.NONE, Cancellation.none());
        } catch (CancelledException e) {
            throw new IllegalStateException("a run without a cancellation token was cancelled", e);
        }
    }

    /**
     * Runs the search in the options' family (all three for AUTO) over the candidate columns.
     *
     * @throws CancelledException when cancelled (checked between moves)
     */
    public SelectionResult run(ModelFrame frame, int[] candidates, Progress progress, Cancellation cancellation)
            throws CancelledException {
        List<DroppedVariable> excluded = new ArrayList<>();
        int[] pool = pool(frame, candidates, excluded);
        List<Family> families = families();
        Map<Family, FamilySelection> results = new EnumMap<>(Family.class);
        ExecutorService executor = executor();
        try {
            for (int f = 0; f < families.size(); f++) {
                Family family = families.get(f);
                Search search = new Search(frame, family, pool, executor, progress, cancellation, f, families.size());
                results.put(family, search.run());
            }
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        return choose(results, excluded);
    }

    /**
     * Fits every family's model on all the given variables, without selection ({@code --select none}): the same
     * result shape, with no steps; constant and event-free variables are excluded as in the search.
     */
    public SelectionResult fitAll(ModelFrame frame, int[] variables) {
        List<DroppedVariable> excluded = new ArrayList<>();
        int[] pool = pool(frame, variables, excluded);
        Map<Family, FamilySelection> results = new EnumMap<>(Family.class);
        for (Family family : families()) {
            GlmFit fit = fitter(family).fit(frame.groups(pool), null);
            GlmFit nullFit = fitter(family).fit(frame.groups(new int[0]), null);
            List<Integer> vars = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int v : fit.variables()) {
                vars.add(v);
                names.add(frame.design().name(v));
            }
            results.put(family, new FamilySelection(family, vars, names, fit, nullFit, List.of(), false, 2));
        }
        return choose(results, excluded);
    }

    private List<Family> families() {
        return options.family() == Family.AUTO ? List.of(Family.POISSON, Family.NB2, Family.NBII)
                : List.of(options.family());
    }

    private static int[] pool(ModelFrame frame, int[] candidates, List<DroppedVariable> excluded) {
        Set<Integer> seen = new HashSet<>();
        List<Integer> pool = new ArrayList<>();
        for (int v : candidates) {
            if (v < 0 || v >= frame.design().p()) {
                throw new IllegalArgumentException("no variable " + v + " in the design");
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException("candidate " + frame.design().name(v) + " is listed twice");
            }
            DroppedVariable.Reason reason = frame.screen(v);
            if (reason == null) {
                pool.add(v);
            } else {
                excluded.add(new DroppedVariable(v, frame.design().name(v), reason));
            }
        }
        return pool.stream().mapToInt(Integer::intValue).toArray();
    }

    static SelectionResult choose(Map<Family, FamilySelection> results, List<DroppedVariable> excluded) {
        Family best = null;
        for (Family f : TIE_ORDER) {
            FamilySelection s = results.get(f);
            if (s != null && (best == null || s.bic() < results.get(best).bic()
                    || Double.isNaN(results.get(best).bic()) && !Double.isNaN(s.bic()))) {
                best = f;
            }
        }
        return new SelectionResult(best, results.get(best), results, excluded);
    }

    private ExecutorService executor() {
        int threads = options.workerThreads();
        if (threads <= 1) {
            return null;
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "stepwise-bic-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }

    /** Fits one family's model on a grouping, given the current model (null for the null model). */
    @FunctionalInterface
    private interface Fitter {
        GlmFit fit(CovariateGroups groups, GlmFit current);
    }

    private Fitter fitter(Family family) {
        return switch (family) {
            case POISSON -> {
                PoissonGlm glm = new PoissonGlm(options.glm());
                yield (groups, current) -> glm.fit(groups, null);
            }
            case NB2 -> {
                NegBinomial2Glm glm = new NegBinomial2Glm(options.glm());
                yield (groups, current) -> glm.fit(groups, null, current == null ? Double.NaN : initTheta(current));
            }
            case NBII -> {
                NegBinomial1Glm glm = new NegBinomial1Glm(options.nbii(), options.glm());
                yield (groups, current) -> {
                    if (current == null || !Double.isFinite(current.logLik())) {
                        return glm.fit(groups, null, Double.NaN);
                    }
                    double[] start = warmStart(groups.vars(), current);
                    boolean atBound = current.sigma() <= options.nbii().sigmaMin() * (1 + 1e-12);
                    return glm.fit(groups, start, atBound ? Double.NaN : current.logSigma());
                };
            }
            case AUTO -> throw new IllegalArgumentException("AUTO is not a family to fit");
        };
    }

    /** stepAIC passes {@code init.theta = signif(theta, 10)} to each refit. */
    static double initTheta(GlmFit current) {
        double theta = current.theta();
        if (!(theta > 0) || Double.isInfinite(theta)) {
            return Double.NaN;
        }
        return new BigDecimal(theta).round(new MathContext(10)).doubleValue();
    }

    /** The current model's coefficients for the variables of the new model (0 for a variable entering). */
    private static double[] warmStart(int[] vars, GlmFit current) {
        double[] start = new double[vars.length + 1];
        start[0] = current.intercept().estimate();
        int[] have = current.variables();
        for (int j = 0; j < vars.length; j++) {
            for (int h = 0; h < have.length; h++) {
                if (have[h] == vars[j]) {
                    start[j + 1] = current.terms().get(h).estimate();
                }
            }
        }
        return start;
    }

    /** The search in one family. */
    private final class Search {
        private final ModelFrame frame;
        private final Family family;
        private final int[] pool;
        private final ExecutorService executor;
        private final Progress progress;
        private final Cancellation cancellation;
        private final int familyIndex;
        private final int familyCount;
        private final Fitter fitter;
        private final Map<String, GlmFit> cache = new HashMap<>();

        Search(ModelFrame frame, Family family, int[] pool, ExecutorService executor, Progress progress,
               Cancellation cancellation, int familyIndex, int familyCount) {
            this.frame = frame;
            this.family = family;
            this.pool = pool;
            this.executor = executor;
            this.progress = progress;
            this.cancellation = cancellation;
            this.familyIndex = familyIndex;
            this.familyCount = familyCount;
            this.fitter = fitter(family);
        }

        /** A candidate move: the model after it, and how to group its rows. */
        private record Move(StepwiseStep.Move kind, int variable, int[] vars, String key) {
        }

        FamilySelection run() throws CancelledException {
            cancellation.check();
            report(0, Double.NaN);
            List<Integer> current = new ArrayList<>();
            CovariateGroups groups = frame.groups(new int[0]);
            GlmFit fit = fitter.fit(groups, null);
            cache.put(key(new int[0], null), fit);
            GlmFit nullFit = fit;
            List<StepwiseStep> steps = new ArrayList<>();
            boolean capped = false;
            for (int step = 1; ; step++) {
                cancellation.check();
                List<Move> moves = candidateMoves(current, fit);
                List<GlmFit> fits = evaluate(moves, groups, fit);
                int best = -1;
                double bestBic = fit.bic();
                for (int i = 0; i < moves.size(); i++) {
                    GlmFit f = fits.get(i);
                    if (f.usable() && f.dropped().isEmpty() && f.bic() < bestBic) {
                        best = i;
                        bestBic = f.bic();
                    }
                }
                if (best < 0) {
                    break;
                }
                if (step > options.maxSteps()) {
                    capped = true;
                    break;
                }
                Move move = moves.get(best);
                fit = fits.get(best);
                if (move.kind() == StepwiseStep.Move.ADD) {
                    current.add(move.variable());
                    groups = groups.refine(move.variable());
                } else {
                    current.remove(Integer.valueOf(move.variable()));
                    groups = frame.groups(toArray(current));
                }
                steps.add(new StepwiseStep(step, move.kind(), move.variable(), frame.design().name(move.variable()),
                        fit.bic()));
                report(step, fit.bic());
            }
            List<String> names = current.stream().map(v -> frame.design().name(v)).toList();
            return new FamilySelection(family, current, names, fit, nullFit, steps, capped, cache.size());
        }

        private List<Move> candidateMoves(List<Integer> current, GlmFit fit) {
            List<Move> moves = new ArrayList<>();
            int[] cur = toArray(current);
            for (int v : cur) {
                int[] vars = Arrays.stream(cur).filter(x -> x != v).toArray();
                moves.add(new Move(StepwiseStep.Move.DROP, v, vars, key(vars, fit)));
            }
            Set<String> factorsIn = new HashSet<>();
            for (int v : cur) {
                factorsIn.add(frame.design().factor(v));
            }
            Set<Integer> in = new HashSet<>(current);
            for (int v : pool) {
                if (in.contains(v) || options.onePerFactor() && factorsIn.contains(frame.design().factor(v))) {
                    continue;
                }
                int[] vars = Arrays.copyOf(cur, cur.length + 1);
                vars[cur.length] = v;
                moves.add(new Move(StepwiseStep.Move.ADD, v, vars, key(vars, fit)));
            }
            return moves;
        }

        /** Fits the moves' models (cached ones are reused), in parallel, returned in move order. */
        private List<GlmFit> evaluate(List<Move> moves, CovariateGroups groups, GlmFit current)
                throws CancelledException {
            GlmFit[] out = new GlmFit[moves.size()];
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < moves.size(); i++) {
                out[i] = cache.get(moves.get(i).key());
                if (out[i] == null) {
                    todo.add(i);
                }
            }
            if (executor == null || todo.size() < 2) {
                for (int i : todo) {
                    out[i] = fitMove(moves.get(i), groups, current);
                }
            } else {
                List<Future<GlmFit>> futures = new ArrayList<>();
                for (int i : todo) {
                    Move move = moves.get(i);
                    futures.add(executor.submit(() -> fitMove(move, groups, current)));
                }
                try {
                    for (int t = 0; t < todo.size(); t++) {
                        out[todo.get(t)] = futures.get(t).get();
                    }
                } catch (InterruptedException e) {
                    futures.forEach(fu -> fu.cancel(true));
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                } catch (ExecutionException e) {
                    futures.forEach(fu -> fu.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
            for (int i : todo) {
                cache.put(moves.get(i).key(), out[i]);
            }
            return Arrays.asList(out);
        }

        private GlmFit fitMove(Move move, CovariateGroups groups, GlmFit current) {
            CovariateGroups g = move.kind() == StepwiseStep.Move.ADD ? groups.refine(move.variable())
                    : frame.groups(move.vars());
            return fitter.fit(g, current);
        }

        /** The cache key: the variable set, and for NB2 the θ its fit starts from (stepAIC's init.theta). */
        private String key(int[] vars, GlmFit current) {
            int[] sorted = vars.clone();
            Arrays.sort(sorted);
            String set = Arrays.toString(sorted);
            if (family == Family.NB2 && current != null) {
                return set + "|" + Double.doubleToLongBits(initTheta(current));
            }
            return set;
        }

        private void report(int step, double bic) {
            String text = "Stepwise BIC (" + family.label() + ")" + (step == 0 ? ": null model"
                    : ": step " + step + ", BIC " + String.format(Locale.ROOT, "%.2f", bic));
            double within = 1 - 1.0 / (step + 2);
            progress.update(text, (familyIndex + within) / familyCount);
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
