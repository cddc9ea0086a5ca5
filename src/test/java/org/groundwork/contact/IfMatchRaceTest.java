package org.groundwork.contact;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.HeldLocks;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.is;

/**
 * Two saves of the same version at once, each with that version's If-Match (the walk: five parallel PATCHes
 * answered one 200, three 412s and one 409). The one that loses at its write, after its If-Match was checked,
 * gets the same 412 as the ones that lost at the check. The other save is held open on the test's own connection,
 * so the order is certain.
 */
@QuarkusTest
class IfMatchRaceTest {

    @Inject
    DataSource dataSource;

    @Test
    void aSaveThatLosesAtItsWriteAnswersTheIfMatchsOwn412() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Lucy Parsons");
        String etag = team.api().get("/api/v1/contacts/" + contact).then().statusCode(200).extract().header("ETag");
        CompletableFuture<Response> second;
        try (Connection first = AllTeams.connection(dataSource)) {
            first.setAutoCommit(false);
            // the first save's write, held open: the row locked at its next version
            HeldLocks.execute(first, "update contact set notes = 'first', version = version + 1, updated_at = now() where id = ?",
                    contact);
            second = CompletableFuture.supplyAsync(() -> team.api().header("If-Match", etag)
                    .body(Map.of("notes", "second")).patch("/api/v1/contacts/" + contact));
            HeldLocks.waitUntilBlocked(dataSource, first, second);
            first.commit();
        }
        second.get().then().statusCode(412).contentType("application/problem+json").body("status", is(412));
        team.api().get("/api/v1/contacts/" + contact).then().statusCode(200).body("notes", is("first"));
    }
}
