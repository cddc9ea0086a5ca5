package org.groundwork.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The SQL Hibernate sends, as it sends it, while a test asks for it: a plan test can then explain
 * the very statement a request ran (HQL's translation included) instead of a copy written by hand.
 * Off otherwise; the app's own code has no statement inspector.
 */
@PersistenceUnitExtension
public class SqlSeen implements StatementInspector {

    private static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            SEEN.add(sql);
        }
        return sql;
    }

    /** The statements Hibernate prepared while {@code work} ran, in order. */
    public static synchronized List<String> during(Runnable work) {
        SEEN.clear();
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        List<String> seen = new ArrayList<>(SEEN);
        SEEN.clear();
        return seen;
    }
}
