package org.groundwork.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * More worker threads than the pool has connections (20), as an operator may set them
 * (QUARKUS_THREAD_POOL_MAX_THREADS): with the default of four per core a test cannot run enough
 * requests at once to drain the pool, and the tests of what happens then would pass whatever the code.
 */
public class MoreThreadsThanConnections implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.thread-pool.max-threads", "64");
    }
}
