package org.groundwork.archive;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.HeldLocks;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A restore that outlasts groundwork.restore.timeout is told so (413, as an archive over its size
 * limit), and keeps nothing: it was a 500 ("Restoring a team failed in the database") when the
 * transaction manager ended it. The limit is 3 s here; the restore is made to outlast it by a
 * transaction of the test's own that holds the archive's team id (an uncommitted row) until the
 * restore has answered: its first insert waits on that row until the limit ends the restore's
 * transaction and cancels the insert.
 */
@QuarkusTest
@TestProfile(RestoreTimeoutTest.ShortLimit.class)
class RestoreTimeoutTest {

    public static class ShortLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("groundwork.restore.timeout", "3S");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aRestorePastItsTimeLimitIsA413AndWritesNothing() throws Exception {
        TestTeam team = TestTeam.create();
        LinkedHashMap<String, String> copy = Archives.copy(Archives.open(Archives.download(team.token)));
        String teamLine = copy.get("team.jsonl").strip();
        String teamId = teamLine.substring(7, 43);
        String email = copy.get("organizer.jsonl").split("\"email\":\"")[1].split("\"")[0];
        byte[] zip = Archives.zip(copy);

        Response answer;
        try (Connection holder = AllTeams.connection(dataSource)) {
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement(
                    "insert into team select * from json_populate_record(null::team, cast(? as json))")) {
                hold.setString(1, teamLine);
                hold.executeUpdate();
            }
            CompletableFuture<Response> restore = CompletableFuture.supplyAsync(
                    () -> Archives.restore(TestTeam.instanceToken(), zip));
            HeldLocks.waitUntilBlocked(dataSource, holder, restore);
            // the row stays held until the restore has answered: only the time limit can end its wait
            answer = restore.get(60, TimeUnit.SECONDS);
            holder.rollback();
        }
        answer.then().statusCode(413).contentType("application/problem+json");
        String detail = answer.path("detail");
        assertEquals("The archive takes longer to restore than this instance allows (3s, groundwork.restore.timeout); "
                + "nothing was restored", detail);

        assertEquals(List.of(), AllTeams.rows(dataSource, "select name from team where id = ?1", teamId));
        assertEquals(List.of("0"), AllTeams.rows(dataSource,
                "select count(*) from organizer where team_id = ?1", teamId));
        assertEquals(List.of("0"), AllTeams.rows(dataSource,
                "select count(*) from organizer where lower(email) = lower('" + email.replace("'", "''") + "')"));
        given().auth().oauth2(team.token).get("/api/v1/me").then().statusCode(200);
    }
}
