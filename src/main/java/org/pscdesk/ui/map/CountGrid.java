package org.pscdesk.ui.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Incidents counted per square, ready to draw: the privacy-safe form of an outcome layer. Individual
 * incident locations never reach the map; squares holding fewer than {@link #MIN_SHOWN} incidents are left
 * out, so a lone incident cannot be located from the map either.
 *
 * <p>Squares are aligned to the layer's projected grid, so each is stored as a 4-vertex ring in Web
 * Mercator (slightly rotated there). Counts are grouped into at most five classes by quantiles of the
 * shown squares, for a legend people can read (peers-and-practice 3.1: few classes).
 */
public final class CountGrid {

    /** Side of a square in metres (about two city blocks). */
    public static final double CELL_METRES = 250;
    /** Smallest count drawn; squares with fewer are suppressed. */
    public static final int MIN_SHOWN = 3;
    /** Most classes in the legend. */
    public static final int MAX_CLASSES = 5;

    private final Parts squares;
    private final int[] counts;
    private final int[] classes;
    private final int[] lowerBounds;
    private final int maxCount;
    private final int hiddenSquares;

    CountGrid(Parts squares, int[] counts, int hiddenSquares) {
        this.squares = squares;
        this.counts = counts;
        this.hiddenSquares = hiddenSquares;
        this.lowerBounds = breaks(counts);
        this.maxCount = Arrays.stream(counts).max().orElse(0);
        this.classes = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            classes[i] = classOf(counts[i]);
        }
    }

    /** Class lower bounds: quantiles of the shown counts, strictly increasing, the first at least MIN_SHOWN. */
    static int[] breaks(int[] counts) {
        if (counts.length == 0) {
            return new int[0];
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        List<Integer> lower = new ArrayList<>();
        lower.add(Math.max(MIN_SHOWN, sorted[0]));
        for (int k = 1; k < MAX_CLASSES; k++) {
            int candidate = sorted[Math.min(sorted.length - 1, (int) Math.floor((double) k * sorted.length / MAX_CLASSES))];
            if (candidate > lower.get(lower.size() - 1)) {
                lower.add(candidate);
            }
        }
        return lower.stream().mapToInt(Integer::intValue).toArray();
    }

    private int classOf(int count) {
        int c = 0;
        for (int k = 0; k < lowerBounds.length; k++) {
            if (count >= lowerBounds[k]) {
                c = k;
            }
        }
        return c;
    }

    /** The shown squares, one 4-vertex part each. */
    public Parts squares() {
        return squares;
    }

    public int count(int square) {
        return counts[square];
    }

    /** Class of a square, 0 (fewest) to {@code classCount()-1}. */
    public int squareClass(int square) {
        return classes[square];
    }

    public int classCount() {
        return lowerBounds.length;
    }

    /** Squares left out because they hold fewer than {@link #MIN_SHOWN} incidents. */
    public int hiddenSquares() {
        return hiddenSquares;
    }

    public int maxCount() {
        return maxCount;
    }

    /**
     * Which of the five ramp colours ({@code 0..4}) a class uses: spread over the ramp, so three classes use
     * light, middle and dark.
     */
    public int rampIndex(int cls) {
        int n = classCount();
        if (n <= 1) {
            return 2;
        }
        return (int) Math.round(cls * (MAX_CLASSES - 1.0) / (n - 1));
    }

    /** The legend text of a class, e.g. {@code "5–8"} or {@code "21–37"}. */
    public String classLabel(int cls) {
        int low = lowerBounds[cls];
        int high = cls + 1 < lowerBounds.length ? lowerBounds[cls + 1] - 1 : maxCount;
        return low == high ? String.format(Locale.ROOT, "%,d", low) : String.format(Locale.ROOT, "%,d–%,d", low, high);
    }
}
