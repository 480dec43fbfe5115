package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/** {@link SpecialFunctions} against R 4.2.2 (glm_special_functions.csv) and against their defining identities. */
class SpecialFunctionsTest {

    /** Relative accuracy against R; absolute where the value is near 0 (zeros of log Γ at 1, 2 and of ψ at 1.46). */
    private static final double REL = 1e-14;
    private static final double ABS_NEAR_ZERO = 2e-15;

    private record Row(String kind, double x, double value) {
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SpecialFunctionsTest.class.getResourceAsStream("/org/pscdesk/rtm/reference/glm_special_functions.csv"),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.startsWith("kind")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
        }
        return rows;
    }

    @Test
    void matchesRsLgammaDigammaTrigammaAndNormalTail() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() > 80, "fixture read");
        for (Row row : rows) {
            double actual = switch (row.kind()) {
                case "lgamma" -> SpecialFunctions.logGamma(row.x());
                case "digamma" -> SpecialFunctions.digamma(row.x());
                case "trigamma" -> SpecialFunctions.trigamma(row.x());
                case "pnorm2" -> SpecialFunctions.normalTwoSidedP(row.x());
                default -> throw new IllegalStateException(row.kind());
            };
            double tolerance = Math.max(REL * Math.abs(row.value()), ABS_NEAR_ZERO);
            assertTrue(Math.abs(actual - row.value()) <= tolerance,
                    row.kind() + "(" + row.x() + "): R " + row.value() + ", ours " + actual);
        }
    }

    @Test
    void differencesOverCountsEqualTheFunctionsDifferences() {
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 200; t++) {
            double a = Math.exp(random.nextDouble(-8, 8));
            int y = random.nextInt(0, 200);
            check(SpecialFunctions.logGamma(a + y) - SpecialFunctions.logGamma(a),
                    SpecialFunctions.logGammaRatio(y, a), "log Gamma ratio", y, a);
            check(SpecialFunctions.digamma(a + y) - SpecialFunctions.digamma(a),
                    SpecialFunctions.digammaDifference(y, a), "digamma difference", y, a);
            check(SpecialFunctions.trigamma(a + y) - SpecialFunctions.trigamma(a),
                    SpecialFunctions.trigammaDifference(y, a), "trigamma difference", y, a);
        }
    }

    private static void check(double viaFunctions, double direct, String what, int y, double a) {
        // the plain difference cancels for large a; allow for that cancellation
        double scale = Math.abs(direct) + 1e-13 * (1 + Math.abs(viaFunctions) + Math.abs(Math.log(a)) * (y + 1));
        assertTrue(Math.abs(viaFunctions - direct) <= 1e-9 * scale, what + " y=" + y + " a=" + a);
    }

    @Test
    void recurrencesHoldAcrossTheShiftBoundary() {
        // log Γ(x + 1) = log Γ(x) + log x; ψ(x + 1) = ψ(x) + 1/x; ψ'(x + 1) = ψ'(x) − 1/x²
        for (double x = 0.25; x < 30; x += 0.37) {
            final double v = x;
            assertClose(SpecialFunctions.logGamma(v) + Math.log(v), SpecialFunctions.logGamma(v + 1), "lgamma " + v);
            assertClose(SpecialFunctions.digamma(v) + 1 / v, SpecialFunctions.digamma(v + 1), "digamma " + v);
            assertClose(SpecialFunctions.trigamma(v) - 1 / (v * v), SpecialFunctions.trigamma(v + 1), "trigamma " + v);
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        for (double x : new double[] {0.3, 1.7, 9.5, 10.5, 55}) {
            double h = 1e-5 * x;
            assertEquals(central(SpecialFunctions::logGamma, x, h), SpecialFunctions.digamma(x),
                    1e-8 * Math.max(1, Math.abs(SpecialFunctions.digamma(x))), "digamma " + x);
            assertEquals(central(SpecialFunctions::digamma, x, h), SpecialFunctions.trigamma(x),
                    1e-7 * SpecialFunctions.trigamma(x), "trigamma " + x);
        }
    }

    @Test
    void rejectsArgumentsOutsideTheDomain() {
        assertTrue(Double.isNaN(SpecialFunctions.logGamma(0)));
        assertTrue(Double.isNaN(SpecialFunctions.digamma(-1.5)));
        assertTrue(Double.isNaN(SpecialFunctions.trigamma(Double.NaN)));
        assertTrue(Double.isNaN(SpecialFunctions.normalTwoSidedP(Double.NaN)));
    }

    private static double central(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-13 * Math.max(1, Math.abs(expected)), what);
    }
}
