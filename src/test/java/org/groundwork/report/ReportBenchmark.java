package org.groundwork.report;

import org.groundwork.support.BenchmarkLog;
import org.groundwork.support.AllTeams;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.groundwork.organizer.Team;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Generates the benchmark team (see {@link BenchmarkData}) and times the reports on it:
 * one organizer's 30 days and the team's 90 days, over HTTP (median of 15 after 10 warm-ups),
 * with each statement's EXPLAIN (ANALYZE, BUFFERS). Not part of the default test run:
 * <pre>./mvnw -B test -Dtest=ReportBenchmark -Dbenchmark=true [-Dbenchmark.seed=42]</pre>
 * Prints to the console and to target/report-benchmark.txt.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReportBenchmark {

    static final int WARM_UPS = 10;
    static final int RUNS = 15;

    @Inject
    DataSource dataSource;

    final BenchmarkLog log = new BenchmarkLog();

    @Test
    void reportsOnAHundredThousandContactsAndAMillionConversations() throws Exception {
        long seed = Long.getLong("benchmark.seed", 42L);
        String[] existing = existingTeam(seed);
        UUID team;
        String token;
        if (existing != null) {
            // a database kept from an earlier run (flyway clean off): time it again
            team = UUID.fromString(existing[0]);
            token = TestTeam.tokenFor(existing[1]);
            print("Reusing the benchmark team generated earlier (seed " + seed + ")");
        } else {
            TestTeam admin = TestTeam.create();
            team = UUID.fromString(admin.teamId);
            token = admin.token;
            print("Generating the benchmark team (seed " + seed + ")");
            long t0 = System.nanoTime();
            BenchmarkData.generate(dataSource, team, seed);
            print(String.format("Generated in %.1f s", (System.nanoTime() - t0) / 1e9));
        }
        print(counts(team));
        print(BenchmarkLog.machine());
        Api admin = new Api(token);

        UUID organizer = BenchmarkData.organizer(seed, 1);
        LocalDate end = LocalDate.parse(BenchmarkData.ANCHOR.substring(0, 10)).minusDays(1);
        String month = "from=" + end.minusDays(29) + "&to=" + end;
        String quarter = "from=" + end.minusDays(89) + "&to=" + end;

        // what any authenticated request costs here (token lookup, JSON, the HTTP client)
        time(admin, "baseline: GET /api/v1/me", null);
        time(admin, "time, one organizer, 30 days", "time?" + month + "&organizer=" + organizer);
        time(admin, "time, the team, 90 days", "time?" + quarter + "&organizer=all");
        time(admin, "time, one organizer, 30 days, one work", "time?" + month + "&organizer=" + organizer
                + "&work=" + firstWork(team));
        time(admin, "movement, one organizer, 30 days", "movement?" + month + "&organizer=" + organizer);
        time(admin, "movement, the team, 90 days", "movement?" + quarter + "&organizer=all");

        // the wall chart of a 5,000-person organization (20 units) and its organic leaders, as pages
        String organization = "/organizations/" + BenchmarkData.organization(seed, 1);
        timePage(admin, "wall chart, 5,000 people, 20 units (page)", organization + "/chart");
        timePage(admin, "wall chart, filtered: new, quiet 30 days (page)", organization + "/chart?level=new&quiet=30");
        timePage(admin, "organic leaders, 5,000 people (page)", organization + "/leaders");

        Team t = AllTeams.call(() -> Team.<Team>findById(team));
        Period month30 = Period.parse(end.minusDays(29).toString(), end.toString(), t.zone());
        Period days90 = Period.parse(end.minusDays(89).toString(), end.toString(), t.zone());
        ReportService.Scope one = new ReportService.Scope(organizer, false, "x");
        ReportService.Scope whole = new ReportService.Scope(null, false, null);
        TimeReports time = Arc.container().instance(TimeReports.class).get();
        // one organizer's people and places are one statement, the team's two (TimeReports)
        for (String statement : List.of("time-figures", "time-people", "time-headcount", "time-units")) {
            explain(statement + ", one organizer, 30 days", t, p -> time.query(p, statement, t, month30, one, null));
        }
        for (String statement : List.of("time-figures", "time-persons", "time-places", "time-headcount", "time-units")) {
            explain(statement + ", the team, 90 days", t, p -> time.query(p, statement, t, days90, whole, null));
        }
        Period q = Period.parse(end.minusDays(89).toString(), end.toString(), t.zone());
        ReportService.Scope all = new ReportService.Scope(null, false, null);
        MovementReports movement = Arc.container().instance(MovementReports.class).get();
        explain("movement transitions, the team, 90 days", t, p -> movement.transitionsQuery(p, t, q, all));
        explain("movement timeliness, the team, 90 days", t, p -> movement.timelinessQuery(p, t, q, all));
        explain("movement counts, the team, 90 days", t, p -> movement.countsQuery(p, t, all, q.end(), end,
                Instant.now().minusSeconds(21 * 86400L)));

        log.writeTo("report-benchmark.txt");
    }

    private void time(Api admin, String name, String query) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < WARM_UPS + RUNS; i++) {
            RequestSpecification api = admin.api();
            long t0 = System.nanoTime();
            api.get(query == null ? "/api/v1/me" : "/api/v1/reports/" + query).then().statusCode(200);
            if (i >= WARM_UPS) {
                micros.add((System.nanoTime() - t0) / 1000);
            }
        }
        Collections.sort(micros);
        print(String.format("%-45s median %7.1f ms   min %7.1f ms   max %7.1f ms   (HTTP, %d runs)", name,
                micros.get(micros.size() / 2) / 1000.0, micros.get(0) / 1000.0, micros.get(micros.size() - 1) / 1000.0,
                RUNS));
        if (query != null) {
            String body = admin.api().get("/api/v1/reports/" + query).then().extract().path("summary");
            print("    summary: " + body);
        }
    }

    private void timePage(Api admin, String name, String path) {
        List<Long> micros = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < WARM_UPS + RUNS; i++) {
            RequestSpecification page = io.restassured.RestAssured.given().auth().oauth2(admin.token()).accept("text/html");
            long t0 = System.nanoTime();
            bytes = page.get(path).then().statusCode(200).extract().asByteArray().length;
            if (i >= WARM_UPS) {
                micros.add((System.nanoTime() - t0) / 1000);
            }
        }
        Collections.sort(micros);
        print(String.format("%-45s median %7.1f ms   min %7.1f ms   max %7.1f ms   (HTTP, %d runs, %,d bytes)", name,
                micros.get(micros.size() / 2) / 1000.0, micros.get(0) / 1000.0, micros.get(micros.size() - 1) / 1000.0,
                RUNS, bytes));
    }

    private void explain(String name, Team team, Function<String, List<ReportSql.Row>> query) {
        List<ReportSql.Row> plan = AllTeams.call(() -> {
            return query.apply("explain (analyze, buffers) ");
        });
        print("\n--- EXPLAIN (ANALYZE, BUFFERS): " + name + " ---");
        plan.forEach(line -> print(String.valueOf(line.get("QUERY PLAN"))));
    }

    private String counts(UUID team) {
        return AllTeams.call(() -> {
            var em = Arc.container().instance(jakarta.persistence.EntityManager.class).get();
            Object[] r = (Object[]) em.createNativeQuery("""
                            select (select count(*) from contact where team_id = ?1),
                                   (select count(*) from level_change where team_id = ?1),
                                   (select count(*) from conversation where team_id = ?1),
                                   (select count(*) from action where team_id = ?1),
                                   (select count(*) from attendance where team_id = ?1),
                                   (select count(*) from follow_up where team_id = ?1),
                                   (select sum(duration_minutes) from conversation where team_id = ?1),
                                   pg_size_pretty(pg_total_relation_size('conversation')), version()""")
                    .setParameter(1, team).getSingleResult();
            return String.format("contacts %s, level changes %s, conversations %s, actions %s, attendances %s, "
                            + "follow-ups %s, conversation minutes %s; conversation table with indexes %s%n%s",
                    r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
        });
    }

    private UUID firstWork(UUID team) {
        return AllTeams.call(() -> (UUID) Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("select id from work where team_id = ?1 order by name limit 1")
                .setParameter(1, team).getSingleResult());
    }

    /** The admin's token, as TestTeam holds it. */
    record Api(String token) {
        RequestSpecification api() {
            return io.restassured.RestAssured.given().auth().oauth2(token)
                    .accept(io.restassured.http.ContentType.JSON);
        }
    }

    /** [team id, admin email] of a benchmark team already in the database, or null. */
    private String[] existingTeam(long seed) {
        return AllTeams.call(() -> {
            List<?> rows = Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                    .createNativeQuery("""
                            select cast(o.team_id as text), a.email from organizer o
                            join organizer a on a.team_id = o.team_id and a.role = 'admin'
                            where o.id = ?1""")
                    .setParameter(1, BenchmarkData.organizer(seed, 1)).getResultList();
            return rows.isEmpty() ? null : new String[]{(String) ((Object[]) rows.get(0))[0],
                    (String) ((Object[]) rows.get(0))[1]};
        });
    }

    private void print(String line) {
        log.print(line);
    }
}
