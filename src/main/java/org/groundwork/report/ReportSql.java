package org.groundwork.report;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * ({@link Tuple}), never by position.
 */
final class ReportSql {

    /** A trailing condition: "-- if organizer", "-- if not work". */
    private static final Pattern CONDITION = Pattern.compile("\\s*--\\s*if\\s+(not\\s+)?([a-z]+)\\s*$");
    /** A named parameter (":team"), not a cast ("::uuid"). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-zA-Z]\\w*)");

    /** Each combination's text and the parameters it names, found once (not by a regex per call). */
    private static final Map<String, Statement> STATEMENTS = new ConcurrentHashMap<>();

    private record Statement(String text, Set<String> parameters) {
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
            for (String line : resource(name).split("\n")) {
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
            Set<String> named = new TreeSet<>();
            while (m.find()) {
                named.add(m.group(1));
            }
            return new Statement(text, Set.copyOf(named));
        });
    }

    /**
     * The statement as a query whose rows are {@link Tuple}s, with those of the parameters that
     * its text names (a filter left out leaves its parameter unused). prefix: "" or an EXPLAIN.
     */
    static Query query(EntityManager em, String prefix, String name, Set<String> holding, Map<String, Object> parameters) {
        Statement statement = statement(name, holding);
        Query q = em.createNativeQuery(prefix + statement.text(), Tuple.class);
        for (String parameter : statement.parameters()) {
            if (!parameters.containsKey(parameter)) {
                throw new IllegalArgumentException("report/" + name + ".sql needs :" + parameter);
            }
            q.setParameter(parameter, parameters.get(parameter));
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    static List<Tuple> rows(EntityManager em, String name, Set<String> holding, Map<String, Object> parameters) {
        return query(em, "", name, holding, parameters).getResultList();
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
