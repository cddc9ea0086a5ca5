package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input on each page's form: a readable message next to the field, and nothing saved. */
@QuarkusTest
class PageFormsTest {

    static String contact(TestTeam team, String name) {
        return team.api().body(Map.of("fullName", name)).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    static void assertFieldError(Response page, String field, String text) {
        page.then().statusCode(200);
        String html = page.asString();
        int at = html.indexOf("id=\"f-" + field + "-error\"");
        assertTrue(at > 0, "a message next to " + field + " in:\n" + html);
        assertTrue(html.substring(at, html.indexOf("</p>", at)).contains(text),
                "the message next to " + field + " says '" + text + "'");
        assertTrue(html.contains("aria-describedby=\"f-" + field + "-error\""), "the field points at its message");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        Session s = Session.logIn(TestTeam.create());
        for (String path : new String[]{"/", "/contacts", "/contacts/new", "/login"}) {
            s.request().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "same-origin");
        }
        // htmx comes from the webjar, not from a CDN
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void setupIsClosedOnceSomeoneCanLogIn() {
        TestTeam.setup();
        given().redirects().follow(false).get("/setup").then().statusCode(303)
                .header("Location", containsString("/login"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/new");
        s.request().contentType("application/x-www-form-urlencoded")
                .formParam("fullName", "Forged Person").formParam("engagementLevel", "new").formParam("position", "base")
                .post("/contacts")
                .then().statusCode(400);
        team.api().get("/api/v1/contacts").then().body("items", hasSize(0));
    }

    @Test
    void anEmptyNameIsRefusedNextToTheField() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/new");
        Response page = s.form().formParam("fullName", "  ").formParam("engagementLevel", "new")
                .formParam("position", "base").post("/contacts");
        assertFieldError(page, "fullName", "must not be blank");
        team.api().get("/api/v1/contacts").then().body("items", hasSize(0));
    }

    @Test
    void aContactIsAddedAndShown() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/new");
        String location = s.form().formParam("fullName", "Lucy Parsons").formParam("engagementLevel", "cadre")
                .formParam("position", "base").formParam("tags", "night shift, nurses").post("/contacts")
                .then().statusCode(303).extract().header("Location");
        s.request().get(location).then().statusCode(200).body(containsString("Lucy Parsons"));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(1))
                .body("items[0].engagementLevel", equalTo("cadre"))
                .body("items[0].tags", hasSize(2));
    }

    @Test
    void aNegativeDurationIsRefusedNextToTheField() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Mother Jones");
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + id);
        Response page = s.form().formParam("contactId", id).formParam("summary", "Talked")
                .formParam("durationMinutes", "-5").formParam("channel", "phone").post("/conversations");
        assertFieldError(page, "durationMinutes", "must be greater than or equal to 1");
        assertTrue(page.asString().contains("Talked"), "what was typed stays in the form");
        team.api().get("/api/v1/conversations").then().body("items", hasSize(0));
    }

    @Test
    void aNextStepDateThatIsNotADateIsRefusedNextToTheField() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Joe Hill");
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + id);
        Response page = s.form().formParam("contactId", id).formParam("durationMinutes", "10")
                .formParam("channel", "phone").formParam("nextStepDueOn", "next tuesday")
                .formParam("nextStepPurpose", "Call back").post("/conversations");
        assertFieldError(page, "nextStepDueOn", "Enter a date like");
        team.api().get("/api/v1/conversations").then().body("items", hasSize(0));
        team.api().get("/api/v1/followups").then().body("items", hasSize(0));
    }

    @Test
    void aNextStepWithoutAPurposeIsRefusedNextToTheField() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Big Bill");
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + id);
        Response page = s.form().formParam("contactId", id).formParam("durationMinutes", "10")
                .formParam("channel", "phone").formParam("nextStepDueOn", "2030-01-01").post("/conversations");
        assertFieldError(page, "nextStepPurpose", "must not be blank");
        team.api().get("/api/v1/conversations").then().body("items", hasSize(0));
    }

    @Test
    void aLevelChangeToTheSameLevelIsRefusedNextToTheField() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Emma Goldman");
        Session s = Session.logIn(team);
        s.open("/contacts/" + id);
        Response page = s.form().formParam("level", "new").formParam("reason", "no change").post("/contacts/" + id + "/level");
        assertFieldError(page, "level", "already is new");
    }

    @Test
    void followUpsAreDoneDroppedAndRescheduledFromToday() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Cesar Chavez");
        String first = team.api().body(Map.of("contactId", id, "dueOn", "2020-01-01", "purpose", "One"))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        String second = team.api().body(Map.of("contactId", id, "dueOn", "2020-01-02", "purpose", "Two"))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        s.open("/");
        s.form().post("/followups/" + first + "/done").then().statusCode(303);
        Response bad = s.form().formParam("dueOn", "soon").post("/followups/" + second + "/reschedule");
        bad.then().statusCode(200).body(containsString("Enter a date like"));
        s.form().formParam("dueOn", "2031-03-04").post("/followups/" + second + "/reschedule").then().statusCode(303);
        team.api().get("/api/v1/followups/" + first).then().body("status", equalTo("done"));
        team.api().get("/api/v1/followups/" + second).then().body("dueOn", equalTo("2031-03-04"));
        s.form().post("/followups/" + second + "/drop").then().statusCode(303);
        team.api().get("/api/v1/followups/" + second).then().body("status", equalTo("dropped"));
    }
}
