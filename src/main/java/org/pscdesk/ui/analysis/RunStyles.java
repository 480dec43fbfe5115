package org.pscdesk.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.paint.Color;

import org.pscdesk.geo.Crs;
import org.pscdesk.report.PublicRun;
import org.pscdesk.report.RiskLegend;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.CellSurface;

/**
 * Colours of a run's map views and their legends, from the theme's tokens only: the cividis ramp for risk
 * classes, Okabe & Ito colours for quadrants and hot spots (peers-and-practice §3.1). Built from a
 * {@link PublicRun}, so whatever a view draws has been through the privacy filter.
 */
public final class RunStyles {

    /** Risk class code (1..4) to ramp step: the ends of the ramp for the extreme classes, for contrast. */
    private static final int[] RAMP_STEP = {0, 1, 2, 4, 5};
    /** Low-risk cells are drawn faintly, so the streets under them stay visible. */
    private static final double[] CLASS_ALPHA = {0, 0.30, 0.70, 0.85, 0.92};

    /** One legend line. */
    public record Entry(Color colour, String label, String meaning) {
    }

    private RunStyles() {
    }

    public static CellSurface surface(PublicRun run, Crs crs, RunView view, Theme theme) {
        int n = run.cells().length;
        int[] argb = new int[n];
        boolean[] inPlace = new boolean[n];
        for (PublicRun.Place p : run.places()) {
            for (int k : p.cells()) {
                inPlace[k] = true;
            }
        }
        for (int k = 0; k < n; k++) {
            Color c = switch (view) {
                case RISK -> riskColour(theme, run.classes()[k]);
                case HOTSPOTS -> run.quadrants()[k] == 1 || run.quadrants()[k] == 3
                        ? theme.color("-psc-hotspot", 0.85) : null;
                case PRIORITY -> run.quadrants()[k] <= 3
                        ? theme.color("-psc-quadrant-" + run.quadrants()[k], 0.85) : null;
                case PLACES -> inPlace[k] ? theme.color("-psc-quadrant-1", 0.9) : null;
            };
            argb[k] = c == null ? 0 : argb(c);
        }
        return new CellSurface(run.grid(), crs, run.cells(), argb);
    }

    public static Color riskColour(Theme theme, int classCode) {
        return theme.color("-psc-risk-" + RAMP_STEP[classCode], CLASS_ALPHA[classCode]);
    }

    /** The legend of a view, in plain words. */
    public static List<Entry> legend(PublicRun run, RunView view, Theme theme) {
        List<Entry> out = new ArrayList<>();
        switch (view) {
            case RISK -> {
                for (RiskLegend.Entry e : RiskLegend.of(run)) {
                    out.add(new Entry(riskColour(theme, e.code()), capital(e.label()), e.meaning() + ", "
                            + percent(e.areaShare()) + " of the area"));
                }
            }
            case HOTSPOTS -> out.add(new Entry(theme.color("-psc-hotspot", 0.85), "Hot spot",
                    "incidents cluster here (not counted one by one)"));
            case PRIORITY -> {
                out.add(new Entry(theme.color("-psc-quadrant-1", 0.85), "Priority", "high risk and a hot spot"));
                out.add(new Entry(theme.color("-psc-quadrant-2", 0.85), "Emerging", "high risk, not yet a hot spot"));
                out.add(new Entry(theme.color("-psc-quadrant-3", 0.85), "Hot spot only",
                        "incidents cluster, the model's factors are not high"));
            }
            case PLACES -> out.add(new Entry(theme.color("-psc-quadrant-1", 0.9), "Priority place",
                    "numbered by risk, highest first"));
        }
        return out;
    }

    static int argb(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    private static String percent(double share) {
        double p = share * 100;
        return p < 1 ? "under 1%" : String.format(Locale.ROOT, "%.0f%%", p);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
