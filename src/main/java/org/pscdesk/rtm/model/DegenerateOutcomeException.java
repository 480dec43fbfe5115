package org.pscdesk.rtm.model;

/**
 * The outcome cannot be modelled: there are no rows, or every count is 0 (the intercept of a log-linear count
 * model would be −∞). Thrown before any fitting, with a message for the user.
 */
public final class DegenerateOutcomeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DegenerateOutcomeException(String message) {
        super(message);
    }
}
