package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, bug 7: the messages a page shows were the validator's and the API's words ("must
 * not be null", "size must be between 8 and 200", "already is less-involved").
 */
@QuarkusTest
class PlainMessagesTest {

    static final List<String> FRAMEWORK_WORDS = List.of("must not be null", "must not be blank", "size must be between",
            "must be greater than", "must be less than", "well-formed", "already is ",
            "must not be before from");

    static void assertPlain(Response page) {
        page.then().statusCode(PageFormsTest.REFUSED);
        String html = page.asString();
        for (String words : FRAMEWORK_WORDS) {
            assertTrue(!html.contains(words), "the page says '" + words + "'");
        }
    }

    @Test
    void everyRefusalOnAPageReadsAsPlainEnglish() {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("fullName", "Lucy Parsons", "engagementLevel", "less-involved"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        s.open("/contacts/" + id);

        Response page = s.form().formParam("level", "less-involved").formParam("reason", "again")
                .post("/contacts/" + id + "/level");
        PageFormsTest.assertFieldError(page, 409, "level", "Their level is already less involved");
        assertPlain(page);

        page = s.form().formParam("fullName", "x".repeat(300)).formParam("engagementLevel", "new")
                .formParam("position", "base").formParam("email", "no-at-sign").post("/contacts");
        PageFormsTest.assertFieldError(page, "fullName", "Use at most 200 characters (this has 300)");
        PageFormsTest.assertFieldError(page, "email", "Enter an email address, like name@example.org");
        assertPlain(page);

        s.open("/works");
        page = s.form().formParam("name", " ").formParam("focus", "").formParam("mode", "building").post("/works");
        PageFormsTest.assertFieldError(page, "name", "Fill this in");
        PageFormsTest.assertFieldError(page, "focus", "Choose one");
        assertPlain(page);

        page = s.request().get("/reports/time?period=custom&from=2026-03-31&to=2026-03-01");
        PageFormsTest.assertFieldError(page, "to", "Must not be before the From date");
        assertPlain(page);
    }

    /** Issue 12, bug 1: a long house visit's notes are kept; over the limit they come back on the form, kept. */
    @Test
    void longTextIsKeptAndTooLongTextComesBackOnTheForm() {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("fullName", "Ella Baker")).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + id);
        String tooLong = "Long visit.".repeat(2291) + "!!!!"; // 25,205 characters
        Response page = s.form().formParam("contactId", id).formParam("summary", tooLong)
                .formParam("durationMinutes", "90").formParam("channel", "house-visit").post("/conversations");
        PageFormsTest.assertFieldError(page, "summary", "Use at most 20,000 characters (this has 25,205)");
        assertTrue(page.asString().contains(tooLong.trim()), "what was typed is on the form again");
        team.api().get("/api/v1/conversations").then().body("items.size()", org.hamcrest.Matchers.is(0));

        String full = "x".repeat(20_000);
        s.form().formParam("contactId", id).formParam("summary", full).formParam("durationMinutes", "90")
                .formParam("channel", "house-visit").post("/conversations").then().statusCode(303);
        team.api().get("/api/v1/conversations").then().body("items[0].summary.length()", org.hamcrest.Matchers.is(20_000));

        s.open("/contacts/" + id);
        String reason = "r".repeat(3000);
        page = s.form().formParam("level", "cadre").formParam("reason", reason).post("/contacts/" + id + "/level");
        page.then().statusCode(400);
        assertTrue(page.asString().contains(reason), "the reason typed is on the form again");
        assertTrue(page.asString().contains("Use at most 2,000 characters (this has 3,000)"), "a message says the limit");
    }
}
