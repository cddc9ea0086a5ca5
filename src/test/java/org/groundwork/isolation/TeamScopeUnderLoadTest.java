package org.groundwork.isolation;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.support.MoreThreadsThanConnections;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The team a connection works for is the team of the request that borrowed it, whatever else the
 * pool is going through: two teams' requests at once, more of them than the pool has connections
 * (slow password checks hold theirs), anonymous requests and readiness probes (which work for no
 * team) on the same pool, and the database killed twice under all of it. Every answer is the
 * right one or a 503: never a 404 for the team's own contact, a 400 "no contact with that id in
 * your team", or a list that is empty or shows the other team.
 */
@QuarkusTest
@TestProfile(MoreThreadsThanConnections.class)
class TeamScopeUnderLoadTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Test
    void everyRequestSeesItsOwnTeamThroughPoolExhaustionAndOutages() throws Exception {
        TestTeam a = TestTeam.create();
        TestTeam b = TestTeam.create();
        Map<TestTeam, String> contactOf = Map.of(
                a, a.api().body(Map.of("fullName", "Ana of A")).post("/api/v1/contacts").then().statusCode(201).extract().path("id"),
                b, b.api().body(Map.of("fullName", "Ben of B")).post("/api/v1/contacts").then().statusCode(201).extract().path("id"));

        Map<String, Map<Integer, AtomicInteger>> answers = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (TestTeam team : List.of(a, b)) {
            String mine = contactOf.get(team);
            for (int i = 0; i < 6; i++) {
                running.add(pool.submit(() -> loop(stop, () -> {
                    Response r = team.api().get("/api/v1/contacts/" + mine);
                    check("one contact", r, answers, wrong, r.statusCode() == 200 && mine.equals(r.path("id")));
                    r = team.api().body(Map.of("contactId", mine, "durationMinutes", 5, "channel", "phone"))
                            .post("/api/v1/conversations");
                    check("conversation", r, answers, wrong, r.statusCode() == 201);
                    r = team.api().get("/api/v1/contacts?limit=200");
                    check("contact list", r, answers, wrong, r.statusCode() == 200
                            && List.of(mine).equals(r.jsonPath().getList("items.id")));
                })));
            }
        }
        // slow password checks, more than the pool has connections: acquisition timeouts
        for (int i = 0; i < 24; i++) {
            running.add(pool.submit(() -> loop(stop, () -> {
                int n = ADDRESS.getAndIncrement();
                Response r = given().header("X-Forwarded-For", "10.88." + (n / 250 % 250) + "." + (n % 250 + 1))
                        .contentType(ContentType.JSON)
                        .body(Map.of("email", "nobody-" + n + "@groundwork.test", "password", "wrong", "name", "x"))
                        .post("/api/v1/tokens");
                check("wrong password", r, answers, wrong, r.statusCode() == 401);
            })));
        }
        // work for no team on the same pool
        running.add(pool.submit(() -> loop(stop, () -> {
            Response r = given().get("/api/v1/me");
            check("anonymous", r, answers, wrong, r.statusCode() == 401);
            r = given().get(management.toString().replaceAll("/$", "") + "/health/ready");
            answers.computeIfAbsent("readiness", k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        })));

        Thread.sleep(8000);
        boolean embedded = System.getenv("GROUNDWORK_TEST_JDBC_URL") == null
                && System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null;
        for (int outage = 0; embedded && outage < 2; outage++) {
            long postmaster = postmasterPid();
            assertTrue(ProcessHandle.of(postmaster).orElseThrow().destroyForcibly(), "SIGKILL sent to " + postmaster);
            waitForDatabase(postmaster);
            Thread.sleep(4000);
        }
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        for (var f : running) {
            f.get();
        }
        Map<String, Map<Integer, AtomicInteger>> sorted = new TreeMap<>(answers);
        System.out.println("team scope under load: " + sorted);
        List<String> wrongAnswers = new ArrayList<>(wrong);
        assertEquals(List.of(), wrongAnswers.subList(0, Math.min(10, wrongAnswers.size())),
                wrongAnswers.size() + " wrong answers; all: " + sorted);
        for (String kind : Set.of("one contact", "conversation", "contact list")) {
            assertTrue(answers.get(kind).containsKey(200) || answers.get(kind).containsKey(201), kind + " succeeded at all");
        }
    }

    private static void check(String kind, Response r, Map<String, Map<Integer, AtomicInteger>> answers,
                              ConcurrentLinkedQueue<String> wrong, boolean right) {
        answers.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        if (!right && r.statusCode() != 503) {
            wrong.add(kind + ": " + r.statusCode() + " " + r.asString());
        }
    }

    private static Void loop(AtomicBoolean stop, Runnable request) {
        while (!stop.get()) {
            request.run();
        }
        return null;
    }

    private void waitForDatabase(long killed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (postmasterPid() != killed) {
                    return;
                }
            } catch (SQLException | RuntimeException notYet) {
                // the supervisor has not restarted it yet
            }
            Thread.sleep(100);
        }
    }

    private long postmasterPid() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_read_file('postmaster.pid')")) {
            rs.next();
            return Long.parseLong(rs.getString(1).lines().findFirst().orElseThrow().trim());
        }
    }
}
