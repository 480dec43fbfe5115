package org.pscdesk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pscdesk.rtm.score.RiskClass;

/**
 * The legend of a risk map in plain words (peers-and-practice §3.2): per risk class, what it means as a
 * multiple of the baseline rate (the places with none of the model's factors, RRS = 1), and its share of the
 * study area.
 */
public final class RiskLegend {

    private RiskLegend() {
    }

    /**
     * One class.
     *
     * @param code 1 (low) .. 4 (highest)
     * @param label the class name ("highest risk")
     * @param meaning "about 6× the baseline rate" (the median score of its cells, rounded for reading)
     * @param areaShare share of the study area, 0..1
     */
    public record Entry(int code, String label, String meaning, double areaShare) {
    }

    /** Entries for classes 4 (highest) down to 1 (low); a class without cells is left out. */
    public static List<Entry> of(PublicRun run) {
        List<Entry> out = new ArrayList<>();
        int n = run.classes().length;
        for (int code = 4; code >= 1; code--) {
            List<Double> scores = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (run.classes()[k] == code) {
                    scores.add(run.rrs()[k]);
                }
            }
            if (scores.isEmpty()) {
                continue;
            }
            double[] sorted = scores.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            out.add(new Entry(code, label(code), meaning(median), scores.size() / (double) n));
        }
        return out;
    }

    static String label(int code) {
        for (RiskClass c : RiskClass.values()) {
            if (c.code() == code) {
                return c.label() + " risk";
            }
        }
        throw new IllegalArgumentException("no risk class " + code);
    }

    /** "the baseline rate", "about 1.5× the baseline rate", "about 6× the baseline rate". */
    static String meaning(double multiple) {
        if (multiple < 1.25) {
            return "about the baseline rate";
        }
        String x = multiple < 10 ? String.format(Locale.ROOT, "%.1f", Math.round(multiple * 2) / 2.0)
                .replace(".0", "") : String.format(Locale.ROOT, "%d", Math.round(multiple));
        return "about " + x + "× the baseline rate";
    }

    /** A model factor in the room's words: "liquor stores within 400 m", "a high density of bus stops within 400 m". */
    static String factorWords(org.pscdesk.analysis.LoadedRun.Term term, org.pscdesk.geo.Crs crs) {
        String factor = term.factor().replace('_', ' ').toLowerCase(Locale.ROOT);
        String where = crs == null ? org.pscdesk.geo.DistanceText.format(term.distance())
                : PrivacyFilter.sizeText(term.distance(), crs);
        return ("density".equals(term.operationalization()) ? "a high density of " : "") + factor + " within " + where;
    }
}
