package org.groundwork.isolation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.platform.TeamScope;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * What row-level security costs a request: the median of a few requests with the policies on,
 * then with them disabled (the pool's set_config round trip stays in both), the round trip
 * itself, and the plan of the contact list as the app's role. An indication, not the benchmark.
 * Not part of the default test run:
 * <pre>./mvnw -B test -Dtest=ScopingCostBenchmark -Dbenchmark=true</pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScopingCostBenchmark {

    static final int CONTACTS = 20_000;
    static final int WARM_UPS = 50;
    static final int RUNS = 300;

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void costOfRowLevelSecurity() throws Exception {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        fill(team, CONTACTS);
        fill(other, CONTACTS);
        String contact = team.api().get("/api/v1/contacts?limit=1").then().statusCode(200)
                .extract().path("items[0].id");

        String[] paths = {"/api/v1/me", "/api/v1/contacts?limit=50", "/api/v1/contacts?limit=50&q=person%201234",
                "/api/v1/contacts/" + contact, "/api/v1/followups/queue"};
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            lines.add(String.format("RLS on   %-45s p50 %.2f ms", path, p50(team, path)));
        }
        policies(false);
        try {
            for (String path : paths) {
                lines.add(String.format("RLS off  %-45s p50 %.2f ms", path, p50(team, path)));
            }
        } finally {
            policies(true);
        }
        lines.add(String.format("set_config round trip alone: p50 %.3f ms", setConfigP50(team)));
        lines.add("EXPLAIN of the contact list as the app's role, team set:");
        lines.addAll(explain(team));
        lines.forEach(System.out::println);
    }

    private void fill(TestTeam team, int n) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource); PreparedStatement ps = c.prepareStatement("""
                insert into contact (id, team_id, full_name, phone, email, owner_id)
                select gen_random_uuid(), ?::uuid, 'Person ' || i, '555-' || i, 'p' || i || '@x.test', ?::uuid
                from generate_series(1, ?) i""")) {
            ps.setString(1, team.teamId);
            ps.setString(2, team.adminId);
            ps.setInt(3, n);
            ps.executeUpdate();
            try (Statement s = c.createStatement()) {
                s.execute("analyze contact");
            }
        }
    }

    private double p50(TestTeam team, String path) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < WARM_UPS + RUNS; i++) {
            long t0 = System.nanoTime();
            given().auth().oauth2(team.token).accept(ContentType.JSON).get(path).then().statusCode(200);
            if (i >= WARM_UPS) {
                nanos.add(System.nanoTime() - t0);
            }
        }
        Collections.sort(nanos);
        return nanos.get(nanos.size() / 2) / 1e6;
    }

    /** As the server's superuser: the app's role cannot switch its own policies off. */
    private void policies(boolean on) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("""
                    do $$ declare r record; begin
                      for r in select distinct polrelid::regclass as t from pg_policy loop
                        execute format('alter table %s %s row level security', r.t, '""" + (on ? "enable" : "disable") + """
                    ');
                      end loop;
                    end $$""");
        }
    }

    private double setConfigP50(TestTeam team) throws SQLException {
        List<Long> nanos = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select set_config('groundwork.team_id', ?, false), set_config('groundwork.scope', '', false)")) {
            ps.setString(1, team.teamId);
            for (int i = 0; i < 2000; i++) {
                long t0 = System.nanoTime();
                ps.execute();
                nanos.add(System.nanoTime() - t0);
            }
        }
        Collections.sort(nanos);
        return nanos.get(nanos.size() / 2) / 1e6;
    }

    private List<String> explain(TestTeam team) throws SQLException {
        return TeamScope.runAs(UUID.fromString(team.teamId), () -> {
            List<String> plan = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    explain (analyze, buffers, costs off)
                    select c.*, o.name as organization_name
                    from contact c
                    left join organization o on o.id = c.organization_id and o.team_id = c.team_id
                    where c.team_id = ?::uuid and c.erased_at is null
                    order by c.id limit 51""")) {
                ps.setString(1, team.teamId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.add("  " + rs.getString(1));
                    }
                }
            }
            return plan;
        });
    }
}
