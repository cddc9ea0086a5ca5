package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.groundwork.followup.ContactRows;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, friction 7: Today answers the draft's tests at a glance, one line each for the last
 * seven days, each a link to the report it comes from. A UTC team's week worked out by hand.
 */
@QuarkusTest
class TodayGlanceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String PERIOD = "from=" + TODAY.minusDays(6) + "&to=" + TODAY;

    static String at(int daysAgo, String time) {
        return TODAY.minusDays(daysAgo) + "T" + time + "Z";
    }

    @Test
    void fourLinesWithTheWeeksFiguresEachLinkedToItsReport() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String ana = contact(team, "Ana", "new");
        String ben = contact(team, "Ben", "less-involved");
        String cora = contact(team, "Cora", "cadre");
        String dan = contact(team, "Dan", "new");
        String fay = contact(team, "Fay", "new");

        // minutes this week: Ana 30, Ben 20, Cora 50 in conversations; a 60-minute picket 3 days
        // ago shared by first-timers Ana and Dan (30 each): 160 in all, 110 with new and
        // less-involved people (69%). Cora's 40 minutes 8 days ago and Fay's action 10 days ago
        // are before the week; the member's 45 minutes with Ben are not the admin's.
        action(team, at(3, "10:00:00"), 60, Map.of(ana, true, dan, true));
        action(team, at(10, "10:00:00"), 90, Map.of(fay, true));
        conversation(team.api(), ana, at(2, "09:00:00"), 30);
        conversation(team.api(), ben, at(1, "10:00:00"), 20);
        conversation(team.api(), cora, at(1, "11:00:00"), 50);
        conversation(team.api(), cora, at(8, "10:00:00"), 40);
        conversation(member.api(), ben, at(1, "12:00:00"), 45);

        // first-timers of the week's actions: Ana talked to within the heat window (2 days), Dan not
        // moved up this week: Ben, and Dan twice (one person); Cora moved down; Olga moved 20 days ago
        Instant now = Instant.now();
        level(team, ben, "cadre", now.minus(Duration.ofMinutes(3)));
        level(team, dan, "less-involved", now.minus(Duration.ofMinutes(2)));
        level(team, dan, "cadre", now.minus(Duration.ofMinutes(1)));
        level(team, cora, "new", now.minus(Duration.ofMinutes(1)));
        String olga = ContactRows.in(team).name("Olga").createdDaysAgo(60).insert();
        level(team, olga, "cadre", Instant.parse(at(20, "10:00:00")));

        // cooling now: Olga and two more nobody talked to for 60 days; not the one who must not be
        // contacted, not the member's
        ContactRows.in(team).createdDaysAgo(60).insert();
        ContactRows.in(team).createdDaysAgo(60).insert();
        ContactRows.in(team).createdDaysAgo(60).doNotContact().insert();
        ContactRows.in(team).owner(member.id()).createdDaysAgo(60).insert();

        Session s = Session.logIn(team);
        String today = s.request().get("/").then().statusCode(200).extract().asString();
        String time = "/reports/time?" + PERIOD;
        String movement = "/reports/movement?" + PERIOD;
        assertLine(today, "week-time", time, "69% of your time with new and less-involved people (110 of 160 min)");
        assertLine(today, "week-heat", movement, "1 of 2 first-timers followed up within the heat window");
        assertLine(today, "week-up", movement, "2 people moved up a level");
        assertLine(today, "week-cooling", movement, "3 people cooling now");
        assertTrue(today.indexOf("id=\"week-lines\"") < today.indexOf("id=\"heat-list\""), "the lines come above the queue");

        // each link opens its report on the same period, which shows the same figures
        JsonPath t = team.api().get("/api/v1/reports/time?" + PERIOD).then().statusCode(200).extract().jsonPath();
        assertEquals(160.0, t.getDouble("totalMinutes"), 0.001);
        assertEquals(110.0, t.getDouble("byLevel.new") + t.getDouble("byLevel.less-involved"), 0.001);
        JsonPath m = team.api().get("/api/v1/reports/movement?" + PERIOD).then().statusCode(200).extract().jsonPath();
        assertEquals(2, m.getInt("timeliness.firstTimers"));
        assertEquals(1, m.getInt("timeliness.followedUpInTime"));
        assertEquals(3, m.getInt("cooling"));
        String timePage = s.request().get(time).then().statusCode(200).extract().asString();
        assertTrue(timePage.contains("From " + ReportPagesBrowserTest.day(TODAY.minusDays(6)) + " to "
                + ReportPagesBrowserTest.day(TODAY) + ": 160 minutes in all"), timePage);
        s.request().get(movement).then().statusCode(200);

        // the member's own week: no minutes of theirs recorded with anyone but Ben (less-involved
        // then, cadre now: the level at the time counts), one person of theirs cooling
        Session ms = Session.logIn(member.email());
        String theirs = ms.request().get("/").then().statusCode(200).extract().asString();
        assertLine(theirs, "week-time", time, "100% of your time with new and less-involved people (45 of 45 min)");
        assertLine(theirs, "week-heat", movement, "No first-timers at an action");
        assertLine(theirs, "week-up", movement, "0 people moved up a level");
        assertLine(theirs, "week-cooling", movement, "1 person cooling now");
    }

    /** One first-timer: "0 of 1 first-timer", not "first-timers" (a walk). */
    @Test
    void oneFirstTimerIsSaidInTheSingular() {
        TestTeam team = TestTeam.create();
        String fresh = contact(team, "Frida Single", "new");
        action(team, Instant.now().minus(java.time.Duration.ofHours(1)).toString(), 60, Map.of(fresh, true));
        Session s = Session.logIn(team);
        String today = s.request().get("/").then().statusCode(200).extract().asString();
        // and her window is open still: not yet a miss (a walk read "0 of 1" as one)
        assertLine(today, "week-heat", "/reports/movement?" + PERIOD,
                "0 of 1 first-timer followed up within the heat window (1 not yet, with time left)");
        String movement = s.open("/reports/movement?" + PERIOD);
        assertTrue(movement.contains("Not talked with yet, the window still open"), movement);
        assertTrue(movement.contains("(1 not yet, with time left in the window)"), movement);
    }

    @Test
    void aNewTeamsWeekSaysThereIsNothingYet() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        // the empty list says what to do first; a search that finds no one says that (a walk: "No contacts match"
        // for a team with no one)
        String list = s.request().get("/contacts").then().statusCode(200).extract().asString();
        assertTrue(list.contains("No contacts yet: add the first person you talked with") && !list.contains("No contacts match"), list);
        assertTrue(s.request().get("/contacts?q=nobody").then().statusCode(200).extract().asString()
                .contains("No contacts match."));
        String today = s.request().get("/").then().statusCode(200).extract().asString();
        assertLine(today, "week-time", "/reports/time?" + PERIOD, "No time with anyone recorded");
        assertLine(today, "week-heat", "/reports/movement?" + PERIOD, "No first-timers at an action");
        assertLine(today, "week-up", "/reports/movement?" + PERIOD, "0 people moved up a level");
        assertLine(today, "week-cooling", "/reports/movement?" + PERIOD, "0 people cooling now");
    }

    /**
     * A first-timer's follow-up stays under "Close to the heat" when its window has passed; the
     * page said "Nothing overdue" beside it while the movement report counted it overdue.
     */
    @Test
    void aFirstTimerPastTheHeatWindowIsMarkedOverdue() {
        TestTeam team = TestTeam.create();
        String late = contact(team, "Lena Late", "new");
        String fresh = contact(team, "Frida Fresh", "new");
        // the heat window is two days: an action five days ago is past it, one today is not
        action(team, Instant.now().minus(java.time.Duration.ofDays(5)).toString(), 60, Map.of(late, true));
        action(team, Instant.now().toString(), 60, Map.of(fresh, true));
        Session s = Session.logIn(team);
        String today = s.request().get("/").then().statusCode(200).extract().asString();
        String heat = today.substring(today.indexOf("id=\"heat-list\""), today.indexOf("id=\"overdue\""));
        String lena = heat.substring(heat.indexOf("Lena Late"), heat.indexOf("</li>", heat.indexOf("Lena Late")));
        String frida = heat.substring(heat.indexOf("Frida Fresh"), heat.indexOf("</li>", heat.indexOf("Frida Fresh")));
        assertTrue(lena.contains("<strong class=\"late\">overdue</strong>"), lena);
        assertTrue(!frida.contains("class=\"late\""), frida);
        assertTrue(today.contains("Nothing else overdue: 1 after an action, above, is past the heat window."), today);
        // in Spanish too
        s.open("/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        String hoy = s.request().get("/").then().statusCode(200).extract().asString();
        assertTrue(hoy.contains("<strong class=\"late\">atrasado</strong>")
                && hoy.contains("Nada más atrasado: 1 después de una acción, arriba, ya pasó la ventana de calor."), hoy);
    }

    private static void assertLine(String html, String id, String href, String text) {
        Matcher m = Pattern.compile("<li id=\"" + id + "\"><a href=\"([^\"]*)\">([^<]*)</a></li>").matcher(html);
        assertTrue(m.find(), id + " is on the page");
        assertEquals(href, m.group(1).replace("&amp;", "&"), id + " links to its report");
        assertEquals(text, m.group(2), id);
    }

    private static String contact(TestTeam team, String name, String level) {
        return team.api().body(Map.of("fullName", name, "engagementLevel", level))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static void conversation(io.restassured.specification.RequestSpecification as, String contact, String at,
                                     int minutes) {
        as.body(Map.of("contactId", contact, "occurredAt", at, "durationMinutes", minutes, "channel", "in-person"))
                .post("/api/v1/conversations").then().statusCode(201);
    }

    private static void level(TestTeam team, String contact, String level, Instant at) {
        team.api().body(Map.of("level", level, "changedAt", at.toString(), "reason", "a test"))
                .post("/api/v1/contacts/" + contact + "/level").then().statusCode(201);
    }

    private static void action(TestTeam team, String at, int minutes, Map<String, Boolean> attendees) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Picket " + TestTeam.unique());
        body.put("startsAt", at);
        body.put("durationMinutes", minutes);
        String id = team.api().body(body).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> items = new ArrayList<>();
        attendees.forEach((c, first) -> items.add(Map.of("contactId", c, "firstTime", first)));
        team.api().body(items).put("/api/v1/actions/" + id + "/attendance").then().statusCode(200);
    }
}
