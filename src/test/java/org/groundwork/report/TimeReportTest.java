package org.groundwork.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The time report, on scenarios whose numbers are worked out by hand in the comments. */
@QuarkusTest
class TimeReportTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    static void minutes(JsonPath r, String path, double expected) {
        assertEquals(expected, r.getDouble(path), 0.001, path);
    }

    static Map<String, Boolean> attendees(Object... pairs) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void actionMinutesSplitOverAttendeesForEachOrganizerPresent() {
        TestTeam team = TestTeam.create();
        var member = team.member("coordinator");
        Scenario s = new Scenario(team);
        String ana = s.contact("Ana", "new", "base");
        String bea = s.contact("Bea", "cadre", "staff");
        String dan = s.contact("Dan", "cadre", "officer");
        String outreach = s.work("Door knocking", "bring-in-new", "New tenants sign up at the door");
        String committee = s.work("Committee", "work-with-cadre", "The committee runs the union");
        // 90 minutes, two organizers: each spends 90 minutes split over 3 attendees = 30 with each
        s.action("2026-03-10T10:00:00Z", 90, committee, List.of(team.adminId, member.id()),
                attendees(ana, false, bea, false, dan, false));
        s.conversation(ana, "2026-03-11T10:00:00Z", 45, outreach);
        // nobody recorded: the admin's 60 minutes land in "unrecorded"
        s.action("2026-03-12T10:00:00Z", 60, null, List.of(team.adminId), Map.of());
        s.conversation(member::api, bea, "2026-03-13T10:00:00Z", 20, null);
        // outside the period
        s.conversation(ana, "2026-04-01T10:00:00Z", 500, outreach);

        // admin: 90 (action) + 45 (Ana) + 60 (no one) = 195
        JsonPath r = Scenario.report(team.api(), "time", MARCH);
        assertEquals("2026-03-01", r.getString("from"));
        assertEquals(team.adminId, r.getString("organizer"));
        minutes(r, "totalMinutes", 195);
        minutes(r, "byLevel.new", 75);
        minutes(r, "byLevel.cadre", 60);
        minutes(r, "byLevel.'less-involved'", 0);
        minutes(r, "byLevel.unrecorded", 60);
        minutes(r, "byPosition.base", 75);
        minutes(r, "byPosition.staff", 30);
        minutes(r, "byPosition.officer", 30);
        minutes(r, "byPosition.ally", 0);
        minutes(r, "byPosition.'political-group'", 0);
        minutes(r, "byPosition.unrecorded", 60);
        minutes(r, "byKind.'one-to-one'", 45);
        minutes(r, "byKind.group", 150);
        minutes(r, "firstTimerMinutes", 0);
        assertEquals(List.of(ana, bea, dan), r.getList("people.contactId"));
        assertEquals(List.of("Ana", "Bea", "Dan"), r.getList("people.fullName"));
        minutes(r, "people[0].minutes", 75);
        minutes(r, "people[1].minutes", 30);
        assertEquals(3, r.getInt("peopleCount"));
        // works: most minutes first, time with no work last
        assertEquals(java.util.Arrays.asList(committee, outreach, null), r.getList("works.workId"));
        minutes(r, "works[0].totalMinutes", 90);
        minutes(r, "works[0].byLevel.cadre", 60);
        minutes(r, "works[0].byLevel.new", 30);
        minutes(r, "works[0].byPosition.staff", 30);
        assertEquals("cadre", r.getString("works[0].dominantLevel"));
        assertEquals(true, r.getBoolean("works[0].matchesFocus"));
        assertEquals("work-with-cadre", r.getString("works[0].focus"));
        assertEquals("building", r.getString("works[0].mode"));
        assertEquals("The committee runs the union", r.getString("works[0].justification"));
        assertEquals("new", r.getString("works[1].dominantLevel"));
        assertEquals(true, r.getBoolean("works[1].matchesFocus"));
        minutes(r, "works[2].totalMinutes", 60);
        minutes(r, "works[2].byLevel.unrecorded", 60);
        assertNull(r.get("works[2].dominantLevel"));
        assertNull(r.get("works[2].matchesFocus"));
        // March 2026 touches six Monday-weeks, from Feb 23; all minutes fell in the week of March 9
        assertEquals(List.of("2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"),
                r.getList("weeks.weekStart"));
        minutes(r, "weeks[2].byLevel.new", 75);
        minutes(r, "weeks[2].byLevel.cadre", 60);
        minutes(r, "weeks[2].byLevel.unrecorded", 60);
        minutes(r, "weeks[3].byLevel.new", 0);
        // 75/195 = 38%, staff and officers 60/195 = 31%
        assertEquals("In these 31 days your work put you mostly with new people (38%), "
                + "and with staff and officers for 31% of the time.", r.getString("summary"));

        // the coordinator: 90 at the action (30 each) + 20 with Bea = 110
        JsonPath m = Scenario.report(member.api(), "time", MARCH);
        minutes(m, "totalMinutes", 110);
        minutes(m, "byLevel.cadre", 80);
        minutes(m, "byLevel.new", 30);
        minutes(m, "byKind.'one-to-one'", 20);

        // the team: both organizers' minutes, the action counted once per organizer present
        JsonPath all = Scenario.report(member.api(), "time", MARCH + "&organizer=all");
        assertEquals("all", all.getString("organizer"));
        minutes(all, "totalMinutes", 305);
        minutes(all, "byLevel.cadre", 140);
        minutes(all, "byKind.group", 240);
        assertEquals(List.of(ana, bea, dan), all.getList("people.contactId"));
        minutes(all, "people[1].minutes", 80);
        // another organizer's report, as a coordinator
        JsonPath admins = Scenario.report(member.api(), "time", MARCH + "&organizer=" + team.adminId);
        minutes(admins, "totalMinutes", 195);
        // their name once: "Admin …'s work put them", not "… put Admin …" (a walk)
        org.junit.jupiter.api.Assertions.assertTrue(admins.getString("summary").matches(
                "In these 31 days Admin \\S+'s work put them mostly with .*"), admins.getString("summary"));

        // one work only: its summary names its focus
        JsonPath w = Scenario.report(team.api(), "time", MARCH + "&work=" + outreach);
        minutes(w, "totalMinutes", 45);
        assertEquals(List.of(outreach), w.getList("works.workId"));
        assertEquals("In these 31 days this work put you mostly with new people (100%); "
                + "its focus is bringing in new people.", w.getString("summary"));
    }

    @Test
    void levelAtTheTimeFollowsTheHistoryIncludingBackDatedChanges() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String eva = s.contact("Eva", "new", "base");
        String work = s.work("Deepen", "bring-in-new", "why");
        s.conversation(eva, "2026-03-10T10:00:00Z", 60, work);
        s.conversation(eva, "2026-03-20T10:00:00Z", 30, work);
        String action = s.action("2026-03-12T10:00:00Z", 40, null, List.of(team.adminId), attendees(eva, false));
        // written after the conversations: a back-dated change inside the period, one after it
        s.level(eva, "cadre", "2026-03-15T00:00:00Z");
        s.level(eva, "less-involved", "2026-04-05T00:00:00Z");
        s.conversation(eva, "2026-03-25T10:00:00Z", 15, work);

        // new before March 15 (60 + 40 at the action), cadre after (30 + 15); April's change does not count
        JsonPath r = Scenario.report(team.api(), "time", MARCH);
        minutes(r, "byLevel.new", 100);
        minutes(r, "byLevel.cadre", 45);
        minutes(r, "byLevel.'less-involved'", 0);
        assertEquals("new", r.getString("works[0].dominantLevel"));
        minutes(r, "weeks[2].byLevel.new", 100);  // week of March 9: 60 talking + 40 at the action
        minutes(r, "weeks[3].byLevel.cadre", 30); // week of March 16

        // the action moves past the change: its minutes are now with cadre
        team.api().body(Map.of("startsAt", "2026-03-18T10:00:00Z")).patch("/api/v1/actions/" + action)
                .then().statusCode(200);
        r = Scenario.report(team.api(), "time", MARCH);
        minutes(r, "byLevel.new", 60);
        minutes(r, "byLevel.cadre", 85);
        // the whole work: 60 new against 45 cadre, as its focus wants
        assertEquals(true, r.getBoolean("works[0].matchesFocus"));

        // in April Eva counts as less-involved
        JsonPath april = Scenario.report(team.api(), "time", "from=2026-04-01&to=2026-04-30");
        minutes(april, "totalMinutes", 0);
        s.conversation(eva, "2026-04-10T10:00:00Z", 25, work);
        april = Scenario.report(team.api(), "time", "from=2026-04-01&to=2026-04-30&work=" + work);
        minutes(april, "byLevel.'less-involved'", 25);
        assertEquals(false, april.getBoolean("works[0].matchesFocus"));
        assertEquals("In these 30 days this work put you mostly with less-involved people (100%); "
                + "its focus is bringing in new people, not where most of its time went.", april.getString("summary"));
    }

    @Test
    void datesAreInclusiveInTheTeamsTimeZone() {
        TestTeam team = TestTeam.create("Europe/Berlin"); // UTC+1 in March before the 29th
        Scenario s = new Scenario(team);
        String c = s.contact("Ida", "new", "base");
        s.conversation(c, "2026-03-09T22:59:00Z", 1, null);  // March 9, 23:59 in Berlin: before
        s.conversation(c, "2026-03-09T23:00:00Z", 2, null);  // March 10, 00:00: in, week of March 9
        s.conversation(c, "2026-03-15T22:59:00Z", 4, null);  // Sunday March 15, 23:59: week of March 9
        s.conversation(c, "2026-03-15T23:30:00Z", 8, null);  // Monday March 16, 00:30: week of March 16
        s.conversation(c, "2026-03-16T23:00:00Z", 16, null); // March 17: after
        JsonPath r = Scenario.report(team.api(), "time", "from=2026-03-10&to=2026-03-16");
        minutes(r, "totalMinutes", 14);
        assertEquals(List.of("2026-03-09", "2026-03-16"), r.getList("weeks.weekStart"));
        minutes(r, "weeks[0].byLevel.new", 6);
        minutes(r, "weeks[1].byLevel.new", 8);
        JsonPath day = Scenario.report(team.api(), "time", "from=2026-03-10&to=2026-03-10");
        minutes(day, "totalMinutes", 2);
        assertEquals("On 2026-03-10 your work put you mostly with new people (100%).", day.getString("summary"));
    }

    /**
     * The walk: a work's total was the sum of its levels' rounded minutes, 99.99 beside the report's total of
     * 100.0 for 100 minutes shared by three. Summed as the database gives them, rounded once.
     */
    @Test
    void aWorksTotalIsRoundedOnceAsTheReportsTotalIs() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String ana = s.contact("Ana", "new", "base");
        String lee = s.contact("Lee", "less-involved", "base");
        String bea = s.contact("Bea", "cadre", "staff");
        String strike = s.work("Rent strike support", "bring-in-new", "Tenants join the strike");
        s.action("2026-03-10T10:00:00Z", 100, strike, List.of(team.adminId), attendees(ana, false, lee, false, bea, false));
        s.action("2026-03-11T10:00:00Z", 100, null, List.of(team.adminId), attendees(ana, false, lee, false, bea, false));

        JsonPath r = Scenario.report(team.api(), "time", MARCH);
        minutes(r, "totalMinutes", 200);
        assertEquals(java.util.Arrays.asList(strike, null), r.getList("works.workId"));
        minutes(r, "works[0].byLevel.new", 33.33);
        minutes(r, "works[0].totalMinutes", 100);
        minutes(r, "works[1].totalMinutes", 100);
        minutes(r, "works[0].byPosition.base", 66.67);
        // a week's total likewise, in the API (its levels' rounded figures sum to 200.01); the page shows whole
        // minutes, so there the two readings differ only at a half minute
        int week = r.getList("weeks.weekStart").indexOf("2026-03-09");
        minutes(r, "weeks[" + week + "].byLevel.new", 66.67);
        minutes(r, "weeks[" + week + "].totalMinutes", 200);
    }

    @Test
    void aWorkWithNoTimeAnswersZeros() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String idle = s.work("Idle", "deepen-involvement", "Not started");
        s.conversation(s.contact("Jo", "new", "base"), "2026-03-10T10:00:00Z", 30, null);
        JsonPath r = Scenario.report(team.api(), "time", MARCH + "&work=" + idle);
        assertEquals(idle, r.getString("workId"));
        minutes(r, "totalMinutes", 0);
        assertEquals(List.of(), r.getList("people"));
        assertEquals(List.of(idle), r.getList("works.workId"));
        assertEquals("Idle", r.getString("works[0].name"));
        minutes(r, "works[0].totalMinutes", 0);
        assertNull(r.get("works[0].dominantLevel"));
        assertNull(r.get("works[0].matchesFocus"));
        assertEquals("In these 31 days no time is recorded for you on this work.", r.getString("summary"));
    }

    @Test
    void erasedContactsMinutesStillCount() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String gone = s.contact("Kim", "less-involved", "officer");
        String stays = s.contact("Lu", "new", "base");
        s.conversation(gone, "2026-03-10T10:00:00Z", 30, null);
        s.action("2026-03-11T10:00:00Z", 20, null, List.of(team.adminId), attendees(gone, false, stays, false));
        team.api().delete("/api/v1/contacts/" + gone).then().statusCode(204);
        JsonPath r = Scenario.report(team.api(), "time", MARCH);
        minutes(r, "totalMinutes", 50);
        minutes(r, "byLevel.'less-involved'", 40);
        minutes(r, "byPosition.officer", 40);
        assertEquals(gone, r.getString("people[0].contactId"));
        assertNull(r.get("people[0].fullName"));
        assertEquals(true, r.getBoolean("people[0].erased"));
        minutes(r, "people[0].minutes", 40);
        assertEquals("Lu", r.getString("people[1].fullName"));
    }

    @Test
    void firstTimerMinutesRunFromTheFirstActionToTheEndOfTheHeatWindow() {
        TestTeam team = TestTeam.create(); // heat window: 2 days
        Scenario s = new Scenario(team);
        String fresh = s.contact("Max", "new", "base");
        String veteran = s.contact("Ned", "cadre", "base");
        s.conversation(fresh, "2026-03-09T10:00:00Z", 10, null);  // before the first action
        s.action("2026-03-10T18:00:00Z", 60, null, List.of(team.adminId), attendees(fresh, true, veteran, false));
        s.conversation(fresh, "2026-03-12T20:00:00Z", 30, null);  // March 12 is the window's last day
        s.conversation(fresh, "2026-03-13T09:00:00Z", 15, null);  // too late
        s.conversation(veteran, "2026-03-11T09:00:00Z", 5, null); // not a first-timer
        // first-timer minutes: 30 at the action + 30 on March 12
        JsonPath r = Scenario.report(team.api(), "time", MARCH);
        minutes(r, "totalMinutes", 120);
        minutes(r, "firstTimerMinutes", 60);
        // a period that starts after the action still sees the window's tail
        minutes(Scenario.report(team.api(), "time", "from=2026-03-12&to=2026-03-31"), "firstTimerMinutes", 30);
    }

    @Test
    void badPeriodsAnswerProblemsNamingTheParameter() {
        TestTeam team = TestTeam.create();
        for (String path : List.of("time", "movement")) {
            problem(team, path, "to=2026-03-31", 400, "from");
            problem(team, path, "from=2026-03-01", 400, "to");
            problem(team, path, "from=2026-03-01&to=", 400, "to");
            problem(team, path, "from=2026-13-01&to=2026-03-31", 400, "from");
            problem(team, path, "from=yesterday&to=2026-03-31", 400, "from");
            problem(team, path, "from=2026-03-31&to=2026-03-01", 400, "to");
            problem(team, path, "from=2025-01-01&to=2026-01-02", 400, "to"); // 367 days
            team.api().get("/api/v1/reports/" + path + "?from=2024-01-01&to=2024-12-31").then().statusCode(200);
        }
    }

    @Test
    void unknownOrForeignOrganizersAndWorksAreBadFiltersAsInEveryList() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String foreignWork = new Scenario(other).work("Theirs", "bring-in-new", "x");
        for (String path : List.of("time", "movement")) {
            // another team's id is worded as an unknown one, a 400 naming the parameter as the lists' filters are
            problem(team, path, MARCH + "&organizer=" + other.adminId, 400, "organizer");
            problem(team, path, MARCH + "&organizer=" + java.util.UUID.randomUUID(), 400, "organizer");
            // not an id at all is bad input, as in every list's filters: 400 naming the parameter
            problem(team, path, MARCH + "&organizer=not-an-id", 400, "organizer");
        }
        problem(team, "time", MARCH + "&work=" + foreignWork, 400, "work");
        problem(team, "time", MARCH + "&work=" + java.util.UUID.randomUUID(), 400, "work");
        problem(team, "time", MARCH + "&work=nope", 400, "work");
    }

    @Test
    void theTeamAndOtherOrganizersNeedACoordinator() {
        TestTeam team = TestTeam.create();
        var organizer = team.member("organizer");
        var coordinator = team.member("coordinator");
        for (String path : List.of("time", "movement")) {
            organizer.api().get("/api/v1/reports/" + path + "?" + MARCH + "&organizer=all").then().statusCode(403)
                    .contentType("application/problem+json");
            organizer.api().get("/api/v1/reports/" + path + "?" + MARCH + "&organizer=" + coordinator.id())
                    .then().statusCode(403).contentType("application/problem+json");
            organizer.api().get("/api/v1/reports/" + path + "?" + MARCH + "&organizer=" + organizer.id())
                    .then().statusCode(200).body("organizer", is(organizer.id()));
            organizer.api().get("/api/v1/reports/" + path + "?" + MARCH).then().statusCode(200);
            coordinator.api().get("/api/v1/reports/" + path + "?" + MARCH + "&organizer=all").then().statusCode(200);
            coordinator.api().get("/api/v1/reports/" + path + "?" + MARCH + "&organizer=" + organizer.id())
                    .then().statusCode(200);
            team.api().get("/api/v1/reports/" + path + "?" + MARCH + "&organizer=all").then().statusCode(200);
            given().get("/api/v1/reports/" + path + "?" + MARCH).then().statusCode(401);
        }
    }

    static void problem(TestTeam team, String path, String query, int status, String field) {
        var then = team.api().get("/api/v1/reports/" + path + "?" + query).then().statusCode(status)
                .contentType("application/problem+json");
        if (field != null) {
            then.body("errors.field", contains(field));
        }
    }

    /** A walk: 45 minutes with less-involved people and 45 with cadre read "mostly with less-involved people (50%)". */
    @Test
    void asManyMinutesWithTwoLevelsIsNotMostly() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String lee = s.contact("Lee", "less-involved", "base");
        String cat = s.contact("Cat", "cadre", "base");
        s.conversation(lee, "2026-03-10T10:00:00Z", 45, null);
        s.conversation(cat, "2026-03-11T10:00:00Z", 45, null);
        JsonPath r = Scenario.report(team.api(), "time", MARCH);
        assertEquals("In these 31 days your work put you as much with less-involved people as with cadre (50% each).",
                r.getString("summary"));
        // one minute more with cadre: mostly, again
        s.conversation(cat, "2026-03-12T10:00:00Z", 1, null);
        r = Scenario.report(team.api(), "time", MARCH);
        org.junit.jupiter.api.Assertions.assertTrue(r.getString("summary").contains("mostly with cadre"), r.getString("summary"));
    }
}
