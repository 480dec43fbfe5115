package org.pscdesk.rtm.score;

/**
 * Priority-place quadrants (rtm-method §4.2): highest-risk (RRS > μ + 2σ) crossed with outcome hot spot
 * (KDE of events > μ + 2σ). Q1 both = priority (persistent); Q2 risk only = emerging/vulnerable (prevention);
 * Q3 hot spot only = exposure-driven (check missing factors or repeat victims); Q4 neither.
 */
public enum Quadrant {
    PRIORITY(1, "priority: high risk and hot spot"),
    EMERGING(2, "emerging: high risk, not yet a hot spot"),
    EXPOSURE(3, "exposure: hot spot without high risk"),
    NEITHER(4, "neither");

    private final int code;
    private final String label;

    Quadrant(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Quadrant of(boolean highestRisk, boolean hotSpot) {
        if (highestRisk) {
            return hotSpot ? PRIORITY : EMERGING;
        }
        return hotSpot ? EXPOSURE : NEITHER;
    }

    /** Quadrant codes for every cell. */
    public static int[] codes(boolean[] highestRisk, boolean[] hotSpot) {
        int[] out = new int[highestRisk.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(highestRisk[i], hotSpot[i]).code();
        }
        return out;
    }

    /** Cells whose value exceeds mean + k·SD (sample SD) of all cells: hot spots of a density surface. */
    public static boolean[] aboveMeanPlusSd(double[] values, double k) {
        int n = values.length;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = n == 0 ? 0 : sum / n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i] > mean + k * sd;
        }
        return out;
    }
}
