package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.groundwork.web.PageFormsTest.assertFieldError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NUL character (which PostgreSQL cannot store) posted on a page form, as an attacker would
 * send it: the form comes back with the message on that field and the rest of what was typed,
 * and nothing is stored or looked up. The API's doors keep their 400 problem (BadInputTest).
 */
@QuarkusTest
class PageFormsNulTest {

    private static final String NUL = "\u0000";

    @Test
    void aWorkIsNotMadeAndTheFormKeepsWhatWasTyped() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/works");
        Response page = s.form().formParam("name", "Rent" + NUL + " strike").formParam("focus", "bring-in-new")
                .formParam("mode", "building").formParam("justification", "Every building on Elm")
                .post("/works");
        // said as U+0000: the bundles are read without escapes, so "\\u0000" there showed both backslashes
        assertFieldError(page, "name", "This contains a NUL character (U+0000), which cannot be stored");
        page.then().body(containsString("value=\"Rent strike\""), containsString("Every building on Elm"));
        team.api().get("/api/v1/works").then().body("items", hasSize(0));
    }

    @Test
    void aTokenIsNotMadeAndTheLanguageStays() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/settings");
        Response page = s.form().formParam("tokenName", "sheet" + NUL + "sync").post("/settings/tokens");
        assertFieldError(page, "tokenName", "This contains a NUL character");
        page.then().body(not(containsString("shown only this once")));
        team.api().get("/api/v1/tokens").then().statusCode(200)
                .body("items.findAll { it.name.startsWith('sheet') }", hasSize(0));

        s.form().formParam("language", "e" + NUL + "s").post("/settings/language").then().statusCode(400)
                .body(containsString("This contains a NUL character"));
        s.request().get("/settings").then().statusCode(200).body(containsString("<html lang=\"en\""));
    }

    @Test
    void noOneIsLookedUpOrCheckedInAtTheDoor() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Known Person", "phone", "5550101")).post("/api/v1/contacts")
                .then().statusCode(201);
        String action = team.api().body(Map.of("title", "Rally", "startsAt", "2026-05-01T07:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        Session s = Session.onPage(team, "/actions/" + action);
        // the phone matches a known person once the NUL is gone: still nobody is checked in
        Response page = s.form().formParam("fullName", "Known Person").formParam("phone", "555" + NUL + "0101")
                .post("/actions/" + action + "/attendance/new");
        assertFieldError(page, "phone", "This contains a NUL character");
        page.then().body(containsString("value=\"Known Person\""));
        team.api().get("/api/v1/actions/" + action).then().body("attendance", hasSize(0));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(1));
    }

    @Test
    void anImportIsNotStartedFromAFormWithANul() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/contacts/import");
        byte[] file = "Name,Email\nRosa Parks,rosa@example.org\n".getBytes(StandardCharsets.UTF_8);
        Response page = MultipartForm.of().field("csrf-token", s.csrfToken)
                .file("file", "people.csv", file, "text/csv")
                .field("onMatch", "skip" + NUL)
                .into(s.request()).post("/contacts/import");
        page.then().statusCode(400).body(containsString("This contains a NUL character"));
        assertTrue(page.getHeader("Location") == null, "no redirect to a review");
        team.api().get("/api/v1/contacts").then().body("items", hasSize(0));
    }

    /**
     * A follow-up rescheduled to a date with a NUL in it: said on its date as the NUL it is, with the
     * rest of what was typed, not as "That date has passed" (the date read once the NUL was left out,
     * the service was not asked, and the refusal was taken for its one about past dates).
     */
    @Test
    void aRescheduleWithANulInItsDateSaysTheNulOnTheDate() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Cesar Chavez")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String followUp = team.api().body(Map.of("contactId", contact, "dueOn", "2020-01-02", "purpose", "Two"))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        Session s = Session.onPage(team, "/");
        String page = s.form().formParam("dueOn", "2026-12-10" + NUL).post("/followups/" + followUp + "/reschedule")
                .then().statusCode(400).extract().asString();
        int at = page.indexOf("id=\"due-" + followUp + "-error\">");
        assertTrue(at > 0, page);
        String said = page.substring(at, page.indexOf("</p>", at));
        assertTrue(said.contains("This contains a NUL character (U+0000), which cannot be stored"), said);
        assertFalse(said.contains("passed"), said);
        assertTrue(page.contains("value=\"2026-12-10\""), page);
        team.api().get("/api/v1/followups/" + followUp).then().body("dueOn", equalTo("2020-01-02"));
    }

    /**
     * A NUL in a list's search (refused before the page, for every query parameter) is said on the
     * English error page as a page form says it, not as the API's "q: contains a NUL character (\u0000)";
     * and not as "cannot be stored": nothing is stored from a search, a date or a page's cursor.
     */
    @Test
    void aNulInTheContactsSearchIsSaidInThePagesWords() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String english = s.request().accept("text/html").urlEncodingEnabled(false).get("/contacts?q=%00")
                .then().statusCode(400).extract().asString();
        assertTrue(english.contains("This contains a NUL character (U+0000), which no search or filter can hold."), english);
        assertFalse(english.contains("stored"), english);
        assertFalse(english.contains("\\u0000"), english);
        for (String query : new String[] {"/reports/time?period=custom&from=%00", "/contacts?cursor=%00"}) {
            String page = s.request().accept("text/html").urlEncodingEnabled(false).get(query)
                    .then().statusCode(400).extract().asString();
            assertTrue(page.contains("which no search or filter can hold"), query + ": " + page);
            assertFalse(page.contains("stored"), query + ": " + page);
        }
        team.api().urlEncodingEnabled(false).get("/api/v1/contacts?q=Ro%00sa").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.is(
                        "contains a NUL character (\\u0000), which no query parameter may hold"));
        assertFalse(english.contains("<strong>q</strong>"), english);
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        String spanish = Session.logIn(team).request().accept("text/html").urlEncodingEnabled(false)
                .get("/contacts?q=%00").then().statusCode(400).extract().asString();
        assertTrue(spanish.contains("Contiene un carácter NUL (U+0000), que ninguna búsqueda ni filtro puede llevar."), spanish);
        assertFalse(spanish.contains("guardar"), spanish);
    }
}
