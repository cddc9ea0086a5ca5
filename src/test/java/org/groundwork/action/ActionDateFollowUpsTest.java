package org.groundwork.action;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.groundwork.action.ActionsTest.attend;
import static org.groundwork.action.ActionsTest.item;
import static org.groundwork.action.ActionsTest.newAction;
import static org.hamcrest.Matchers.*;

/**
 * An action's date corrected after its check-in, and a conversation's time corrected after it answered a
 * first-timer's follow-up (the walk): the follow-up after the action moves with the action's date unless an
 * organizer changed it, and a correction that would leave it done by a conversation before the action is refused,
 * on either side, as the conversation's save refuses it.
 */
@QuarkusTest
class ActionDateFollowUpsTest {

    private static final String PROBLEM = "application/problem+json";

    /** A first-timer checked in at a new action of {@code daysAgo}; answers the action's id and the follow-up's. */
    private static String[] firstTimerAt(TestTeam team, int daysAgo, String name) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(daysAgo, ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
        String action = newAction(team, "Rally", start.toString());
        String contact = attend(team, action, List.of(item("newContact", Map.of("fullName", name))))
                .getString("attendance[0].contactId");
        String followUp = team.api().queryParam("contact", contact).get("/api/v1/followups").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].reason", is("after-action"))
                .body("items[0].dueOn", is(start.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2).toString()))
                .extract().path("items[0].id");
        return new String[]{action, contact, followUp};
    }

    @Test
    void theFollowUpMovesWithItsActionsDateUnlessAnOrganizerChangedIt() {
        TestTeam team = TestTeam.create("UTC"); // the heat window: two days (the team's default)
        String[] kept = firstTimerAt(team, 5, "Dev Lopez");
        String[] byHand = firstTimerAt(team, 5, "Rosa Vega");
        // Rosa's follow-up rescheduled by hand: the organizer's date stays
        String mine = LocalDate.now(ZoneOffset.UTC).plusDays(9).toString();
        team.api().body(Map.of("dueOn", mine)).patch("/api/v1/followups/" + byHand[2]).then().statusCode(200);

        String before = team.api().get("/api/v1/followups/" + kept[2]).then().extract().header("ETag");
        Instant later = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plus(15, ChronoUnit.HOURS);
        String laterDue = LocalDate.now(ZoneOffset.UTC).minusDays(1).plusDays(2).toString();
        for (String[] one : List.of(kept, byHand)) {
            team.api().body(Map.of("startsAt", later.toString())).patch("/api/v1/actions/" + one[0]).then().statusCode(200);
        }
        String etag = team.api().get("/api/v1/followups/" + kept[2]).then().statusCode(200)
                .body("dueOn", is(laterDue)).body("status", is("open")).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(before, etag, "the move is a change: its version moves");
        team.api().get("/api/v1/followups/" + byHand[2]).then().statusCode(200).body("dueOn", is(mine));
        // a save of the same date moves nothing more
        team.api().body(Map.of("startsAt", later.toString())).patch("/api/v1/actions/" + kept[0]).then().statusCode(200);
        team.api().get("/api/v1/followups/" + kept[2]).then().header("ETag", is(etag));

        // still the rule's own follow-up after the move: taken off the list, Dev is no first-timer anywhere, and it goes
        attend(team, kept[0], List.of());
        team.api().get("/api/v1/followups/" + kept[2]).then().statusCode(200).body("status", is("dropped"));
        // Rosa's, changed by hand, stays open when she is taken off
        attend(team, byHand[0], List.of());
        team.api().get("/api/v1/followups/" + byHand[2]).then().statusCode(200).body("status", is("open"));
    }

    /**
     * A first-timer of a march checked in afterwards at a meeting of the night before (recorded late): their first
     * action is the meeting now, as the reports count it, and the follow-up moves there, due by its date; it had stayed
     * due by the march, a day after the reports' heat window closed (a walk). One rescheduled by hand stays.
     */
    @Test
    void aFirstTimerCheckedInAtAnEarlierActionHasTheFollowUpMoveThere() {
        TestTeam team = TestTeam.create("UTC");
        String[] march = firstTimerAt(team, 2, "Keisha Haddad");
        String[] byHand = firstTimerAt(team, 2, "Omar Haddad");
        String mine = LocalDate.now(ZoneOffset.UTC).plusDays(9).toString();
        team.api().body(Map.of("dueOn", mine)).patch("/api/v1/followups/" + byHand[2]).then().statusCode(200);
        Instant nightBefore = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.DAYS).plus(23, ChronoUnit.HOURS);
        String meeting = newAction(team, "Tenant meeting", nightBefore.toString());
        attend(team, meeting, List.of(item("contactId", march[1], "firstTime", true), item("contactId", byHand[1], "firstTime", true)));

        String due = LocalDate.now(ZoneOffset.UTC).minusDays(3).plusDays(2).toString();
        team.api().get("/api/v1/followups/" + march[2]).then().statusCode(200).body("status", is("open"))
                .body("sourceActionId", is(meeting)).body("dueOn", is(due));
        team.api().queryParam("contact", march[1]).get("/api/v1/followups").then().body("items", hasSize(1));
        team.api().get("/api/v1/followups/" + byHand[2]).then().statusCode(200).body("sourceActionId", is(byHand[0]))
                .body("dueOn", is(mine));
        team.api().queryParam("kind", "changed").get("/api/v1/audit").then().statusCode(200)
                .body("items.findAll { it.entityId == '" + march[2] + "' }.fields.flatten()", hasItems("dueOn", "sourceActionId"));

        // taken off the meeting's list again: back to the march, their first action once more
        attend(team, meeting, List.of(item("contactId", byHand[1], "firstTime", true)));
        team.api().get("/api/v1/followups/" + march[2]).then().statusCode(200).body("status", is("open"))
                .body("sourceActionId", is(march[0]));
    }

    @Test
    void aCorrectionThatPutsTheAnswerBeforeTheActionIsRefusedOnBothSides() {
        TestTeam team = TestTeam.create("UTC");
        String[] first = firstTimerAt(team, 3, "Ana Ruiz");
        Instant actionStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
        Instant talked = actionStart.plus(1, ChronoUnit.DAYS);
        String conversation = team.api().body(Map.of("contactId", first[1], "durationMinutes", 20,
                        "occurredAt", talked.toString(), "completeFollowUpIds", List.of(first[2])))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        team.api().get("/api/v1/followups/" + first[2]).then().body("status", is("done"))
                .body("completedByConversationId", is(conversation));

        // the conversation moved before the action: refused on its time, nothing changed
        team.api().body(Map.of("occurredAt", actionStart.minus(1, ChronoUnit.HOURS).toString(), "summary", "changed"))
                .patch("/api/v1/conversations/" + conversation).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("occurredAt"))
                .body("errors[0].message", containsString("a conversation before it does not complete it"));
        team.api().get("/api/v1/conversations/" + conversation).then().statusCode(200)
                .body("occurredAt", is(talked.toString())).body("summary", nullValue());
        // later, or still after the action's start: fine
        team.api().body(Map.of("occurredAt", actionStart.plus(1, ChronoUnit.HOURS).toString()))
                .patch("/api/v1/conversations/" + conversation).then().statusCode(200);

        // the action moved after the conversation: refused on its date, nothing changed
        Instant afterTheTalk = actionStart.plus(2, ChronoUnit.HOURS);
        team.api().body(Map.of("startsAt", afterTheTalk.toString(), "title", "Rally, corrected"))
                .patch("/api/v1/actions/" + first[0]).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("startsAt"))
                .body("errors[0].message", containsString("reopen that follow-up first"));
        team.api().get("/api/v1/actions/" + first[0]).then().statusCode(200)
                .body("startsAt", is(actionStart.toString())).body("title", is("Rally"));
        team.api().get("/api/v1/followups/" + first[2]).then().body("status", is("done"));
        // earlier is fine; and once the follow-up is reopened by hand, the date moves
        team.api().body(Map.of("startsAt", actionStart.minus(1, ChronoUnit.HOURS).toString()))
                .patch("/api/v1/actions/" + first[0]).then().statusCode(200);
        team.api().body(Map.of("status", "open")).patch("/api/v1/followups/" + first[2]).then().statusCode(200);
        team.api().body(Map.of("startsAt", afterTheTalk.toString())).patch("/api/v1/actions/" + first[0])
                .then().statusCode(200);
    }

    /**
     * The review: moved by the days the action's day moved in the team's time zone, not opened again, so a heat window
     * changed since (which moves no open follow-up) is not applied by a correction of half an hour.
     */
    @Test
    void itMovesByTheDaysTheActionsLocalDayMoved() {
        TestTeam team = TestTeam.create("America/Los_Angeles");
        String action = newAction(team, "Rally", "2026-11-20T20:00:00Z"); // Nov 20, 12:00 there
        String contact = attend(team, action, List.of(item("newContact", Map.of("fullName", "Ana Ruiz"))))
                .getString("attendance[0].contactId");
        String followUp = team.api().queryParam("contact", contact).get("/api/v1/followups").then()
                .body("items[0].dueOn", is("2026-11-22")).extract().path("items[0].id");
        team.api().body(Map.of("heatWindowDays", 7)).patch("/api/v1/team").then().statusCode(200);
        // half an hour later, the same day there: nothing moves
        team.api().body(Map.of("startsAt", "2026-11-20T20:30:00Z")).patch("/api/v1/actions/" + action).then().statusCode(200);
        team.api().get("/api/v1/followups/" + followUp).then().body("dueOn", is("2026-11-22"));
        // 07:30 UTC on Nov 22 is still Nov 21 there: one day later
        team.api().body(Map.of("startsAt", "2026-11-22T07:30:00Z")).patch("/api/v1/actions/" + action).then().statusCode(200);
        team.api().get("/api/v1/followups/" + followUp).then().body("dueOn", is("2026-11-23"));
        // and back two days
        team.api().body(Map.of("startsAt", "2026-11-19T18:00:00Z")).patch("/api/v1/actions/" + action).then().statusCode(200);
        team.api().get("/api/v1/followups/" + followUp).then().body("dueOn", is("2026-11-21"));
    }
}
