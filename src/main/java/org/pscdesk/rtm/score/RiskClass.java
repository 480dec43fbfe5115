package org.pscdesk.rtm.score;

/**
 * Risk classes of cells by SD bands of the RRS (rtm-method §2.5, IPIR wording): with μ and σ the mean and
 * sample SD of cell scores, {@code HIGHEST} > μ + 2σ; {@code MODERATELY_HIGH} in (μ + σ, μ + 2σ];
 * {@code ABOVE_AVERAGE} in (μ, μ + σ]; {@code LOW} ≤ μ. Codes 4..1 are what exports store.
 */
public enum RiskClass {
    LOW(1, "low"),
    ABOVE_AVERAGE(2, "above average"),
    MODERATELY_HIGH(3, "moderately high"),
    HIGHEST(4, "highest");

    private final int code;
    private final String label;

    RiskClass(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The class of one score. */
    public static RiskClass of(double rrs, double mean, double sd) {
        if (rrs > mean + 2 * sd) {
            return HIGHEST;
        }
        if (rrs > mean + sd) {
            return MODERATELY_HIGH;
        }
        if (rrs > mean) {
            return ABOVE_AVERAGE;
        }
        return LOW;
    }

    /** The class codes (1..4) of every cell. */
    public static int[] codes(RelativeRisk risk) {
        int[] out = new int[risk.rrs().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(risk.rrs()[i], risk.mean(), risk.sd()).code();
        }
        return out;
    }
}
