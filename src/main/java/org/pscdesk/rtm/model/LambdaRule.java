package org.pscdesk.rtm.model;

/**
 * Which λ of a cross-validated elastic net picks the variables (R's {@code s = "lambda.min"} /
 * {@code "lambda.1se"}).
 */
public enum LambdaRule {
    /** The λ with the smallest mean CV deviance (the largest such λ on ties): an inclusive screen. Default. */
    MIN,
    /** The largest λ whose mean CV deviance is within one standard error of the minimum: a sparser screen. */
    ONE_SE;

    /** Parses {@code min} or {@code 1se} (as the CLI's {@code --lambda} takes them). */
    public static LambdaRule parse(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "min":
            case "lambda.min":
                return MIN;
            case "1se":
            case "lambda.1se":
                return ONE_SE;
            default:
                throw new IllegalArgumentException("unknown lambda rule '" + text + "'; use min or 1se");
        }
    }

    /** The rule's name as the CLI and JSON write it: {@code min} or {@code 1se}. */
    public String label() {
        return this == MIN ? "min" : "1se";
    }
}
