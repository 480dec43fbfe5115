package org.pscdesk.analysis;

import org.pscdesk.rtm.model.Family;
import org.pscdesk.rtm.model.LambdaRule;

/**
 * The model stages of a run (issue 5, items 3–4), with rtm-method §2.1's defaults: elastic-net screen with
 * α = 0.5, 10 folds, λ_min; stepwise BIC; family chosen by BIC; one variable per factor.
 *
 * @param screen run stage 1 (elastic-net Poisson with cross-validation); false keeps every candidate
 * @param alpha the elastic-net mixing parameter
 * @param folds cross-validation folds (fold of cell i = i mod K)
 * @param lambdaRule λ_min or λ_1se
 * @param select run stepwise BIC; false fits the family on every screened variable
 * @param family poisson, nb2, nbii or auto
 * @param onePerFactor at most one band/operationalization per factor in a model
 */
public record RtmOptions(boolean screen, double alpha, int folds, LambdaRule lambdaRule, boolean select, Family family,
                         boolean onePerFactor) {

    public RtmOptions {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("--alpha must be in (0, 1], not " + alpha);
        }
        if (folds < 3) {
            throw new IllegalArgumentException("--folds must be at least 3, not " + folds);
        }
    }

    /** The method doc's defaults. */
    public RtmOptions() {
        this(true, 0.5, 10, LambdaRule.MIN, true, Family.AUTO, true);
    }
}
