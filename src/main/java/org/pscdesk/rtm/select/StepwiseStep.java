package org.pscdesk.rtm.select;

/**
 * One move of the stepwise search, for the report ("Step 2: + bus_stops_proximity_1, BIC 6138.38").
 *
 * @param number 1 for the first move
 * @param move addition or deletion
 * @param variable the design column moved
 * @param name its name
 * @param bic the model's BIC after the move
 */
public record StepwiseStep(int number, Move move, int variable, String name, double bic) {

    /** Whether a variable entered or left the model. */
    public enum Move {
        ADD("+"), DROP("-");

        private final String sign;

        Move(String sign) {
            this.sign = sign;
        }

        /** "+" or "-", as R's step prints it. */
        public String sign() {
            return sign;
        }
    }

    /** R's label of the move, e.g. {@code "+ bars_proximity_2"}. */
    public String label() {
        return move.sign() + " " + name;
    }
}
