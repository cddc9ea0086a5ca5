package org.groundwork.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement's plan for any parameter values, as a big team's table would get it: the generic plan, with sequential
 * and bitmap scans ruled out, so a plan test shows whether the statement can use its index at all. The statement
 * is written with JDBC's {@code ?} (as Hibernate sends it, {@link SqlSeen}); each becomes {@code $n}, its type as
 * PostgreSQL infers it.
 */
public final class GenericPlan {

    private GenericPlan() {
    }

    public static String of(DataSource dataSource, String sql) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            numbered.append(ch == '?' ? "$" + (++n) : String.valueOf(ch));
        }
        try (Connection c = AllTeams.connection(dataSource); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("set local enable_seqscan = off");
                s.execute("set local enable_bitmapscan = off");
                s.execute("set local plan_cache_mode = force_generic_plan");
                // prepared by name so its $n stay its own; the generic plan is the same for any values
                s.execute("prepare generic_plan as " + numbered);
                List<String> lines = new ArrayList<>();
                try (ResultSet r = s.executeQuery("explain execute generic_plan("
                        + String.join(", ", Collections.nCopies(n, "null")) + ")")) {
                    while (r.next()) {
                        lines.add(r.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                c.rollback();
                s.execute("deallocate generic_plan"); // only its own: the pooled connection keeps pgjdbc's
                c.setAutoCommit(true);
            }
        }
    }
}
