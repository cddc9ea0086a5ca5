package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new organizer at the door found the last search still in the box after each check-in, and the
 * focus at the top of the page: the next person is someone else. After a check-in (from the search,
 * or someone new typed in) the page comes back with the box empty and holding the focus, and says who
 * is in. The notice names only someone on this action's list, as the door's other notices do.
 */
@QuarkusTest
class CheckInNextPersonTest {

    private static final Pattern SEARCH_BOX = Pattern.compile("<input id=\"q\"[^>]*>");

    /** The search box as drawn. */
    static String searchBox(String page) {
        Matcher m = SEARCH_BOX.matcher(page);
        assertTrue(m.find(), "the page has its search box");
        return m.group();
    }

    /** How many elements of the page ask for the focus: a browser gives it to the first, so one at most. */
    static int autofocus(String page) {
        return page.split("autofocus", -1).length - 1;
    }

    private static List<String> attendance(TestTeam team, String action) {
        return team.api().get("/api/v1/actions/" + action).then().statusCode(200).extract().path("attendance.contactId");
    }

    @Test
    void aCheckInFromTheSearchComesBackWithAnEmptyFocusedBoxAndSaysWhoIsIn() {
        TestTeam team = TestTeam.create();
        String rosa = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Schmidt", "phone", "555-0110"));
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session s = Session.onPage(team, "/actions/" + action + "?q=Rosa");

        String next = s.form().formParam("contactId", rosa).formParam("q", "Rosa").formParam("firstTime", "true")
                .post("/actions/" + action + "/attendance").then().statusCode(303)
                .header("Location", endsWith("/actions/" + action + "?checkedIn=" + rosa)).extract().header("Location");
        assertEquals(List.of(rosa), attendance(team, action));

        String page = s.request().get(next).then().statusCode(200).extract().asString();
        assertTrue(page.contains("role=\"status\" id=\"checked-in\">Rosa Schmidt is checked in.</p>"), page);
        String box = searchBox(page);
        assertTrue(box.contains("value=\"\""), "the last search is gone: " + box);
        assertTrue(box.contains(" autofocus"), "the box has the focus: " + box);
        assertEquals(1, autofocus(page), "one element asks for the focus");

        // the page as opened any other time: no notice, and the focus where the browser puts it
        String plain = s.request().get("/actions/" + action).then().statusCode(200).extract().asString();
        assertFalse(plain.contains("id=\"checked-in\""));
        assertEquals(0, autofocus(plain));

        // in Spanish
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        s.request().get(next).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Asistencia de Rosa Schmidt registrada."));
    }

    /**
     * Two phones at one door: the second tapped Check in for someone the first had checked in already (its
     * page drawn before). The walk: it said "is checked in" as if this tap had done it. Now the page says
     * they were on the list already and nothing changed; the list holds them once, their first-time mark
     * as the first tap left it.
     */
    @Test
    void checkingInSomeoneAlreadyOnTheListSaysSo() {
        TestTeam team = TestTeam.create();
        String rosa = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Vidal", "phone", "555-0112"));
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session first = Session.onPage(team, "/actions/" + action + "?q=Rosa");
        Session second = Session.onPage(team, "/actions/" + action + "?q=Rosa");

        first.form().formParam("contactId", rosa).formParam("q", "Rosa").formParam("firstTime", "true")
                .post("/actions/" + action + "/attendance").then().statusCode(303)
                .header("Location", endsWith("/actions/" + action + "?checkedIn=" + rosa));
        String next = second.form().formParam("contactId", rosa).formParam("q", "Rosa")
                .post("/actions/" + action + "/attendance").then().statusCode(303)
                .header("Location", endsWith("/actions/" + action + "?checkedIn=" + rosa + "&saved=before"))
                .extract().header("Location");
        assertEquals(List.of(rosa), attendance(team, action));
        assertEquals(List.of(true), team.api().get("/api/v1/actions/" + action).then().extract()
                .path("attendance.firstTime"), "the first tap's mark kept");

        String page = second.request().get(next).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"checked-in\">Rosa Vidal was checked in already (perhaps on another phone);"
                + " nothing was changed.</p>"), page);
        assertFalse(page.contains("Rosa Vidal is checked in."), page);
        assertFalse(page.contains("id=\"saved-already\""), "the layout's own notice is not drawn: " + page);
        assertTrue(searchBox(page).contains(" autofocus"), "the box has the focus, for the next person");

        // typed in as someone new under her name: the question lists her as checked in, with no button to check her
        // in again (the walk: it offered "Same person: check in Rosa Vidal")
        String asked = second.form().formParam("fullName", "rosa vidal").formParam("phone", "").formParam("email", "")
                .post("/actions/" + action + "/attendance/new").then().statusCode(200).extract().asString();
        String question = asked.substring(asked.indexOf("id=\"same-name-check\""));
        assertTrue(question.contains("<strong>Rosa Vidal</strong>") && question.contains("<p>Checked in.</p>"), question);
        assertFalse(question.contains("Same person: check in"), question);
        assertEquals(List.of(rosa), attendance(team, action));
    }

    /**
     * "First time at an action" is a checkbox like every other on the pages: sent at all, it is ticked
     * (a browser sends only the value the page gave it, so another one means the box was ticked); left
     * out, it is not. A NUL in it is no refusal the page cannot show (it was read as typed text: a 400
     * with no word on the page).
     */
    @Test
    void theFirstTimeBoxIsReadAsEveryCheckboxIs() {
        TestTeam team = TestTeam.create();
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session s = Session.onPage(team, "/actions/" + action);
        Map<String, String> sent = new java.util.LinkedHashMap<>();
        sent.put("Ticked Tess", "true");
        sent.put("Maybe May", "maybe");
        sent.put("Nul Nell", "\u0000");
        sent.put("Unticked Ursa", null);
        for (Map.Entry<String, String> person : sent.entrySet()) {
            String id = PagesBrowserTest.contact(team, Map.<String, Object>of("fullName", person.getKey()));
            var form = s.form().formParam("contactId", id);
            if (person.getValue() != null) {
                form.formParam("firstTime", person.getValue());
            }
            form.post("/actions/" + action + "/attendance").then().statusCode(303);
        }
        assertEquals(List.of(true, true, true, false), team.api().get("/api/v1/actions/" + action).then()
                .statusCode(200).extract().path("attendance.firstTime"));
    }

    @Test
    void someoneNewOrSomeoneKnownTypedInBringsTheFocusBackToTheSearchBox() {
        TestTeam team = TestTeam.create();
        String maria = PagesBrowserTest.contact(team, Map.of("fullName", "Maria Lopez", "email", "maria@example.org"));
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session s = Session.onPage(team, "/actions/" + action);

        String next = s.form().formParam("fullName", "Ana Newcomer").formParam("phone", "555-0199")
                .formParam("email", "").formParam("firstTime", "true")
                .post("/actions/" + action + "/attendance/new").then().statusCode(303).extract().header("Location");
        List<String> here = attendance(team, action);
        assertEquals(1, here.size());
        assertTrue(next.endsWith("/actions/" + action + "?checkedIn=" + here.get(0)), next);
        String page = s.request().get(next).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"checked-in\">Ana Newcomer is checked in.</p>"), page);
        assertTrue(searchBox(page).contains(" autofocus"), searchBox(page));
        assertEquals(1, autofocus(page));
        assertTrue(page.contains("id=\"f-fullName\" name=\"fullName\" type=\"text\" value=\"\""), "the new-person fields are empty");

        // someone known by their email: the door's own notice, and the focus back in the box too
        next = s.form().formParam("fullName", "M. Lopez").formParam("phone", "").formParam("email", "MARIA@example.org")
                .post("/actions/" + action + "/attendance/new").then().statusCode(303).extract().header("Location");
        page = s.request().get(next).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Already in your contacts:") && page.contains(">Maria Lopez</a>"), page);
        assertTrue(searchBox(page).contains(" autofocus"), searchBox(page));
        assertEquals(1, autofocus(page));
        assertTrue(attendance(team, action).contains(maria));
    }

    @Test
    void aRefusedFormKeepsTheFocusOnItsMessageNotOnTheSearchBox() {
        TestTeam team = TestTeam.create();
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session s = Session.onPage(team, "/actions/" + action);
        Response refused = s.form().formParam("fullName", "x".repeat(201)).formParam("phone", "").formParam("email", "")
                .post("/actions/" + action + "/attendance/new");
        refused.then().statusCode(400);
        String page = refused.asString();
        assertFalse(searchBox(page).contains("autofocus"), searchBox(page));
        assertEquals(1, autofocus(page), "only the refused field asks for the focus");
        assertTrue(page.matches("(?s).*<input id=\"f-fullName\"[^>]*autofocus.*"), "the refused field has it");
        assertEquals(List.of(), attendance(team, action));
    }

    @Test
    void theNoticeNamesOnlySomeoneOnThisActionsList() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String notHere = PagesBrowserTest.contact(team, Map.of("fullName", "Nadia Nothere"));
        String elsewhere = PagesBrowserTest.contact(other, Map.of("fullName", "Other Team Person"));
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session s = Session.logIn(team);
        for (String id : List.of(notHere, elsewhere, java.util.UUID.randomUUID().toString())) {
            String page = s.request().get("/actions/" + action + "?checkedIn=" + id).then().statusCode(200)
                    .extract().asString();
            assertFalse(page.contains("id=\"checked-in\"") || page.contains("Nadia Nothere")
                    || page.contains("Other Team Person"), page);
            assertEquals(0, autofocus(page), "no check-in happened: the focus is left alone");
        }
        // not an id: said as the page's other parameters are, never a failure of the server
        for (String bad : List.of("not-an-id", "%00")) {
            int status = s.request().urlEncodingEnabled(false).get("/actions/" + action + "?checkedIn=" + bad)
                    .then().extract().statusCode();
            assertTrue(status >= 400 && status < 500, bad + " answered " + status);
        }
    }

    /** The door's address after a check-in, once that person is erased: the page still opens, naming no one. */
    @Test
    void aCheckInNoticeForSomeoneErasedSinceLeavesTheDoorOpen() {
        TestTeam team = TestTeam.create();
        String person = PagesBrowserTest.contact(team, Map.of("fullName", "Erin Erased"));
        String action = CheckInAtTheDoorBrowserTest.action(team);
        team.api().body(List.of(Map.of("contactId", person)))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200);
        Session s = Session.logIn(team);
        String door = "/actions/" + action + "?checkedIn=" + person;
        assertTrue(s.request().get(door).then().statusCode(200).extract().asString().contains("Erin Erased"));
        team.api().delete("/api/v1/contacts/" + person).then().statusCode(204);
        for (String address : List.of(door, "/actions/" + action + "?known=" + person + "&by=phone&was=here")) {
            String page = s.request().get(address).then().statusCode(200).extract().asString();
            assertFalse(page.contains("id=\"checked-in\"") || page.contains("id=\"door-notice\""), page);
        }
    }
}
