package org.groundwork.action;

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

import static org.groundwork.action.ActionsTest.attend;
import static org.groundwork.action.ActionsTest.item;
import static org.groundwork.action.ActionsTest.newAction;
import static org.hamcrest.Matchers.*;

/**
 * The review: a correction of an action's date and a correction of the talk that answered its first-timer's
 * follow-up, at the same moment, each read the other's old value and both were saved, leaving the follow-up done
 * by a talk before the action. The action's row is what they take turns on. The action's correction is held open
 * here on the test's own connection, so the order is certain.
 */
@QuarkusTest
class ActionDateRaceTest {

    @Inject
    DataSource dataSource;

    @Test
    void aTalkMovedWhileItsActionIsMovedWaitsAndSeesTheNewDate() throws Exception {
        TestTeam team = TestTeam.create("UTC");
        String action = newAction(team, "Rally", "2026-11-20T12:00:00Z");
        String contact = attend(team, action, List.of(item("newContact", Map.of("fullName", "Dev Lopez"))))
                .getString("attendance[0].contactId");
        String followUp = team.api().queryParam("contact", contact).get("/api/v1/followups").then()
                .extract().path("items[0].id");
        String talk = team.api().body(Map.of("contactId", contact, "durationMinutes", 20, "occurredAt", "2026-11-23T10:00:00Z",
                "completeFollowUpIds", List.of(followUp))).post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        CompletableFuture<Response> moved;
        try (Connection correcting = AllTeams.connection(dataSource)) {
            correcting.setAutoCommit(false);
            // the action's correction, held open: its row held as ActionService.change holds it, its new date written
            HeldLocks.execute(correcting, "select 1 from action where id = ? for no key update", action);
            HeldLocks.execute(correcting, "update action set starts_at = '2026-11-22T12:00:00Z', version = version + 1 where id = ?",
                    action);
            // the talk moved to Nov 21: after the old start, before the new one
            moved = CompletableFuture.supplyAsync(() -> team.api().body(Map.of("occurredAt", "2026-11-21T10:00:00Z"))
                    .patch("/api/v1/conversations/" + talk));
            HeldLocks.waitUntilBlocked(dataSource, correcting, moved);
            correcting.commit();
        }
        moved.get().then().statusCode(400).body("errors[0].field", is("occurredAt"));
        team.api().get("/api/v1/conversations/" + talk).then().body("occurredAt", is("2026-11-23T10:00:00Z"));
    }
}
