package org.pscdesk.rtm.select;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.pscdesk.rtm.model.DroppedVariable;
import org.pscdesk.rtm.model.Family;

/**
 * Stage 2's result: the chosen family's model and every family's best model.
 *
 * @param family the chosen family (the lowest BIC for AUTO; ties go to Poisson, then NBII, then NB2)
 * @param chosen the chosen family's selection
 * @param families the selection in each family searched, in the order Poisson, NB2, NBII
 * @param excluded candidates no model may contain (constant, or without events in their cells), each once
 */
public record SelectionResult(Family family, FamilySelection chosen, Map<Family, FamilySelection> families,
                              List<DroppedVariable> excluded) {

    public SelectionResult {
        families = Collections.unmodifiableMap(new EnumMap<>(families));
        excluded = List.copyOf(excluded);
    }

    /** The best BIC per family searched (the JSON result's {@code families}). */
    public Map<Family, Double> bics() {
        Map<Family, Double> out = new EnumMap<>(Family.class);
        families.forEach((f, s) -> out.put(f, s.bic()));
        return Collections.unmodifiableMap(out);
    }
}
