package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast number parse gives exactly {@link Double#parseDouble}'s double, bit for bit. */
class ParseNumberTest {

    private static void same(String s) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                Double.doubleToRawLongBits(TextValues.parseNumber(s)), s);
    }

    @Test
    void randomDecimalsOfEveryLengthParseToTheSameDouble() {
        Random random = new Random(42);
        for (int i = 0; i < 300_000; i++) {
            int intDigits = random.nextInt(12);
            int fracDigits = random.nextInt(10);
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(4) == 0) {
                sb.append(random.nextBoolean() ? '-' : '+');
            }
            for (int d = 0; d < intDigits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (fracDigits > 0 || random.nextInt(5) == 0) {
                sb.append('.');
            }
            for (int d = 0; d < fracDigits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (intDigits + fracDigits == 0) {
                sb.append('7');
            }
            same(sb.toString());
        }
    }

    @Test
    void coordinatesAndEdgesParseToTheSameDouble() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            same(String.format(Locale.ROOT, "%.2f", 600_000 + random.nextDouble() * 400_000));
            same(String.format(Locale.ROOT, "%.6f", -90.5 + random.nextDouble()));
            same(Double.toString(random.nextDouble() * 1e6));
        }
        for (String s : new String[] {"0", "-0", "-0.0", "0.1", "0.3", "1.", ".5", "-.5", "123456789012345",
                "1234567890123456", "9007199254740993", "0.000000000000000000001", "1e5", "1.5E-3", "99999999999999.9",
                "4.35", "2.675", "0.1234567890123"}) {
            same(s);
        }
    }
}
