package org.pscdesk.analysis;

import java.util.Locale;

import org.pscdesk.rtm.influence.Operationalization;

/**
 * One risk factor of a run: a workspace layer and how its spatial influence is measured. Parsed from the CLI's
 * {@code LAYER[:proximity|density|both]}.
 */
public record FactorSpec(String layer, Operationalization operationalization) {

    public static FactorSpec parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new FactorSpec(text.trim(), Operationalization.BOTH);
        }
        String how = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        return new FactorSpec(text.substring(0, colon).trim(), Operationalization.parse(how));
    }
}
