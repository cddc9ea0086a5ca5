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

    /** Minutes to two decimals: sums of thirds and sevenths stay readable. */
    static double minutes(Object o) {
        if (o == null) {
            return 0;
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static double round(double d) {
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
