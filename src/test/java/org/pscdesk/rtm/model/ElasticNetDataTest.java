package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The compression of a design into groups of identical rows, checked against its definition by brute force. */
class ElasticNetDataTest {

    @Test
    void rowsShareAGroupExactlyWhenTheyAreIdentical() {
        for (long seed = 1; seed <= 5; seed++) {
            Design d = randomDesign(seed);
            ElasticNetData data = ElasticNetData.of(d);
            for (int i = 0; i < d.n(); i++) {
                for (int k = i + 1; k < d.n(); k++) {
                    boolean same = true;
                    for (int j = 0; j < d.p() && same; j++) {
                        same = d.column(j)[i] == d.column(j)[k];
                    }
                    assertEquals(same, data.groupOfRow[i] == data.groupOfRow[k], "rows " + i + ", " + k);
                }
            }
        }
    }

    @Test
    void groupsAreNumberedByTheirFirstRow() {
        ElasticNetData data = ElasticNetData.of(randomDesign(6));
        int next = 0;
        for (int i = 0; i < data.n; i++) {
            int g = data.groupOfRow[i];
            assertTrue(g <= next, "row " + i);
            if (g == next) {
                assertEquals(i, data.firstRow[g]);
                next++;
            }
        }
        assertEquals(data.groups, next);
    }

    @Test
    void binaryListsHoldTheShorterOfOnesAndZeros() {
        Design d = randomDesign(7);
        ElasticNetData data = ElasticNetData.of(d);
        for (int j = 0; j < d.p(); j++) {
            if (!d.isBinary(j)) {
                continue;
            }
            int[] list = data.list[j];
            assertTrue(2 * list.length <= data.groups, "list of " + d.name(j) + " is the shorter side");
            for (int k = 1; k < list.length; k++) {
                assertTrue(list[k] > list[k - 1], "sorted");
            }
            for (int g = 0; g < data.groups; g++) {
                boolean inList = Arrays.binarySearch(list, g) >= 0;
                boolean one = d.column(j)[data.firstRow[g]] == 1.0;
                assertEquals(one != data.complement[j], inList, d.name(j) + " group " + g);
            }
        }
    }

    @Test
    void rowWiseViewListsEveryMembership() {
        ElasticNetData data = ElasticNetData.of(randomDesign(8));
        for (int g = 0; g < data.groups; g++) {
            List<Integer> expected = new ArrayList<>();
            for (int j = 0; j < data.p; j++) {
                if (data.list[j] != null && Arrays.binarySearch(data.list[j], g) >= 0) {
                    expected.add(j);
                }
            }
            List<Integer> actual = new ArrayList<>();
            for (int e = data.rowStart[g]; e < data.rowStart[g + 1]; e++) {
                actual.add(data.rowVar[e]);
            }
            assertEquals(expected, actual, "group " + g);
        }
    }

    /** 150 rows, 4 nested-band-like binary columns, a dense binary column, a numeric column with repeats. */
    private static Design randomDesign(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 150;
        double[][] x = new double[6][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int band = rnd.nextInt(6);
            for (int b = 0; b < 4; b++) {
                x[b][i] = band <= b ? 1 : 0;
            }
            x[4][i] = rnd.nextDouble() < 0.8 ? 1 : 0;
            x[5][i] = rnd.nextInt(3) * 0.5;
            y[i] = rnd.nextInt(3);
        }
        List<String> names = List.of("b1", "b2", "b3", "b4", "dense", "numeric");
        return new Design(y, names, names, x);
    }
}
