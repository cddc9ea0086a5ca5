package org.groundwork.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.groundwork.followup.ContactRows;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time report's people, and the movement report's counts, run on a second connection while the
 * others run on the transaction's (SecondConnection), and in turn on the transaction's when no thread
 * for it is free: the same answer either way, and only the report's team's rows on the second connection.
 */
@QuarkusTest
class SecondConnectionTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @Inject
    SecondConnection secondConnection;

    @Test
    void thePeopleAreTheSameAsideAndInTurnAndOnlyTheTeams() throws InterruptedException {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String ana = s.contact("Ana", "new", "base");
        String bea = s.contact("Bea", "cadre", "staff");
        s.conversation(ana, "2026-03-11T10:00:00Z", 45, null);
        s.conversation(bea, "2026-03-12T10:00:00Z", 20, null);
        s.action("2026-03-13T10:00:00Z", 30, null, List.of(team.adminId), TimeReportTest.attendees(bea, false));
        // another team's organizer who spent far more time: never in this team's list or count
        TestTeam other = TestTeam.create();
        Scenario o = new Scenario(other);
        o.conversation(o.contact("Zed", "cadre", "base"), "2026-03-11T10:00:00Z", 500, null);

        long asideBefore = secondConnection.asideSoFar();
        String aside = team.api().get("/api/v1/reports/time?" + MARCH + "&organizer=all")
                .then().statusCode(200).extract().asString();
        assertTrue(secondConnection.asideSoFar() > asideBefore, "the people ran on a second connection");
        // the people and their minutes come only from the second connection's statement; a
        // connection lent without the team's scope would see no rows at all (row-level security)
        JsonPath r = new JsonPath(aside);
        assertEquals(List.of(bea, ana), r.getList("people.contactId"));
        TimeReportTest.minutes(r, "people[0].minutes", 50);
        TimeReportTest.minutes(r, "people[1].minutes", 45);
        assertEquals(2, r.getInt("peopleCount"));
        TimeReportTest.minutes(r, "totalMinutes", 95);

        CountDownLatch open = new CountDownLatch(1);
        secondConnection.occupyUntil(open);
        try {
            long inTurnBefore = secondConnection.inTurnSoFar();
            String inTurn = team.api().get("/api/v1/reports/time?" + MARCH + "&organizer=all")
                    .then().statusCode(200).extract().asString();
            assertTrue(secondConnection.inTurnSoFar() > inTurnBefore, "every thread was busy: the people ran in turn");
            assertEquals(aside, inTurn);
        } finally {
            open.countDown();
        }
        // and the other team's report, aside too, lists its own people only
        assertEquals(List.of("Zed"), Scenario.report(other.api(), "time", MARCH + "&organizer=all")
                .getList("people.fullName"));
    }

    @Test
    void theMovementCountsAreTheSameAsideAndInTurnAndOnlyTheTeams() throws InterruptedException {
        TestTeam team = TestTeam.create();
        // two people nobody talked to for 60 days, one of them owed a follow-up (so not cooling)
        ContactRows.in(team).createdDaysAgo(60).insert();
        String owed = ContactRows.in(team).createdDaysAgo(60).insert();
        MovementReportTest.followUp(team, owed, MovementReportTest.TODAY.minusDays(1));
        // another team's cooling people and overdue follow-up: never counted here
        TestTeam other = TestTeam.create();
        for (int i = 0; i < 3; i++) {
            MovementReportTest.followUp(other, ContactRows.in(other).createdDaysAgo(60).insert(),
                    MovementReportTest.TODAY.minusDays(2));
        }
        ContactRows.in(other).createdDaysAgo(90).insert();
        String period = "from=" + MovementReportTest.TODAY.minusDays(29) + "&to=" + MovementReportTest.TODAY
                + "&organizer=all";

        long asideBefore = secondConnection.asideSoFar();
        String aside = team.api().get("/api/v1/reports/movement?" + period).then().statusCode(200).extract().asString();
        assertTrue(secondConnection.asideSoFar() > asideBefore, "the counts ran on a second connection");
        // the counts come only from the second connection's statement: a connection lent without the
        // team's scope would count nothing (row-level security), another team's would count theirs
        JsonPath r = new JsonPath(aside);
        assertEquals(1, r.getInt("cooling"));
        assertEquals(1, r.getInt("followUps.open"));
        assertEquals(1, r.getInt("followUps.overdue"));

        CountDownLatch open = new CountDownLatch(1);
        secondConnection.occupyUntil(open);
        try {
            long inTurnBefore = secondConnection.inTurnSoFar();
            String inTurn = team.api().get("/api/v1/reports/movement?" + period).then().statusCode(200).extract().asString();
            assertTrue(secondConnection.inTurnSoFar() > inTurnBefore, "every thread was busy: the counts ran in turn");
            assertEquals(aside, inTurn);
        } finally {
            open.countDown();
        }
        // one organizer's counts take a few milliseconds: they stay on the transaction's connection
        long asideBeforeOne = secondConnection.asideSoFar();
        JsonPath mine = Scenario.report(team.api(), "movement", period.replace("&organizer=all", ""));
        assertEquals(asideBeforeOne, secondConnection.asideSoFar(), "one organizer's counts ran in turn");
        assertEquals(1, mine.getInt("cooling"));
        JsonPath theirs = Scenario.report(other.api(), "movement", period);
        assertEquals(1, theirs.getInt("cooling"));
        assertEquals(3, theirs.getInt("followUps.overdue"));
    }
}
