package org.pscdesk.rtm.select;

import java.util.List;

import org.pscdesk.rtm.model.Family;
import org.pscdesk.rtm.model.GlmFit;

/**
 * The outcome of the stepwise search in one family.
 *
 * @param family the family
 * @param variables the selected design columns in order of entry (R's term order)
 * @param names their names
 * @param fit the final model (coefficients in the same order, standard errors, ℓ, BIC, θ or σ)
 * @param nullFit the intercept-only model of the same family, where the search started (its ℓ is the ℓ₀ of
 *                Nagelkerke's R²)
 * @param steps the moves taken, in order (empty for a fit without selection)
 * @param stepCapReached whether the search stopped at {@link StepwiseOptions#maxSteps()} rather than because no
 *                       move lowered BIC
 * @param modelsFitted how many distinct models were fitted (a cost figure for the report)
 */
public record FamilySelection(Family family, List<Integer> variables, List<String> names, GlmFit fit, GlmFit nullFit,
                              List<StepwiseStep> steps, boolean stepCapReached, int modelsFitted) {

    public FamilySelection {
        variables = List.copyOf(variables);
        names = List.copyOf(names);
        steps = List.copyOf(steps);
    }

    /** BIC of the intercept-only model. */
    public double nullBic() {
        return nullFit.bic();
    }

    /** The final model's BIC (counting the dispersion parameter for NB2 and NBII). */
    public double bic() {
        return fit.bic();
    }
}
