package org.pscdesk.rtm.influence;

import java.util.Objects;

import org.pscdesk.geo.FeatureArrays;

/**
 * One risk factor to turn into band variables.
 *
 * @param factor the factor's label, the first part of its variable names (normally the layer name)
 * @param features the layer's features in the working CRS
 * @param operationalization proximity, density or both
 */
public record FactorInput(String factor, FeatureArrays features, Operationalization operationalization) {
    public FactorInput {
        Objects.requireNonNull(factor);
        Objects.requireNonNull(features);
        Objects.requireNonNull(operationalization);
        if (factor.isBlank()) {
            throw new IllegalArgumentException("a factor needs a name");
        }
    }
}
