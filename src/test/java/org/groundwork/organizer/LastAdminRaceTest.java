package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.HeldLocks;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two admins demoting or disabling each other at the same moment: one goes through, the other is
 * refused, and the team keeps an admin. A review had both answered 200 five times in five (each
 * counted two admins before either wrote), leaving a team nobody could administer. The team's row
 * is held here while both requests arrive, so both count at the same point, as in the race.
 */
@QuarkusTest
class LastAdminRaceTest {

    @Inject
    DataSource dataSource;

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("role", "organizer"), Map.of("active", false))) {
            TestTeam team = TestTeam.create();
            TestTeam.Member second = team.member("admin");
            CompletableFuture<Response> first;
            CompletableFuture<Response> other;
            try (Connection holding = AllTeams.connection(dataSource)) {
                holding.setAutoCommit(false);
                HeldLocks.execute(holding, "select 1 from team where id = ? for no key update", team.teamId);
                first = CompletableFuture.supplyAsync(() -> team.api().body(change).patch("/api/v1/organizers/" + second.id()));
                other = CompletableFuture.supplyAsync(() -> second.api().body(change).patch("/api/v1/organizers/" + team.adminId));
                HeldLocks.waitUntilBlocked(dataSource, holding, first, other);
                holding.commit();
            }
            List<Integer> answers = Stream.of(first, other).map(f -> f.join().statusCode()).sorted().toList();
            assertEquals(List.of(200, 409), answers, change + ": one goes through, the other is refused");
            assertEquals(List.of("1"), AllTeams.rows(dataSource,
                    "select count(*) from organizer where team_id = ?1 and role = 'admin' and active", team.teamId),
                    change + ": the team keeps an admin");
        }
    }
}
