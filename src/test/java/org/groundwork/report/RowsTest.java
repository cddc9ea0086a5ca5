package org.groundwork.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rows.round takes a short way round BigDecimal (docs/performance.md, twelfth session); every
 * figure must stay the one BigDecimal gives, to the bit.
 */
class RowsTest {

    private static double byBigDecimal(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void roundsAsBigDecimalDoes() {
        double[] edges = {0, -0.0, 0.005, 0.015, 1.005, 2.675, -2.675, 1.0 / 3, 2.0 / 3, 10.0 / 7, 1e-9, -1e-9,
                123456.785, 16428.987128962992, 99.995, -99.995, 1e11 + 0.125, 1e13 + 0.5, Double.MIN_VALUE};
        for (double d : edges) {
            assertEquals(Double.doubleToLongBits(byBigDecimal(d)), Double.doubleToLongBits(Rows.round(d)), "" + d);
        }
        Random random = new Random(14);
        for (int i = 0; i < 1_000_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextDouble() * 1e6;
                case 1 -> random.nextInt(100_000) / 3.0 + random.nextInt(1_000) / 7.0;
                case 2 -> -random.nextDouble() * 1e4;
                default -> random.nextInt(1_000_000) / 100.0 + 0.005;
            };
            assertEquals(Double.doubleToLongBits(byBigDecimal(d)), Double.doubleToLongBits(Rows.round(d)), "" + d);
        }
    }

    @Test
    void readsTheDriversTypesAlike() {
        assertEquals(12.35, Rows.minutes(12.345));
        assertEquals(12.35, Rows.minutes(new BigDecimal("12.345")));
        assertEquals(7.0, Rows.minutes(7L));
        assertEquals(0.0, Rows.minutes(null));
    }
}
