package org.pscdesk.rtm.select;

import org.pscdesk.rtm.model.Family;
import org.pscdesk.rtm.model.GlmOptions;
import org.pscdesk.rtm.model.NbiiOptions;

/**
 * Options of {@link StepwiseBic}.
 *
 * @param family the family to search in, or {@link Family#AUTO} (default) to search in all three and keep the
 *               lowest BIC
 * @param onePerFactor at most one variable (band / operationalization) per factor in a model (default true,
 *                     rtm-method §2.2): when a factor is in the model, its other variables are not offered as
 *                     additions
 * @param maxSteps cap on moves per family (default 100); at the cap the search stops where it is and says so
 * @param glm IRLS control of the Poisson and NB2 fits (default R's glm.control)
 * @param nbii control of the NBII fits
 * @param threads worker threads for evaluating the candidate moves of a step (0, the default, = the available
 *                processors; 1 = in the calling thread). Results do not depend on it.
 */
public record StepwiseOptions(Family family, boolean onePerFactor, int maxSteps, GlmOptions glm, NbiiOptions nbii,
                              int threads) {

    /** Defaults: AUTO, one variable per factor, at most 100 steps, R's glm.control, all processors. */
    public StepwiseOptions() {
        this(Family.AUTO, true, 100, new GlmOptions(), new NbiiOptions(), 0);
    }

    public StepwiseOptions {
        if (family == null || glm == null || nbii == null) {
            throw new IllegalArgumentException("family, glm and nbii options are required");
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must not be negative, not " + maxSteps);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, not " + threads);
        }
    }

    public StepwiseOptions withFamily(Family f) {
        return new StepwiseOptions(f, onePerFactor, maxSteps, glm, nbii, threads);
    }

    public StepwiseOptions withOnePerFactor(boolean on) {
        return new StepwiseOptions(family, on, maxSteps, glm, nbii, threads);
    }

    public StepwiseOptions withMaxSteps(int steps) {
        return new StepwiseOptions(family, onePerFactor, steps, glm, nbii, threads);
    }

    public StepwiseOptions withThreads(int n) {
        return new StepwiseOptions(family, onePerFactor, maxSteps, glm, nbii, n);
    }

    /** The number of worker threads to use. */
    int workerThreads() {
        return threads == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
    }
}
