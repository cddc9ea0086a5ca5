package org.groundwork.report;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports' SQL: one {@code .sql} resource per statement under {@code report/}, read once.
 * A filter is written once, in the resource, on its own line ending in {@code -- if organizer}
 * (one organizer's figures), {@code -- if team} (the whole team's) or {@code -- if work}; the
 * line is kept only when that holds. Each combination is then a fixed statement text, so
 * PostgreSQL keeps one prepared statement and one plan per combination, and adding a filter
 * touches the resource and the parameter it binds, nothing else. Rows are read by column name
 * ({@link Row}), never by position, with plain JDBC on the transaction's connection: Hibernate's
 * native-query tuples (a map per row, each name lower-cased on every read) took a quarter of
 * the JVM's CPU for one organizer's time report (docs/performance.md, feat-timerep3). A step two
 * statements share is written once, in a resource of its own, and stands in each on a line
 * {@code -- include <name>} (the action shares: {@code time-action-shares.sql}).
 */
final class ReportSql {

    /** A trailing condition: "-- if organizer", "-- if not work". */
    private static final Pattern CONDITION = Pattern.compile("\\s*--\\s*if\\s+(not\\s+)?([a-z]+)\\s*$");
    /** A line "-- include time-action-shares": that resource's text in its place. */
    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*--\\s*include\\s+([a-z][\\w-]*)\\s*$");
    /** A named parameter (":team"), not a cast ("::uuid"). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-zA-Z]\\w*)");

    /** Each combination's text and the parameters it names, found once (not by a regex per call). */
    private static final Map<String, Statement> STATEMENTS = new ConcurrentHashMap<>();

    /**
     * A combination's text; jdbc: the same with each named parameter replaced by "?", and order:
     * the parameter each "?" stands for (a name used twice is bound twice, as Hibernate did, so
     * PostgreSQL sees the same statement and keeps the same plans).
     */
    private record Statement(String text, Set<String> parameters, String jdbc, List<String> order) {
    }

    /** One row of a statement: its values by column name, as the driver read them. */
    static final class Row {
        private final Map<String, Integer> columns;
        private final Object[] values;

        private Row(Map<String, Integer> columns, Object[] values) {
            this.columns = columns;
            this.values = values;
        }

        Object get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column " + column + " in " + columns.keySet());
            }
            return values[i];
        }
    }

    private ReportSql() {
    }

    /**
     * The statement {@code report/<name>.sql} with the lines whose condition holds (whole-line
     * comments dropped: they are for the reader of the resource, not for the server's log).
     */
    static String text(String name, Set<String> holding) {
        return statement(name, holding).text();
    }

    private static Statement statement(String name, Set<String> holding) {
        return STATEMENTS.computeIfAbsent(name + new TreeSet<>(holding), key -> {
            StringBuilder sql = new StringBuilder();
            for (String line : withIncludes(name).split("\n")) {
                if (line.isBlank() || line.trim().startsWith("--")) {
                    continue;
                }
                Matcher m = CONDITION.matcher(line);
                if (m.find()) {
                    boolean holds = holding.contains(m.group(2));
                    if (holds == (m.group(1) != null)) {
                        continue;
                    }
                    line = line.substring(0, m.start());
                }
                sql.append(line).append('\n');
            }
            String text = sql.toString().stripTrailing();
            Matcher m = PARAMETER.matcher(text);
            List<String> order = new ArrayList<>();
            StringBuilder jdbc = new StringBuilder();
            while (m.find()) {
                order.add(m.group(1));
                m.appendReplacement(jdbc, "?");
            }
            m.appendTail(jdbc);
            return new Statement(text, Set.copyOf(new TreeSet<>(order)), jdbc.toString(), List.copyOf(order));
        });
    }

    /**
     * The statement's rows, with those of the parameters that its text names (a filter left out
     * leaves its parameter unused), on the transaction's connection. prefix: "" or an EXPLAIN
     * (its one column is "QUERY PLAN").
     */
    static List<Row> rows(EntityManager em, String prefix, String name, Set<String> holding,
                          Map<String, Object> parameters) {
        Statement statement = statement(name, holding);
        // no new copy of a statement's text per call when there is no prefix: the driver's cache of
        // prepared statements hashes and compares the text by its characters
        String jdbc = prefix.isEmpty() ? statement.jdbc() : prefix + statement.jdbc();
        return em.unwrap(Session.class).doReturningWork(c -> run(c, jdbc, name, statement, parameters)).get(0);
    }

    /**
     * The rows of several statements, in their order, sent in one round trip: their texts joined
     * into one, which the driver sends as one batch (each still its own prepared statement on the
     * server, with its own plan) and reads back in turn, so the app takes one statement's rows
     * while the server runs the next. A statement that gives no rows (a SET) gives an empty list.
     */
    static List<List<Row>> rowsOfEach(EntityManager em, List<String> names, Set<String> holding,
                                      Map<String, Object> parameters) {
        Statement statement = batch(names, holding);
        return em.unwrap(Session.class).doReturningWork(c -> each(c, statement, names, parameters));
    }

    /**
     * The same on a connection the caller holds outside the transaction's (a statement run aside,
     * {@link SecondConnection}): its own transaction, for the room to hash, rolled back after, since
     * a report writes nothing.
     */
    static List<List<Row>> rowsOfEach(Connection c, List<String> names, Set<String> holding,
                                      Map<String, Object> parameters) throws SQLException {
        Statement statement = batch(names, holding);
        c.setAutoCommit(false);
        List<List<Row>> results;
        try {
            results = each(c, statement, names, parameters);
        } catch (SQLException | RuntimeException failed) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                failed.addSuppressed(rollback); // the connection is gone: what failed first is what matters
            }
            throw failed;
        }
        c.rollback();
        return results;
    }

    /** The statements' texts joined into one, found once per combination. */
    private static Statement batch(List<String> names, Set<String> holding) {
        String key = names + "" + new TreeSet<>(holding);
        Statement statement = STATEMENTS.get(key);
        if (statement == null) {
            // built outside the map's computeIfAbsent, which must not be entered again for each part
            List<Statement> each = names.stream().map(name -> statement(name, holding)).toList();
            List<String> order = new ArrayList<>();
            Set<String> named = new TreeSet<>();
            each.forEach(one -> {
                order.addAll(one.order());
                named.addAll(one.parameters());
            });
            STATEMENTS.putIfAbsent(key, new Statement(String.join(";\n", each.stream().map(Statement::text).toList()),
                    Set.copyOf(named), String.join(";\n", each.stream().map(Statement::jdbc).toList()),
                    List.copyOf(order)));
            statement = STATEMENTS.get(key);
        }
        return statement;
    }

    private static List<List<Row>> each(Connection c, Statement statement, List<String> names,
                                        Map<String, Object> parameters) throws SQLException {
        List<List<Row>> results = run(c, statement.jdbc(), String.join(", ", names), statement, parameters);
        if (results.size() != names.size()) {
            throw new IllegalStateException(names + " gave " + results.size() + " results");
        }
        return results;
    }

    /** Each result of a text, in order: a statement's rows, or an empty list for one without rows. */
    private static List<List<Row>> run(Connection c, String jdbc, String name, Statement statement,
                                       Map<String, Object> parameters) throws SQLException {
        for (String parameter : statement.parameters()) {
            if (!parameters.containsKey(parameter)) {
                throw new IllegalArgumentException("report/" + name + ".sql needs :" + parameter);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(jdbc)) {
            int i = 1;
            for (String parameter : statement.order()) {
                bind(ps, i++, parameters.get(parameter));
            }
            List<List<Row>> results = new ArrayList<>();
            for (boolean rows = ps.execute(); rows || ps.getUpdateCount() != -1; rows = ps.getMoreResults()) {
                if (!rows) {
                    results.add(List.of());
                    continue;
                }
                try (ResultSet rs = ps.getResultSet()) {
                    results.add(read(rs));
                }
            }
            return results;
        }
    }

    private static List<Row> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        Map<String, Integer> columns = new HashMap<>();
        for (int k = 0; k < n; k++) {
            columns.putIfAbsent(meta.getColumnLabel(k + 1), k);
        }
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] values = new Object[n];
            for (int k = 0; k < n; k++) {
                values[k] = rs.getObject(k + 1);
            }
            rows.add(new Row(columns, values));
        }
        return rows;
    }

    /**
     * A parameter with the type Hibernate gave it: an instant as a timestamptz with its offset
     * written out (whatever the JVM's or the session's zone), a date as a date; ids as a uuid[].
     */
    private static void bind(PreparedStatement ps, int i, Object value) throws SQLException {
        if (value instanceof UUID[] ids) {
            ps.setArray(i, ps.getConnection().createArrayOf("uuid", ids));
        } else if (value instanceof Instant instant) {
            ps.setObject(i, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof LocalDate date) {
            ps.setObject(i, date);
        } else {
            ps.setObject(i, value);
        }
    }

    /** The resource with each "-- include" line replaced by the resource it names (before any line is read). */
    private static String withIncludes(String name) {
        Matcher m = INCLUDE.matcher(resource(name));
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sql, Matcher.quoteReplacement(withIncludes(m.group(1)).stripTrailing()));
        }
        m.appendTail(sql);
        return sql.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ReportSql.class.getResourceAsStream("/report/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("no resource report/" + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
