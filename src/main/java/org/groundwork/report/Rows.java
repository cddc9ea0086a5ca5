package org.groundwork.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

/** Reading native query columns, whatever Java type the driver chose for them. */
final class Rows {

    private Rows() {
    }

    /** Minutes as the database summed them, for a sum of several figures that is rounded once, at its end. */
    static double unrounded(Object o) {
        return o == null ? 0 : o instanceof Number n ? n.doubleValue() : new BigDecimal(o.toString()).doubleValue();
    }

    /** Minutes to two decimals: sums of thirds and sevenths stay readable. */
    static double minutes(Object o) {
        if (o == null) {
            return 0;
        }
        if (o instanceof Double || o instanceof Long || o instanceof Integer) {
            return round(((Number) o).doubleValue());
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * To two decimals, half away from zero, as BigDecimal would round the double's decimal form.
     * That form (Double.toString) cost a tenth of the JVM's CPU in one organizer's time report
     * (~1,000 figures), so it is taken only where it could tell: within a hair of a half cent.
     * Elsewhere the nearest hundredth of d * 100 is the same one, and n / 100.0 is the double
     * nearest to it, as BigDecimal's doubleValue is.
     */
    static double round(double d) {
        double hundredths = d * 100;
        double floor = Math.floor(hundredths);
        double fraction = hundredths - floor;
        if (Math.abs(hundredths) < 1e12 && Math.abs(fraction - 0.5) > 1e-4) {
            // + 0.0: no negative zero, which BigDecimal does not have either
            return (fraction > 0.5 ? floor + 1 : floor) / 100.0 + 0.0;
        }
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static UUID uuid(Object o) {
        return o == null ? null : o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    static LocalDate date(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    static int count(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }
}
