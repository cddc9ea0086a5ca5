package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first-run setup page, on an app that nobody has set up: its own profile restarts the app
 * with the test resources, so it gets a fresh, empty database (Quarkus runs profiled test
 * classes after the others, which keep their shared database).
 */
@QuarkusTest
@TestProfile(FirstRunTest.Empty.class)
class FirstRunTest {

    /** No overrides: the point is the restart on a new, empty database. */
    public static class Empty implements QuarkusTestProfile {
    }

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void theSetupPageCreatesTheFirstTeamAndItsAdminOnce() {
        given().get("/login").then().statusCode(200).body(containsString("href=\"/setup\""));
        Response page = given().get("/setup");
        page.then().statusCode(200).body(containsString("Create team"));
        String cookie = page.getCookie("csrf-token");
        Matcher m = TOKEN.matcher(page.asString());
        assertTrue(m.find(), "the setup form carries a CSRF token");
        String token = m.group(1);

        // bad input: a message next to each field, and still nobody can log in
        Response bad = setup(cookie, token, "Eastside Tenants", "Ana", "not-an-email", "short", "Mars/Olympus");
        PageFormsTest.assertFieldError(bad, "password", "Use 8 to 200 characters (this has 5)");
        bad = setup(cookie, token, "Eastside Tenants", "Ana", "ana@example.org", "solidarity-forever", "Mars/Olympus");
        PageFormsTest.assertFieldError(bad, "timeZone", "is not a time zone");
        bad.then().body(containsString("value=\"ana@example.org\""));
        bad = setup(cookie, token, " ", "Ana", "ana@example.org", "solidarity-forever", "");
        PageFormsTest.assertFieldError(bad, "teamName", "Fill this in");
        given().get("/login").then().body(containsString("href=\"/setup\""));

        String created = setup(cookie, token, "Eastside Tenants", "Ana", "ana@example.org", "solidarity-forever",
                "America/New_York").then().statusCode(303).header("Location", containsString("/login?created=1"))
                .extract().header("Location");
        // the login page they land on says the team is made (it said nothing: had it worked?)
        given().get(created).then().statusCode(200)
                .body(containsString("Your team is created, and you are its admin."));
        given().header("Accept-Language", "es").get(created).then().statusCode(200)
                .body(containsString("Tu equipo está creado"));
        given().get("/login").then().body(not(containsString("Your team is created")));

        // the admin logs in and lands on Today
        Response login = given().redirects().follow(false).formParam("email", "ana@example.org")
                .formParam("password", "solidarity-forever").post("/login");
        String credential = login.getCookie("quarkus-credential");
        assertNotNull(credential, "the new admin can log in");
        given().cookie("quarkus-credential", credential).get("/").then().statusCode(200)
                .body(containsString("Today"));
        // the page showed no API token, so it made none: one would sit in their list unseen (and usable)
        given().cookie("quarkus-credential", credential).accept("application/json").get("/api/v1/tokens")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().cookie("quarkus-credential", credential).get("/settings").then().statusCode(200)
                .body(not(containsString("<strong>setup</strong>")));

        // setup is closed now: the page and a second post go to the login page, no second team
        given().redirects().follow(false).get("/setup").then().statusCode(303)
                .header("Location", containsString("/login"));
        String told = setup(cookie, token, "Other Team", "Eve", "eve@example.org", "take-it-over", "UTC")
                .then().statusCode(303).header("Location", containsString("/login"))
                .header("Location", not(containsString("created"))).extract().header("Location");
        // said there (a walk: a bare redirect, as if the setup had gone through)
        given().get(told).then().statusCode(200)
                .body(containsString("Groundwork is set up already, so nothing was set up"));
        // the API says it before it reads the fields: a short password is not what is wrong (a walk)
        given().contentType("application/json").body(java.util.Map.of("teamName", "Other", "email", "eve@example.org",
                        "displayName", "Eve", "password", "x")).post("/api/v1/setup").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.is("Groundwork is already set up; log in instead"));
        given().redirects().follow(false).formParam("email", "eve@example.org").formParam("password", "take-it-over")
                .post("/login").then().header("Location", containsString("error"));
        given().get("/login").then().body(not(containsString("href=\"/setup\"")));
    }

    private static Response setup(String cookie, String token, String team, String name, String email,
                                  String password, String timeZone) {
        return given().redirects().follow(false).cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("teamName", team).formParam("displayName", name)
                .formParam("email", email).formParam("password", password).formParam("timeZone", timeZone)
                .post("/setup");
    }
}
