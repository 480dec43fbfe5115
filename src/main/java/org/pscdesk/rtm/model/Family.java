package org.pscdesk.rtm.model;

/**
 * The count-model families of stage 2 (rtm-method §2.2–2.3), and {@link #AUTO}, which fits the three and keeps
 * the one with the lowest BIC.
 */
public enum Family {
    /** Poisson, Var y = μ (R {@code glm(family = poisson)}). */
    POISSON("poisson"),
    /** Negative binomial NB2, Var y = μ + μ²/θ (R {@code MASS::glm.nb}). */
    NB2("nb2"),
    /** Negative binomial NBII (gamlss NBII, RTMDx's family), Var y = μ(1 + σ). */
    NBII("nbii"),
    /** The family with the lowest BIC among the three; ties go to Poisson, then NBII, then NB2. */
    AUTO("auto");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    /** The lower-case name used in the CLI and the JSON result ({@code poisson}, {@code nb2}, {@code nbii}, {@code auto}). */
    public String label() {
        return label;
    }

    /** The family with this label. */
    public static Family of(String label) {
        for (Family f : values()) {
            if (f.label.equalsIgnoreCase(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown family " + label + " (poisson, nb2, nbii or auto)");
    }

    /** Whether the family has a dispersion parameter (counted in BIC). */
    public boolean hasDispersion() {
        return this == NB2 || this == NBII;
    }
}
