package org.pscdesk.ui.map;

import java.util.Arrays;

/**
 * Lines or polygon rings in normalised Web Mercator, packed flat: all vertices interleaved in {@link #xy},
 * part {@code i} spanning vertices {@code start(i)} to {@code start(i+1)-1}, with its bounding box kept for
 * quick culling. Immutable once built.
 */
public final class Parts {

    static final Parts EMPTY = new Builder().build();

    private final double[] xy;
    private final int[] starts;
    private final double[] boxes;

    private Parts(double[] xy, int[] starts, double[] boxes) {
        this.xy = xy;
        this.starts = starts;
        this.boxes = boxes;
    }

    public int size() {
        return starts.length - 1;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Index of the first vertex of part {@code i}. */
    public int start(int i) {
        return starts[i];
    }

    /** One past the last vertex of part {@code i}. */
    public int end(int i) {
        return starts[i + 1];
    }

    public double x(int vertex) {
        return xy[2 * vertex];
    }

    public double y(int vertex) {
        return xy[2 * vertex + 1];
    }

    public double minX(int part) {
        return boxes[4 * part];
    }

    public double minY(int part) {
        return boxes[4 * part + 1];
    }

    public double maxX(int part) {
        return boxes[4 * part + 2];
    }

    public double maxY(int part) {
        return boxes[4 * part + 3];
    }

    /** Whether part {@code i}'s box meets the rectangle. */
    public boolean intersects(int i, double minX, double minY, double maxX, double maxY) {
        return boxes[4 * i] <= maxX && boxes[4 * i + 2] >= minX && boxes[4 * i + 1] <= maxY && boxes[4 * i + 3] >= minY;
    }

    /** All coordinates, for hashing. */
    double[] coordinates() {
        return xy;
    }

    /** Collects parts vertex by vertex. */
    public static final class Builder {
        private double[] xy = new double[64];
        private int[] starts = new int[16];
        private double[] boxes = new double[64];
        private int vertices;
        private int parts;
        private boolean open;

        public Builder beginPart() {
            if (open) {
                endPart();
            }
            if (parts + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            if (4 * (parts + 1) > boxes.length) {
                boxes = Arrays.copyOf(boxes, boxes.length * 2);
            }
            starts[parts] = vertices;
            boxes[4 * parts] = Double.POSITIVE_INFINITY;
            boxes[4 * parts + 1] = Double.POSITIVE_INFINITY;
            boxes[4 * parts + 2] = Double.NEGATIVE_INFINITY;
            boxes[4 * parts + 3] = Double.NEGATIVE_INFINITY;
            open = true;
            return this;
        }

        public Builder add(double x, double y) {
            if (2 * (vertices + 1) > xy.length) {
                xy = Arrays.copyOf(xy, xy.length * 2);
            }
            xy[2 * vertices] = x;
            xy[2 * vertices + 1] = y;
            vertices++;
            int b = 4 * parts;
            boxes[b] = Math.min(boxes[b], x);
            boxes[b + 1] = Math.min(boxes[b + 1], y);
            boxes[b + 2] = Math.max(boxes[b + 2], x);
            boxes[b + 3] = Math.max(boxes[b + 3], y);
            return this;
        }

        public Builder endPart() {
            if (open) {
                open = false;
                if (starts[parts] == vertices) {
                    return this; // empty part: dropped
                }
                parts++;
                starts[parts] = vertices;
            }
            return this;
        }

        public Parts build() {
            endPart();
            int[] s = Arrays.copyOf(starts, parts + 1);
            s[parts] = vertices;
            return new Parts(Arrays.copyOf(xy, 2 * vertices), s, Arrays.copyOf(boxes, 4 * parts));
        }
    }
}
