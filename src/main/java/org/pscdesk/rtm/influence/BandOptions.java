package org.pscdesk.rtm.influence;

import java.util.Objects;

/**
 * How a factor's band variables are made (rtm-method.md §1.3, §8.2–8.3).
 *
 * @param blockLength the average block length, in working-CRS units; band distances are multiples of it
 * @param maxBlocks N, the largest band in blocks (RTMDx's "max spatial influence"), 1..100; default 3
 * @param increment whole blocks (d = 1..N) or half blocks (d = 0.5..N); default whole
 * @param threshold when a density is "high"; default μ + 2σ with the sample SD
 * @param lineSampleSpacing spacing of the points that stand for lines in a kernel density, in working-CRS
 *     units, or NaN (default) for a quarter of the cell size
 * @param proximityMethod exact distances (default) or the raster distance transform
 */
public record BandOptions(double blockLength, int maxBlocks, Increment increment, DensityThreshold threshold,
                          double lineSampleSpacing, ProximityLayer.Method proximityMethod) {

    /** Default number of blocks, as in the Leeds and Chicago studies and the manual's example (§1.3). */
    public static final int DEFAULT_MAX_BLOCKS = 3;
    /** Most blocks accepted: far beyond any published RTM study; keeps band counts sane. */
    public static final int MAX_BLOCKS_LIMIT = 100;

    public BandOptions {
        if (!(blockLength > 0) || Double.isInfinite(blockLength)) {
            throw new IllegalArgumentException("the block length must be positive and finite, not " + blockLength);
        }
        if (maxBlocks < 1 || maxBlocks > MAX_BLOCKS_LIMIT) {
            throw new IllegalArgumentException("max blocks must be between 1 and " + MAX_BLOCKS_LIMIT + ", not "
                    + maxBlocks);
        }
        Objects.requireNonNull(increment);
        Objects.requireNonNull(threshold);
        Objects.requireNonNull(proximityMethod);
        if (!Double.isNaN(lineSampleSpacing) && (!(lineSampleSpacing > 0) || Double.isInfinite(lineSampleSpacing))) {
            throw new IllegalArgumentException("the line sample spacing must be positive (or NaN for automatic)");
        }
    }

    /** The defaults for a block length: 3 whole blocks, μ + 2σ (sample SD), automatic line sampling, exact. */
    public BandOptions(double blockLength) {
        this(blockLength, DEFAULT_MAX_BLOCKS, Increment.WHOLE, DensityThreshold.DEFAULT, Double.NaN,
                ProximityLayer.Method.EXACT);
    }

    /** The number of bands per operationalization: N (whole) or 2N (half). */
    public int bandCount() {
        return increment == Increment.WHOLE ? maxBlocks : 2 * maxBlocks;
    }

    /** The band distances in ascending order: k·B (whole) or k·B/2 (half), in working-CRS units. */
    public double[] distances() {
        double[] d = new double[bandCount()];
        for (int k = 1; k <= d.length; k++) {
            d[k - 1] = increment == Increment.WHOLE ? k * blockLength : k * blockLength / 2;
        }
        return d;
    }

    /** The line sample spacing for a cell size: the explicit value, or cs/4 when automatic. */
    public double lineSpacing(double cellSize) {
        return Double.isNaN(lineSampleSpacing) ? cellSize / 4 : lineSampleSpacing;
    }

    /** A copy with another operationalization-independent threshold. */
    public BandOptions withThreshold(DensityThreshold t) {
        return new BandOptions(blockLength, maxBlocks, increment, t, lineSampleSpacing, proximityMethod);
    }

    /** A copy with other bands. */
    public BandOptions withBands(int blocks, Increment inc) {
        return new BandOptions(blockLength, blocks, inc, threshold, lineSampleSpacing, proximityMethod);
    }

    /** A copy with another proximity method. */
    public BandOptions withProximityMethod(ProximityLayer.Method method) {
        return new BandOptions(blockLength, maxBlocks, increment, threshold, lineSampleSpacing, method);
    }
}
