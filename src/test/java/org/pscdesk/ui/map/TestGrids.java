package org.pscdesk.ui.map;

/** Builds count grids from bare counts, for legend tests (the constructor is package-private). */
public final class TestGrids {

    private TestGrids() {
    }

    public static CountGrid of(int... counts) {
        Parts.Builder squares = new Parts.Builder();
        for (int i = 0; i < counts.length; i++) {
            squares.beginPart();
            squares.add(i, 0).add(i + 1, 0).add(i + 1, 1).add(i, 1);
            squares.endPart();
        }
        return new CountGrid(squares.build(), counts, 0);
    }
}
