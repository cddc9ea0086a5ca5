package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theDefaultIsFourPerCore() {
        if (System.getenv("QUARKUS_THREAD_POOL_MAX_THREADS") == null && System.getProperty(WorkerThreads.MAX_THREADS) == null) {
            assertEquals(WorkerThreads.forCores(Runtime.getRuntime().availableProcessors()),
                    ConfigProvider.getConfig().getValue(WorkerThreads.MAX_THREADS, Integer.class));
        }
    }

    @Test
    void fourPerCoreAndNeverFewerThanEight() {
        assertEquals(8, WorkerThreads.forCores(1));
        assertEquals(8, WorkerThreads.forCores(2));
        assertEquals(16, WorkerThreads.forCores(4));
    }
}
