package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's page lists their open follow-ups with whose queue each is in and whether it is overdue: it said
 * neither, so an overdue one in a colleague's queue read as the organizer's own, missing from their Today (a walk).
 */
@QuarkusTest
class OpenFollowUpsOnThePersonsPageTest {

    @Test
    void eachOpenFollowUpSaysWhoseQueueAndWhetherItIsOverdue() {
        TestTeam team = TestTeam.create();
        TestTeam.Member chloe = team.member("organizer");
        String rosa = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Schmidt"));
        team.api().body(Map.of("contactId", rosa, "dueOn", LocalDate.now().minusDays(3).toString(),
                "purpose", "Bring the signed pledge card", "assigneeId", chloe.id())).post("/api/v1/followups")
                .then().statusCode(201);
        team.api().body(Map.of("contactId", rosa, "dueOn", LocalDate.now().plusDays(30).toString(),
                "purpose", "Ask about the meeting")).post("/api/v1/followups").then().statusCode(201);

        Session s = Session.logIn(team);
        String page = s.open("/contacts/" + rosa);
        String mine = "Ask about the meeting <span class=\"muted\">· in your queue</span>";
        assertTrue(page.contains(mine), page);
        assertTrue(page.matches("(?s).*<strong class=\"late\">overdue</strong>: Bring the signed pledge card "
                + "<span class=\"muted\">· in Member [^<]*&#39;s queue</span>.*"), page);
        assertFalse(page.matches("(?s).*overdue</strong>: Ask about the meeting.*"), page);

        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        String es = Session.logIn(team).open("/contacts/" + rosa);
        assertTrue(es.contains("Ask about the meeting <span class=\"muted\">· en tu cola</span>"), es);
        assertTrue(es.contains("<span class=\"muted\">· en la cola de Member "), es);
    }
}
