package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.SqlSeen;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organizations pages, the wall chart's figures on a hand-built organization, ties on the contact page. */
@QuarkusTest
class OrganizationPagesTest {

    /**
     * A chart filter that cannot be read, or names nothing of this organization, is a 400 with its message
     * beside its box (or, for a column's unit, in the board) and what was typed kept, not a chart of everyone.
     */
    @Test
    void aChartFilterThatCannotBeUsedIsRefusedBesideItsBox() {
        TestTeam team = TestTeam.create();
        String org = team.organization("Riverside Depot", "workplace");
        String day = team.unit(org, "Day shift", "shift");
        team.unit(org, "Night shift", "shift");
        contact(team, "Ana Alvarez", "new", org, day);
        String otherOrg = team.organization("Hillside Depot", "workplace");
        String othersUnit = team.unit(otherOrg, "Weekend shift", "shift");
        TestTeam other = TestTeam.create();
        String otherTeamsUnit = other.unit(other.organization("Elsewhere", "workplace"), "Elsewhere shift", "shift");
        Session s = Session.logIn(team);
        String chart = "/organizations/" + org + "/chart";
        for (String quiet : new String[]{"abc", "-5", "99999999999999"}) {
            io.restassured.response.Response page = s.request().get(chart + "?quiet=" + quiet);
            // a whole number too large is said as out of range, as -5 is (the walk: "Enter a whole number")
            PageFormsTest.assertFieldError(page, "quiet", quiet.equals("abc") ? "whole number" : "Use 0 to");
            assertTrue(page.asString().contains("value=\"" + quiet + "\""), "what was typed stays in the box");
            assertFalse(page.asString().contains("Ana Alvarez"), "no chart of everyone");
        }
        for (String unit : new String[]{othersUnit, otherTeamsUnit, java.util.UUID.randomUUID().toString()}) {
            String page = s.request().get(chart + "?unit=" + unit).then().statusCode(400).extract().asString();
            assertTrue(page.contains("id=\"f-unit-error\"") && page.contains("No unit of this organization"), page);
            assertFalse(page.contains("Night shift</h2>"), "no column drawn");
        }
        s.request().get(chart + "?unit=" + day).then().statusCode(200).body(containsString("Ana Alvarez"));
        PageFormsTest.assertFieldError(s.request().get(chart + "?owner=" + other.adminId), "owner", "No organizer");
        PageFormsTest.assertFieldError(s.request().get(chart + "?level=boss"), "level", "Choose one from the list");
        // under htmx, said in the board it swaps
        String board = s.request().header("HX-Request", "true").get(chart + "?quiet=abc").then().statusCode(400)
                .extract().asString();
        assertTrue(board.contains("id=\"f-quiet-error\""), board);
    }

    /**
     * A refused filter's page draws the organization's heading, its count and the message, no cards: it reads
     * no card nor column figure to draw them (the whole chart was assembled and dropped, ~80 ms on 5,000 people).
     * A column's unit is looked for in the units the chart reads anyway, this organization's of the team: not
     * read again by its id, whether it is among them or not (another organization's is refused from the list, as
     * UnitService.inOrganization refuses it; a lookup by id had skipped the database only while the persistence
     * context held the list's entities).
     */
    @Test
    void aRefusedFilterReadsTheHeadingNotTheCards() {
        TestTeam team = TestTeam.create();
        String org = team.organization("Riverside Depot", "workplace");
        String day = team.unit(org, "Day shift", "shift");
        contact(team, "Ana Alvarez", "new", org, day);
        contact(team, "Bea Brown", "cadre", org, null);
        String othersUnit = team.unit(team.organization("Hillside Depot", "workplace"), "Weekend shift", "shift");
        Session s = Session.logIn(team);
        String chart = "/organizations/" + org + "/chart";
        Map<String, String> refused = Map.of("?quiet=abc", "f-quiet-error", "?level=boss", "f-level-error",
                "?unit=" + othersUnit, "f-unit-error");
        // a read of one unit by its id, as Hibernate writes it (the other organization's unit was read so)
        Pattern readById = Pattern.compile("from unit \\w+ where \\w+\\.id=\\?");
        for (var asked : refused.entrySet()) {
            for (boolean htmx : new boolean[]{false, true}) {
                StringBuilder page = new StringBuilder();
                List<String> sql = SqlSeen.during(() -> {
                    var request = s.request();
                    if (htmx) {
                        request.header("HX-Request", "true");
                    }
                    page.append(request.get(chart + asked.getKey()).then().statusCode(400).extract().asString());
                });
                String html = page.toString();
                assertTrue(sql.stream().noneMatch(q -> q.contains("cross join lateral") || q.contains("count(*) filter")),
                        asked.getKey() + " read no card nor figure: " + sql);
                assertTrue(html.contains("id=\"" + asked.getValue() + "\""), html);
                assertTrue(sql.stream().noneMatch(q -> readById.matcher(q).find()), "no unit read by its id: " + sql);
                assertFalse(html.contains("class=\"card ") || html.contains("chart-column"), "no cards, no columns: " + html);
                if (!htmx) {
                    assertTrue(html.contains("<h1>Wall chart: Riverside Depot</h1>") && html.contains("2 people"), html);
                    assertTrue(!asked.getKey().equals("?quiet=abc") || html.contains("value=\"abc\""), "what was typed is kept");
                }
            }
        }
        // a unit of this organization: its column, the unit read once (with the others), not again by its id
        List<String> sql = SqlSeen.during(() ->
                s.request().get(chart + "?unit=" + day).then().statusCode(200).body(containsString("Ana Alvarez")));
        assertTrue(sql.stream().noneMatch(q -> readById.matcher(q).find()), "no second read: " + sql);
    }

    /**
     * Two filters refused at once: one autofocus in the page, on the first refused box (the browser and htmx
     * take the first anyway, but two is not valid HTML); so too with the word of a move in the same address.
     */
    @Test
    void twoRefusedFiltersPutTheFocusOnTheFirstOnly() {
        TestTeam team = TestTeam.create();
        String org = team.organization("Riverside Depot", "workplace");
        String ana = contact(team, "Ana Alvarez", "new", org, team.unit(org, "Day shift", "shift"));
        Session s = Session.logIn(team);
        String chart = "/organizations/" + org + "/chart";
        String page = s.request().get(chart + "?quiet=abc&level=boss").then().statusCode(400).extract().asString();
        assertEquals(1, page.split("autofocus", -1).length - 1, page);
        assertTrue(page.matches("(?s).*<select id=\"f-level\" name=\"level\" aria-invalid=\"true\" autofocus.*"), page);
        assertTrue(page.contains("id=\"f-quiet-error\"") && page.contains("id=\"f-level-error\""), "both said: " + page);
        page = s.request().get(chart + "?quiet=abc&unit=nonsense").then().statusCode(400).extract().asString();
        assertEquals(1, page.split("autofocus", -1).length - 1, page);
        assertTrue(page.matches("(?s).*<input id=\"f-quiet\"[^>]* autofocus.*"), page);
        page = s.request().get(chart + "?moved=" + ana + "&quiet=abc").then().statusCode(400).extract().asString();
        assertEquals(1, page.split("autofocus", -1).length - 1, page);
        assertTrue(page.matches("(?s).*<input id=\"f-quiet\"[^>]* autofocus.*"), page);
    }

    static String contact(TestTeam team, String name, String level, String org, String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", name);
        body.put("engagementLevel", level);
        body.put("organizationId", org);
        if (unit != null) {
            body.put("unitId", unit);
        }
        return team.api().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    static void talked(TestTeam team, String contact, Duration ago) {
        team.api().body(Map.of("contactId", contact, "occurredAt", Instant.now().minus(ago).toString(),
                "durationMinutes", 15, "channel", "phone")).post("/api/v1/conversations").then().statusCode(201);
    }

    /** The text of one column, from its heading to the next. */
    static String column(String html, String heading) {
        int start = html.indexOf(">" + heading + "</h2>");
        assertTrue(start > 0, "column " + heading + " in " + html);
        int end = html.indexOf("<section class=\"chart-column\"", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    /**
     * The chart counts days on the team's clocks, as its cards say them: "not talked to for 7 days" shows whoever's card
     * says "Talked 7 days ago", also talked late that evening (a rolling 7 x 24 hours left them out), and "★ first time"
     * marks someone whose first action's heat window (to the end of its last day) is still open, as Today and the
     * movement report have it: not only for 48 hours after the action, and not for a second "first time" ticked at a
     * later action (a walk: the mark was gone while Today still listed the person in the heat).
     */
    @Test
    void theChartCountsTheTeamsDaysAndMarksTheFirstActionsHeatWindow() {
        TestTeam team = TestTeam.create();
        java.time.ZoneId zone = java.time.ZoneId.of(team.api().get("/api/v1/team").then().extract().path("timeZone"));
        int heat = team.api().get("/api/v1/team").then().extract().path("heatWindowDays");
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        String org = team.organization("Depot 9", "workplace");
        String lou = contact(team, "Late Lou", "new", org, null);
        String eli = contact(team, "Early Eli", "new", org, null);
        String hana = contact(team, "Heat Hana", "new", org, null);
        String abe = contact(team, "Again Abe", "new", org, null);
        talkedAt(team, lou, today.minusDays(7).atTime(23, 59).atZone(zone));
        talkedAt(team, eli, today.minusDays(6).atTime(0, 1).atZone(zone));
        // Hana's first action began just after midnight on the window's first day: more than 48 hours ago, still in it
        String early = action(team, today.minusDays(heat).atTime(0, 1).atZone(zone));
        team.api().body(List.of(Map.of("contactId", hana, "firstTime", true))).put("/api/v1/actions/" + early + "/attendance")
                .then().statusCode(200);
        // Abe's first action was ten days ago; "first time" ticked again at yesterday's does not make it his first
        String first = action(team, today.minusDays(10).atTime(18, 0).atZone(zone));
        String again = action(team, today.minusDays(1).atTime(18, 0).atZone(zone));
        for (String a : List.of(first, again)) {
            team.api().body(List.of(Map.of("contactId", abe, "firstTime", true))).put("/api/v1/actions/" + a + "/attendance")
                    .then().statusCode(200);
        }

        Session s = Session.logIn(team);
        String html = s.request().get("/organizations/" + org + "/chart").then().statusCode(200).extract().asString();
        assertTrue(card(html, lou).contains("Talked 7 days ago"), card(html, lou));
        assertTrue(card(html, eli).contains("Talked 6 days ago"), card(html, eli));
        assertTrue(card(html, hana).contains("★ first time"), card(html, hana));
        assertFalse(card(html, abe).contains("first time"), card(html, abe));
        String quiet = s.request().get("/organizations/" + org + "/chart?quiet=7").then().statusCode(200).extract().asString();
        assertTrue(quiet.contains("Late Lou") && !quiet.contains("Early Eli"), quiet);
        String six = s.request().get("/organizations/" + org + "/chart?quiet=6").then().statusCode(200).extract().asString();
        assertTrue(six.contains("Late Lou") && six.contains("Early Eli"), six);
        // 0 days: everyone, whoever was talked to today
        String none = s.request().get("/organizations/" + org + "/chart?quiet=0").then().statusCode(200).extract().asString();
        assertTrue(none.contains("Late Lou") && none.contains("Heat Hana"), none);
    }

    private static String card(String html, String contact) {
        String card = html.substring(html.indexOf("id=\"card-" + contact + "\""));
        return card.substring(0, card.indexOf("</li>"));
    }

    private static void talkedAt(TestTeam team, String contact, java.time.ZonedDateTime at) {
        team.api().body(Map.of("contactId", contact, "occurredAt", at.toInstant().toString(),
                "durationMinutes", 15, "channel", "phone")).post("/api/v1/conversations").then().statusCode(201);
    }

    private static String action(TestTeam team, java.time.ZonedDateTime at) {
        return team.api().body(Map.of("title", "Meeting " + at.toLocalDate(), "startsAt", at.toInstant().toString(),
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
    }

    @Test
    void wallChartFiguresAndCardsOnAHandBuiltOrganization() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String org = team.organization("Plant 7", "workplace");
        String day = team.unit(org, "Day shift", "shift");
        String night = team.unit(org, "Night shift", "shift");
        // Day shift: Ana (new, talked 3 days ago), Bea (cadre, talked 40 days ago), Cy (new, no owner, never, follow-up due)
        String ana = contact(team, "Ana Alvarez", "new", org, day);
        String bea = contact(team, "Bea Brown", "cadre", org, day);
        String cy = contact(team, "Cy Chen", "new", org, day);
        team.api().body(Map.of("ownerId", "")).patch("/api/v1/contacts/" + cy);
        Map<String, Object> noOwner = new HashMap<>();
        noOwner.put("ownerId", null);
        team.api().body(noOwner).patch("/api/v1/contacts/" + cy).then().statusCode(200);
        talked(team, ana, Duration.ofDays(3));
        talked(team, bea, Duration.ofDays(40));
        team.api().body(Map.of("contactId", cy, "dueOn", "2030-05-06", "purpose", "ask about the rota"))
                .post("/api/v1/followups").then().statusCode(201);
        // Night shift: Dee (less involved, owned by the member), at her first action an hour ago: in the heat
        String dee = contact(team, "Dee Diaz", "less-involved", org, night);
        team.api().body(Map.of("ownerId", member.id())).patch("/api/v1/contacts/" + dee).then().statusCode(200);
        String action = team.api().body(Map.of("title", "Picket", "startsAt", Instant.now().minus(Duration.ofHours(1)).toString(),
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", dee, "firstTime", true))).put("/api/v1/actions/" + action + "/attendance")
                .then().statusCode(200);
        // no unit: Eve (new); someone of another organization and an erased person are not on the chart
        String eve = contact(team, "Eve Evans", "new", org, null);
        talked(team, eve, Duration.ofSeconds(1));
        String gone = contact(team, "Gone Person", "new", org, day);
        team.api().delete("/api/v1/contacts/" + gone).then().statusCode(204);

        Session s = Session.logIn(team);
        String html = s.request().get("/organizations/" + org + "/chart").then().statusCode(200).extract().asString();
        assertTrue(html.contains("5 people"), html);
        String dayCol = column(html, "Day shift");
        // 3 people: 2 new, 0 less involved, 1 cadre; talked to in 30 days 1 of 3 = 33%; with an owner 2 of 3 = 67%
        assertTrue(dayCol.contains("<strong>3</strong> people · <span class=\"level-word new\">New 2</span> · "
                + "<span class=\"level-word less-involved\">Less involved 0</span> · <span class=\"level-word cadre\">Cadre 1</span>"), dayCol);
        assertTrue(dayCol.contains("Talked to in 30 days: <strong>33%</strong> · With an owner: <strong>67%</strong>"), dayCol);
        // cards: new first then cadre, by name; level as colour and word; owner's initials; days; follow-up due
        assertTrue(dayCol.indexOf("Ana Alvarez") < dayCol.indexOf("Cy Chen") && dayCol.indexOf("Cy Chen") < dayCol.indexOf("Bea Brown"), dayCol);
        String anaCard = dayCol.substring(dayCol.indexOf("id=\"card-" + ana + "\""));
        anaCard = anaCard.substring(0, anaCard.indexOf("</li>"));
        assertTrue(anaCard.contains("<span class=\"badge level-new\">New</span>"), anaCard);
        assertTrue(anaCard.contains("<abbr title=\"Owner: Admin " + team.adminEmail + "\">AA</abbr>"), anaCard);
        assertTrue(anaCard.contains("Talked 3 days ago"), anaCard);
        assertFalse(anaCard.contains("first time"), anaCard);
        String cyCard = dayCol.substring(dayCol.indexOf("id=\"card-" + cy + "\""));
        cyCard = cyCard.substring(0, cyCard.indexOf("</li>"));
        assertTrue(cyCard.contains("no owner") && cyCard.contains("Never talked to")
                && cyCard.contains("follow-up due Mon 6 May 2030"), cyCard);
        assertTrue(dayCol.contains("Talked 40 days ago"), dayCol);
        String nightCol = column(html, "Night shift");
        assertTrue(nightCol.contains("<strong>1</strong> person · <span class=\"level-word new\">New 0</span> · "
                + "<span class=\"level-word less-involved\">Less involved 1</span>"), nightCol);
        assertTrue(nightCol.contains("Talked to in 30 days: <strong>0%</strong> · With an owner: <strong>100%</strong>"), nightCol);
        assertTrue(nightCol.contains("Dee Diaz") && nightCol.contains("★ first time"), nightCol);
        assertTrue(nightCol.contains("<abbr title=\"Owner: Member "), nightCol);
        String noneCol = column(html, "No unit");
        assertTrue(noneCol.contains("<strong>1</strong> person ·") && noneCol.contains("Eve Evans"), noneCol);
        // today (or, a second after midnight, yesterday) in words, never "0 days ago" or "1 days ago"
        assertTrue(noneCol.contains("Talked today") || noneCol.contains("Talked yesterday"), noneCol);
        assertFalse(html.contains(" 0 days ago") || html.contains(" 1 days ago"), html);
        assertFalse(html.contains("Gone Person"), "erased people are not on the chart");

        // filters hide cards, not people from the figures
        String cadre = s.request().get("/organizations/" + org + "/chart?level=cadre").then().statusCode(200).extract().asString();
        String dayCadre = column(cadre, "Day shift");
        assertTrue(dayCadre.contains("Bea Brown") && !dayCadre.contains("Ana Alvarez") && dayCadre.contains("<strong>3</strong> people"), dayCadre);
        String quiet = s.request().get("/organizations/" + org + "/chart?quiet=30").then().extract().asString();
        assertFalse(column(quiet, "Day shift").contains("Ana Alvarez"));
        assertTrue(column(quiet, "Day shift").contains("Bea Brown") && column(quiet, "Day shift").contains("Cy Chen"));
        String unowned = s.request().get("/organizations/" + org + "/chart?owner=none").then().extract().asString();
        assertTrue(column(unowned, "Day shift").contains("Cy Chen") && !column(unowned, "Day shift").contains("Ana Alvarez"));
        String members = s.request().get("/organizations/" + org + "/chart?owner=" + member.id()).then().extract().asString();
        assertTrue(column(members, "Night shift").contains("Dee Diaz") && !column(members, "Day shift").contains("Ana Alvarez"));
        // unreadable filters are refused with their messages, not a 500
        s.request().get("/organizations/" + org + "/chart?level=boss&owner=x&quiet=%00").then().statusCode(400);

        // move Ana to the night shift with the plain form, keeping the filter
        s.open("/organizations/" + org + "/move?contactId=" + ana);
        s.form().formParam("contactId", ana).formParam("unitId", night).formParam("level", "new")
                .post("/organizations/" + org + "/move").then().statusCode(303)
                .header("Location", allOf(containsString("/organizations/" + org + "/chart?moved=" + ana + "&level=new"),
                        endsWith("#card-" + ana)));
        team.api().get("/api/v1/contacts/" + ana).then().body("unitId", is(night));
        // another organization's unit is refused on the page, nothing moves
        String other = team.api().body(Map.of("name", "Elsewhere")).post("/api/v1/organizations").then().extract().path("id");
        String otherUnit = team.api().body(Map.of("name", "Floor 1")).post("/api/v1/organizations/" + other + "/units")
                .then().statusCode(201).extract().path("id");
        s.form().formParam("contactId", ana).formParam("unitId", otherUnit)
                .post("/organizations/" + org + "/move").then().statusCode(400)
                // in the words every other unit field says it (the final probe of session 44: the chart had its own)
                .body(containsString("No unit of the contact&#39;s organization with that id"));
        s.form().formParam("contactId", ana).formParam("unitId", "not-an-id")
                .post("/organizations/" + org + "/move").then().statusCode(400);
        // the person's id is a form field: missing or unreadable, a 400 with the chart, not "Nothing here" (the probe)
        s.form().formParam("unitId", night).post("/organizations/" + org + "/move").then().statusCode(400)
                .body(containsString("id=\"board\""));
        s.form().formParam("contactId", "\u0000").formParam("unitId", night).post("/organizations/" + org + "/move")
                .then().statusCode(400);
        team.api().get("/api/v1/contacts/" + ana).then().body("unitId", is(night));
        // back to no unit
        s.form().formParam("contactId", ana).formParam("unitId", "")
                .post("/organizations/" + org + "/move").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + ana).then().body("unitId", nullValue());
        // another team cannot see the chart nor move people
        Session stranger = Session.logIn(TestTeam.create());
        stranger.request().get("/organizations/" + org + "/chart").then().statusCode(404);
        stranger.open("/organizations");
        stranger.form().formParam("contactId", ana).formParam("unitId", "")
                .post("/organizations/" + org + "/move").then().statusCode(404);
    }

    @Test
    void organizationsListAddRenameMergeAndPeople() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String page = s.open("/organizations");
        assertTrue(page.contains("No organizations yet"), page);
        s.form().formParam("name", "").formParam("kind", "workplace").post("/organizations").then().statusCode(400)
                .body(containsString("f-name-error"));
        String location = s.form().formParam("name", "Riverside Towers").formParam("kind", "building")
                .post("/organizations").then().statusCode(303).extract().header("Location");
        String riverside = location.substring(location.lastIndexOf('/') + 1);
        String annex = team.api().body(Map.of("name", "Riverside annex")).post("/api/v1/organizations").then().extract().path("id");
        contact(team, "Rosa Ruiz", "new", riverside, null);
        contact(team, "Sam Soto", "cadre", riverside, null);
        contact(team, "Tia Tran", "less-involved", annex, null);

        String list = s.open("/organizations");
        assertTrue(list.contains("<th scope=\"row\"><a href=\"/organizations/" + riverside + "\">Riverside Towers</a></th>"
                + "<td>Building</td><td>2</td><td>1</td><td>0</td><td>1</td><td>0</td>"), list);

        // a unit, a rename, then the annex merged in
        s.open("/organizations/" + riverside);
        s.form().formParam("unitName", "Block A").formParam("unitKind", "building").formParam("parentId", "")
                .post("/organizations/" + riverside + "/units").then().statusCode(303);
        s.form().formParam("unitName", "").formParam("unitKind", "building").post("/organizations/" + riverside + "/units")
                .then().statusCode(400).body(containsString("f-unitName-error"));
        s.form().formParam("name", "Riverside Estate").formParam("kind", "building")
                .post("/organizations/" + riverside + "/rename").then().statusCode(303);
        PageFormsTest.assertFieldError(s.form().formParam("name", "riverside ANNEX").formParam("kind", "building")
                .post("/organizations/" + riverside + "/rename"), 409, "name", "already has an organization named");
        s.open("/organizations/" + annex);
        // neither chosen nor ticked: both said at once
        s.form().formParam("intoOrganizationId", "").post("/organizations/" + annex + "/merge").then().statusCode(400)
                .body(containsString("f-intoOrganizationId-error"))
                .body(containsString("Tick the box to merge: a merge is not undone"));
        // chosen, not ticked (the walk merged at one click): nothing moves
        s.form().formParam("intoOrganizationId", riverside).post("/organizations/" + annex + "/merge").then().statusCode(400)
                .body(containsString("Tick the box to merge")).body(containsString("f-confirm-error"));
        // ticked, not chosen: the tick is kept beside the refusal, and drawn unticked on a page opened anew
        s.form().formParam("intoOrganizationId", "").formParam("confirm", "true").post("/organizations/" + annex + "/merge")
                .then().statusCode(400).body(containsString("f-intoOrganizationId-error"))
                .body(containsString("name=\"confirm\" value=\"true\" checked")).body(not(containsString("f-confirm-error")));
        assertFalse(s.open("/organizations/" + annex).contains("value=\"true\" checked"));
        s.form().formParam("intoOrganizationId", riverside).formParam("confirm", "true")
                .post("/organizations/" + annex + "/merge").then().statusCode(303)
                .header("Location", endsWith("/organizations/" + riverside + "?saved=merged"));
        String show = s.open("/organizations/" + riverside + "?saved=merged");
        assertTrue(show.contains("Merged: the other organization&#39;s people and units are here now"), show);
        assertTrue(show.contains("<h1>Riverside Estate</h1>"), show);
        assertTrue(show.contains("Rosa Ruiz") && show.contains("Sam Soto") && show.contains("Tia Tran"), show);
        assertTrue(show.contains("Block A"), show);
        s.request().get("/organizations/" + annex).then().statusCode(404);
        // an organizer (not a coordinator) sees no merge form, and the post is refused
        var member = team.member("organizer");
        Session ms = Session.logIn(member.email());
        String memberView = ms.open("/organizations/" + riverside);
        assertFalse(memberView.contains("Merge into"), memberView);
    }

    @Test
    void tiesOnTheContactPageAndTheLeadersPage() {
        TestTeam team = TestTeam.create();
        String org = team.api().body(Map.of("name", "Maple Court")).post("/api/v1/organizations").then().extract().path("id");
        String rosa = contact(team, "Rosa Ruiz", "new", org, null);
        String sam = contact(team, "Sam Soto", "new", org, null);
        String tia = contact(team, "Tia Tran", "cadre", org, null);
        // the other person is searched for, then chosen among the matches
        Session s = Session.logIn(team);
        String found = s.open("/contacts/" + sam + "?tieSearch=Rosa");
        assertTrue(found.contains("name=\"otherContactId\" value=\"" + rosa + "\""), found);
        s.form().formParam("tieSearch", "Rosa").formParam("tieKind", "listens-to").formParam("otherContactId", rosa)
                .formParam("note", "").post("/contacts/" + sam + "/ties").then().statusCode(303);
        s.form().formParam("tieSearch", "Rosa").formParam("tieKind", "listens-to").formParam("otherContactId", rosa)
                .post("/contacts/" + sam + "/ties").then().statusCode(409).body(containsString("already have"));
        s.form().formParam("tieKind", "enemy").formParam("otherContactId", rosa)
                .post("/contacts/" + sam + "/ties").then().statusCode(400).body(containsString("f-tieKind-error"));
        s.form().formParam("tieKind", "close").formParam("otherContactId", "")
                .post("/contacts/" + sam + "/ties").then().statusCode(400).body(containsString("f-otherContactId-error"));
        s.form().formParam("tieKind", "close").formParam("otherContactId", tia).formParam("note", "x".repeat(2001))
                .post("/contacts/" + sam + "/ties").then().statusCode(400).body(containsString("f-note-error"));
        team.api().body(Map.of("otherContactId", rosa, "kind", "listens-to")).post("/api/v1/contacts/" + tia + "/ties")
                .then().statusCode(201);
        String samPage = s.open("/contacts/" + sam);
        assertTrue(samPage.contains("Listens to") && samPage.contains("Rosa Ruiz"), samPage);
        String rosaPage = s.open("/contacts/" + rosa);
        assertTrue(rosaPage.contains("Listened to by"), rosaPage);

        String leaders = s.request().get("/organizations/" + org + "/leaders").then().statusCode(200).extract().asString();
        Matcher row = Pattern.compile("<a href=\"/contacts/" + rosa + "\">Rosa Ruiz</a></th>\\s*<td>2</td>").matcher(leaders);
        assertTrue(row.find(), leaders);
        assertTrue(leaders.contains("not cadre yet") && leaders.contains("not talked to in 30 days"), leaders);
        // the column counts who listens to each: a header of its own, not a tie's "Listened to by" one person
        assertTrue(leaders.contains("<th scope=\"col\">Listeners</th>"), leaders);

        // remove the tie from Sam's page
        String tieId = team.api().get("/api/v1/contacts/" + sam + "/ties").then().extract().path("items[0].id");
        s.open("/contacts/" + sam);
        s.form().post("/contacts/" + sam + "/ties/" + tieId + "/remove").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + sam + "/ties").then().body("items", empty());
        // Remove again (a double tap, a stale tab): back on Sam's page, told it was removed already (the walk: a
        // bare "No tie with that id in your team" page)
        String again = s.form().post("/contacts/" + sam + "/ties/" + tieId + "/remove").then().statusCode(303)
                .extract().header("Location");
        assertTrue(again.contains("/contacts/" + sam + "?saved=tie-gone") && again.endsWith("#ties"), again);
        String told = s.request().get(again.substring(0, again.indexOf('#'))).then().statusCode(200).extract().asString();
        assertTrue(told.contains("That tie was removed already"), told);
        // and a mangled tie id in the address stays a 404
        s.form().post("/contacts/" + sam + "/ties/not-an-id/remove").then().statusCode(404);
        // a tie between two others (Tia listens to Rosa) named under Sam's address is kept, and said as not Sam's (a
        // walk: "That tie was removed already" while it stood)
        String theirs = team.api().get("/api/v1/contacts/" + tia + "/ties").then().extract().path("items[0].id");
        String notSams = s.form().accept("text/html").post("/contacts/" + sam + "/ties/" + theirs + "/remove").then().statusCode(404)
                .extract().asString();
        assertTrue(notSams.contains("This contact is not in the tie with that id; nothing was removed"), notSams);
        team.api().delete("/api/v1/contacts/" + sam + "/ties/" + theirs).then().statusCode(404)
                .body("detail", is("This contact is not in the tie with that id; nothing was removed"));
        team.api().get("/api/v1/contacts/" + tia + "/ties").then().body("items.id", contains(theirs));
        // another team's session cannot remove or add
        Session stranger = Session.logIn(TestTeam.create());
        stranger.open("/organizations");
        stranger.form().formParam("tieKind", "close").formParam("otherContactId", rosa)
                .post("/contacts/" + sam + "/ties").then().statusCode(404);
        assertEquals(1, (int) team.api().get("/api/v1/organizations/" + org + "/leaders").then().extract().path("items.size()"));

        // in Spanish the count's header is a plural ("Le escucha" read as one person's); a tie stays singular
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        Session es = Session.logIn(team);
        String lideres = es.request().get("/organizations/" + org + "/leaders").then().statusCode(200).extract().asString();
        assertTrue(lideres.contains("<th scope=\"col\">Le escuchan</th>"), lideres);
        assertTrue(es.open("/contacts/" + rosa).matches("(?s).*Le escucha\\s*<a href=\"/contacts/" + tia + "\">Tia Tran</a>.*"));
        // the wall chart's legend calls a card one word ("ficha"), not "ficha" and "tarjeta" by turns
        String mural = es.request().get("/organizations/" + org + "/chart").then().statusCode(200).extract().asString();
        assertTrue(mural.contains("Cada ficha") && mural.contains("sus primeras fichas") && !mural.toLowerCase().contains("tarjeta"), mural);
    }

    @Test
    void theTimeReportPageShowsTheUnitsShares() {
        TestTeam team = TestTeam.create();
        String org = team.api().body(Map.of("name", "Plant")).post("/api/v1/organizations").then().extract().path("id");
        String nights = team.api().body(Map.of("name", "Night shift")).post("/api/v1/organizations/" + org + "/units")
                .then().statusCode(201).extract().path("id");
        String cy = contact(team, "Cy", "new", org, nights);
        contact(team, "Dee", "new", org, nights);
        contact(team, "Eve", "new", org, null);
        String ana = contact(team, "Ana", "new", null, null);
        team.api().body(Map.of("contactId", cy, "occurredAt", "2026-03-04T10:00:00Z", "durationMinutes", 10)).post("/api/v1/conversations").then().statusCode(201);
        team.api().body(Map.of("contactId", ana, "occurredAt", "2026-03-04T11:00:00Z", "durationMinutes", 30)).post("/api/v1/conversations").then().statusCode(201);
        // Night shift: 2 of 4 people (50%), 10 of 40 minutes (25%)
        String html = Session.logIn(team).request().get("/reports/time?period=custom&from=2026-03-01&to=2026-03-31")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("Time by organization and unit"), html);
        assertTrue(html.contains("<th scope=\"row\">Plant · Night shift</th><td>2</td><td>50%</td><td>10</td><td>25%</td>"), html);
        assertTrue(html.contains("<th scope=\"row\">No organization</th><td>1</td><td>25%</td><td>30</td><td>75%</td>"), html);
    }

    /**
     * A walk: two inner units named "Night shift" (under Loading dock and under Office) read the same on the leaders
     * list and the person's page, and a conversation logged for tomorrow (a day ahead is taken) made "Talked -1 days
     * ago" on the chart's card and -1 on the leaders list.
     */
    @Test
    void leadersNameAnInnerUnitWithItsParentAndAConversationLoggedAheadIsToday() {
        String zone = "America/New_York";
        TestTeam team = TestTeam.create(zone);
        String org = team.organization("Acme Warehouse", "workplace");
        String dock = team.unit(org, "Loading dock", "department");
        String office = team.unit(org, "Office", "department");
        String quinn = contact(team, "Quinn Quill", "new", org, team.unit(org, "Night shift", "shift", dock));
        String finn = contact(team, "Finn Fox", "less-involved", org, team.unit(org, "Night shift", "shift", office));
        String gia = contact(team, "Gia Gold", "cadre", org, office);
        String lee = contact(team, "Lee Lark", "new", org, null);
        for (String leader : List.of(quinn, finn, gia)) {
            team.api().body(Map.of("otherContactId", leader, "kind", "listens-to")).post("/api/v1/contacts/" + lee + "/ties")
                    .then().statusCode(201);
        }
        // the first minute of tomorrow on the team's clocks: always within the day ahead a conversation may be logged
        Instant tomorrow = java.time.LocalDate.now(java.time.ZoneId.of(zone)).plusDays(1)
                .atStartOfDay(java.time.ZoneId.of(zone)).toInstant();
        team.api().body(Map.of("contactId", quinn, "occurredAt", tomorrow.toString(), "durationMinutes", 5))
                .post("/api/v1/conversations").then().statusCode(201);

        team.api().get("/api/v1/organizations/" + org + "/leaders").then().statusCode(200)
                .body("items.fullName", contains("Quinn Quill", "Finn Fox", "Gia Gold"))
                .body("items.unitName", contains("Loading dock · Night shift", "Office · Night shift", "Office"))
                .body("items.daysSinceConversation", contains(0, null, null))
                .body("items[0].quiet", is(false));
        Session s = Session.logIn(team);
        String leaders = s.open("/organizations/" + org + "/leaders");
        assertTrue(leaders.contains("Loading dock · Night shift") && leaders.contains("Office · Night shift"), leaders);
        assertTrue(leaders.contains("<td>today</td>") && !leaders.contains("-1 days"), leaders);
        String chart = s.open("/organizations/" + org + "/chart");
        assertTrue(chart.contains("Talked today") && !chart.contains("Talked -1"), chart);
        String finnPage = s.open("/contacts/" + finn);
        assertTrue(finnPage.contains("Office · Night shift"), finnPage);
    }
}
