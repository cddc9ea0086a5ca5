package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * A browser meets errors as pages in the layout, with the same status as the API's problem;
 * clients that ask for JSON keep problem+json.
 */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void aNulCharacterInAFormIsRefusedOnAPageAndNothingIsStored() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/new");
        s.form().accept("text/html").formParam("fullName", "Rosa\u0000Parks").formParam("engagementLevel", "new")
                .post("/contacts")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("fullName")).body(containsString("NUL"));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(0));
    }

    @Test
    void errorsABrowserCanReachArePagesAndJsonClientsKeepProblems() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String unknown = UUID.randomUUID().toString();
        s.request().accept("text/html").get("/contacts/" + unknown).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("<main")).body(containsString("Today"));
        s.request().accept("text/html").get("/logout").then().statusCode(405)
                .contentType(containsString("text/html")).body(containsString("<main"));
        s.request().accept("text/html").get("/no-such-page").then().statusCode(404).contentType(containsString("text/html"));
        // the API and clients asking for JSON keep problem+json
        team.api().get("/api/v1/contacts/" + unknown).then().statusCode(404).contentType("application/problem+json");
        s.request().accept("application/json").get("/no-such-page").then().statusCode(404)
                .contentType("application/problem+json");
        s.request().accept("application/json").get("/contacts/" + unknown).then().statusCode(406)
                .contentType("application/problem+json");
    }

    /** Issue 12, bug 6: /setup while logged in showed a bare login form. */
    @Test
    void setupSendsALoggedInOrganizerToTodayAndOthersToTheLoginPage() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.request().get("/setup").then().statusCode(303).header("Location", endsWith("/"))
                .header("Location", not(containsString("login")));
        // the app is set up (the test teams exist): a visitor who is not logged in logs in
        given().redirects().follow(false).get("/setup").then().statusCode(303)
                .header("Location", endsWith("/login"));
    }
}
