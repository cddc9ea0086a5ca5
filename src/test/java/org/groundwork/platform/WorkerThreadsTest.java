package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests beyond four per core (at least eight) wait in the worker pool's queue instead of running
 * at once (WorkerThreads), and every one of them is still answered.
 */
@QuarkusTest
class WorkerThreadsTest {

    @Test
    void requestsBeyondFourPerCoreWaitTheirTurnAndAllAreAnswered() throws Exception {
        // as configured: four per core by default, or what QUARKUS_THREAD_POOL_MAX_THREADS says
        int threads = ConfigProvider.getConfig().getValue(WorkerThreads.MAX_THREADS, Integer.class);
        int requests = threads * 3;
        HeldRequestResource.mostAtOnce.set(0);
        ExecutorService senders = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(senders.submit(() -> given().get("/api/v1/test-only/held-request").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            senders.shutdownNow();
        }
        // Quarkus alone would have run all of them at once (its default is 200 threads); one fewer than the
        // cap if a thread was still busy with another test's work
        int mostAtOnce = HeldRequestResource.mostAtOnce.get();
        assertTrue(mostAtOnce <= threads && mostAtOnce >= threads - 1, mostAtOnce + " at once, " + threads + " threads");
    }

    @Test
    void theDefaultIsFourPerCoreAndTheEnvironmentStillSetsAnother() {
        WorkerThreads ours = null;
        for (ConfigSource source : ConfigProvider.getConfig().getConfigSources()) {
            if (source instanceof WorkerThreads w) {
                ours = w;
            }
        }
        assertNotNull(ours, "the source is registered (META-INF/services)");
        assertEquals(Integer.toString(WorkerThreads.forCores(Runtime.getRuntime().availableProcessors())),
                ours.getValue(WorkerThreads.MAX_THREADS));
        // the value in force comes from it, unless the environment or a system property names another count
        ConfigValue inForce = ConfigProvider.getConfig().getConfigValue(WorkerThreads.MAX_THREADS);
        boolean overridden = System.getenv("QUARKUS_THREAD_POOL_MAX_THREADS") != null
                || System.getProperty(WorkerThreads.MAX_THREADS) != null;
        if (overridden) {
            assertNotEquals(ours.getName(), inForce.getSourceName(), "the override wins");
            assertTrue(inForce.getSourceOrdinal() > ours.getOrdinal(), inForce.getSourceName());
        } else {
            assertEquals(ours.getName(), inForce.getSourceName(), "nothing else sets it, application.properties included");
        }
    }

    @Test
    void fourPerCoreAndNeverFewerThanEight() {
        assertEquals(8, WorkerThreads.forCores(1));
        assertEquals(8, WorkerThreads.forCores(2));
        assertEquals(16, WorkerThreads.forCores(4));
    }
}
