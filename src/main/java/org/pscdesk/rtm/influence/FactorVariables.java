package org.pscdesk.rtm.influence;

import java.util.List;
import java.util.Objects;

/**
 * The band variables of one factor, proximity bands first, then density bands, each in ascending distance.
 *
 * @param factor the factor label
 * @param operationalization as requested
 * @param featureCount the number of non-empty features the layer had
 * @param variables the variables (always all of them, constant ones included, so names are predictable)
 * @param notes plain-language remarks for the run report: no features, variables that are 0 or 1 everywhere
 */
public record FactorVariables(String factor, Operationalization operationalization, int featureCount,
                              List<BandVariable> variables, List<String> notes) {

    public FactorVariables {
        Objects.requireNonNull(factor);
        Objects.requireNonNull(operationalization);
        variables = List.copyOf(variables);
        notes = List.copyOf(notes);
    }

    /** True when the layer had no features: every variable is 0 and the pipeline should drop the factor. */
    public boolean hasNoFeatures() {
        return featureCount == 0;
    }

    /** The variables that are not constant over the in-study cells. */
    public List<BandVariable> informative() {
        return variables.stream().filter(v -> !v.isConstant()).toList();
    }
}
