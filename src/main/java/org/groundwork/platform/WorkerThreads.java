package org.groundwork.platform;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * How many requests run at once: four worker threads per core (at least eight), where Quarkus would
 * allow 200. Past that, requests wait in the pool's queue, not as threads on the cores: on two cores
 * sixteen writers at once made PostgreSQL spend half as much again per transaction (its backends
 * contending) and the app's threads take turns on the cores, so the POST at 16 connections did about
 * 0.5-0.6 of what PostgreSQL alone does on its statements, with a p99 of 330-730 ms; with eight
 * threads it did 0.74-0.76 of it, with a p99 of 76-83 ms (docs/performance.md, thirty-eighth session).
 * Four per core, not one: a request also waits for the disk's flush at its commit and for the second
 * connection of a report, and the cores should stay busy meanwhile.
 * <p>
 * A default only: its ordinal is below application.properties', the environment's and system
 * properties', so {@code QUARKUS_THREAD_POOL_MAX_THREADS} sets another count (docs/operations.md).
 */
public class WorkerThreads implements ConfigSource {

    static final String MAX_THREADS = "quarkus.thread-pool.max-threads";
    private static final int PER_CORE = 4;
    private static final int AT_LEAST = 8;

    static int forCores(int cores) {
        return Math.max(AT_LEAST, PER_CORE * cores);
    }

    private final Map<String, String> properties =
            Map.of(MAX_THREADS, Integer.toString(forCores(Runtime.getRuntime().availableProcessors())));

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "groundwork worker threads per core";
    }

    /** Below application.properties (250), the environment (300) and system properties (400). */
    @Override
    public int getOrdinal() {
        return 150;
    }
}
