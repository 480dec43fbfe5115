package org.pscdesk.rtm.model;

/**
 * A variable that a fit or a selection left out, and why.
 *
 * @param variable the column index in the {@link Design}
 * @param name the variable's name
 * @param reason why it was left out
 */
public record DroppedVariable(int variable, String name, Reason reason) {

    /** Why a variable was left out. */
    public enum Reason {
        /**
         * The variable is non-zero only in rows without events (and of one sign): its coefficient would go to −∞
         * (separation; for a binary band, no events in its cells). Left out before fitting.
         */
        NO_EVENTS,
        /** The variable is constant over all rows, so it is aliased with the intercept. */
        CONSTANT,
        /**
         * The variable is (numerically) a linear combination of the intercept and the variables before it in the
         * model, as R's QR finds it ({@code NA} coefficient in R); e.g. a duplicate band.
         */
        ALIASED
    }

    public DroppedVariable {
        if (name == null || reason == null) {
            throw new IllegalArgumentException("name and reason are required");
        }
    }

    /** A short plain-language explanation for reports. */
    public String message() {
        return switch (reason) {
            case NO_EVENTS -> name + " was left out: no events occur where it applies, so its effect is undefined";
            case CONSTANT -> name + " was left out: it has the same value in every cell";
            case ALIASED -> name + " was left out: it duplicates (is a combination of) variables already in the model";
        };
    }
}
