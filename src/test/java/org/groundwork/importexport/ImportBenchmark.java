package org.groundwork.importexport;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The import benchmark (docs/import.md): a 100,000-row Action Network-style file through the
 * HTTP API of the app the tests start. Not part of {@code ./mvnw test}; run it with
 * <pre>./mvnw -B test -Dtest=ImportBenchmark -Dgroundwork.benchmark=true \
 *     -Dgroundwork.import.max-bytes=52428800 -DargLine=-Xmx512m</pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "groundwork.benchmark", matches = "true")
class ImportBenchmark {

    static final int ROWS = 100_000;

    /** first_name,last_name,email,zip_code,can2_phone,can2_user_tags,… as Action Network exports people. */
    static String actionNetworkFile(int rows) {
        StringBuilder f = new StringBuilder(rows * 130);
        f.append("first_name,last_name,email,zip_code,can2_phone,can2_user_tags,can2_subscription_status,"
                + "can2_sms_status,language\r\n");
        String[] first = {"Rosa", "Sam", "Ana", "Lee", "Kim", "Pat", "Jean", "Dee", "Omar", "Ivy"};
        String[] last = {"Diaz", "Okafor", "Lopez", "Chen", "Park", "Rivera", "Dupont", "Nguyen", "Haddad", "Smith"};
        for (int i = 0; i < rows; i++) {
            f.append(first[i % 10]).append(',').append(last[(i / 10) % 10]).append(" ").append(i).append(',')
                    .append("member").append(i).append("@example.org,").append(10000 + i % 90000).append(',')
                    .append(String.format("(%03d) 555-%04d", 200 + i / 10000, i % 10000)).append(',')
                    .append(i % 3 == 0 ? "\"tenant, building-" + (i % 40) + "\"" : "member").append(',')
                    .append("subscribed,unsubscribed,en\r\n");
        }
        return f.toString();
    }

    @Test
    void hundredThousandRows() throws Exception {
        String file = actionNetworkFile(ROWS);
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        Path saved = Path.of("target", "benchmark", "action-network-100k.csv");
        Files.createDirectories(saved.getParent());
        Files.write(saved, bytes);
        TestTeam team = TestTeam.create();

        file = null;
        bytes = null;

        JsonPath first = timed("import into an empty team", team, saved, "");
        assertEquals(ROWS, first.getInt("created"));
        JsonPath again = timed("same file again (every line matches)", team, saved, "");
        assertEquals(ROWS, again.getInt("skipped"));
        JsonPath updated = timed("same file again, onMatch=update", team, saved, "onMatch=update");
        assertEquals(ROWS, updated.getInt("updated"));
    }

    /** Posted from the file by a plain HTTP client, as curl would, so the client holds no copy of it. */
    private static JsonPath timed(String what, TestTeam team, Path file, String query) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/imports/contacts?" + query))
                .header("Authorization", "Bearer " + team.token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        boolean background = response.statusCode() == 202;
        JsonPath r;
        if (response.statusCode() == 202) {
            // over the background threshold: the time is until the job is done, polled as a client would
            String location = response.headers().firstValue("Location").orElseThrow();
            while (true) {
                JsonPath job = RestAssured.given().auth().oauth2(team.token).get(location).then().statusCode(200)
                        .extract().jsonPath();
                if (job.getString("finishedAt") != null) {
                    assertEquals("done", job.getString("state"), job.prettify());
                    r = new JsonPath(job.prettify()).setRootPath("result");
                    break;
                }
                Thread.sleep(200);
            }
        } else {
            assertEquals(200, response.statusCode(), response.body());
            r = new JsonPath(response.body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        System.out.printf("BENCHMARK %s%s: %,d rows, %.1f MB file, %.1f s (created %d, updated %d, skipped %d); "
                        + "heap used before %d MB, peak %d MB, max %d MB (app and test in one JVM)%n",
                what, background ? " (in the background, until done)" : "", ROWS, Files.size(file) / 1e6, seconds, r.getInt("created"), r.getInt("updated"),
                r.getInt("skipped"), before >> 20, peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
        return r;
    }
}
