package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class AccountsTest {

    @Test
    void setupCreatesTheFirstTeamAndAdminOnlyOnce() {
        var setup = TestTeam.setup();
        org.junit.jupiter.api.Assertions.assertEquals("admin", setup.getString("organizer.role"));
        org.junit.jupiter.api.Assertions.assertTrue(setup.getString("token").startsWith("gw_"));
        given().contentType(ContentType.JSON)
                .body(Map.of("teamName", "Again", "email", "again@groundwork.test", "displayName", "A", "password", "longenough"))
                .post("/api/v1/setup")
                .then().statusCode(409).contentType("application/problem+json").body("status", is(409));
    }

    /** An organizer's name is stored as it looks, as people's are (the walk: a pasted no-break space was kept). */
    @Test
    void anOrganizersNameIsStoredAsItLooks() {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("email", "dana-" + TestTeam.unique() + "@groundwork.test",
                        "displayName", " Dana\u00A0 Diaz\u200B", "role", "organizer", "password", TestTeam.PASSWORD))
                .post("/api/v1/organizers").then().statusCode(201).body("displayName", is("Dana Diaz")).extract().path("id");
        team.api().body(Map.of("displayName", "Dana\tMaría  Díaz")).patch("/api/v1/organizers/" + id)
                .then().statusCode(200).body("displayName", is("Dana María Díaz"));
        team.api().body(Map.of("displayName", "\u200B")).patch("/api/v1/organizers/" + id)
                .then().statusCode(400).body("errors[0].field", is("displayName"));
    }

    /** A team's name is read as every other name is (the walk: an accent alone, U+FFFF, were stored as one). */
    @Test
    void aTeamsNameIsStoredAsItLooks() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("name", " Eastside\u00A0 Tenants\u200B")).patch("/api/v1/team").then().statusCode(200)
                .body("name", is("Eastside Tenants"));
        for (String nothing : new String[] {"\u0301", "\uFFFF", "\uE000", "\u00A0"}) {
            team.api().body(Map.of("name", nothing)).patch("/api/v1/team").then().statusCode(400)
                    .body("errors[0].field", is("name"));
        }
        team.api().get("/api/v1/me").then().body("team.name", is("Eastside Tenants"));
        given().auth().oauth2(TestTeam.instanceToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "\uFFFF", "admin", Map.of("email", "t-" + TestTeam.unique() + "@groundwork.test",
                        "displayName", "Tess", "password", TestTeam.PASSWORD)))
                .post("/api/v1/teams").then().statusCode(400).body("errors[0].field", is("name"));
        // a new team's admin is an admin: another role sent for them is refused, not taken and ignored (admin is taken)
        given().auth().oauth2(TestTeam.instanceToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Roles " + TestTeam.unique(), "admin", Map.of("email", "r-" + TestTeam.unique() + "@groundwork.test",
                        "displayName", "Rae", "role", "organizer", "password", TestTeam.PASSWORD)))
                .post("/api/v1/teams").then().statusCode(400).body("errors[0].field", is("admin.role"))
                .body("errors[0].message", is("a new team's first organizer is its admin: leave role out, or send admin"));
    }

    @Test
    void meAnswersTheCallerAndTheirTeam() {
        TestTeam team = TestTeam.create("Europe/Berlin");
        team.api().get("/api/v1/me").then().statusCode(200)
                .body("organizer.id", is(team.adminId))
                .body("organizer.email", is(team.adminEmail))
                .body("organizer.role", is("admin"))
                .body("team.id", is(team.teamId))
                .body("team.timeZone", is("Europe/Berlin"))
                .body("team.heatWindowDays", is(2))
                .body("team.coolingDays", is(21));
    }

    @Test
    void withoutTokenTheApiAnswers401Problem() {
        given().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("title", is("Unauthorized"));
        given().auth().oauth2("gw_not-a-real-token").get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        TestTeam team = TestTeam.create();
        // an address of its own (trusted in tests): wrong passwords from 127.0.0.1 count towards the
        // throttle every other test's token requests share
        String address = "10.80." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
        String wrongPassword = given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", team.adminEmail, "password", "wrong password", "name", "x"))
                .post("/api/v1/tokens").then().statusCode(401).extract().body().asString();
        String unknownEmail = given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", "nobody-" + TestTeam.unique() + "@groundwork.test", "password", "wrong password", "name", "x"))
                .post("/api/v1/tokens").then().statusCode(401).extract().body().asString();
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknownEmail);
    }

    @Test
    void tokensAreListedAndRevocable() {
        TestTeam team = TestTeam.create();
        String second = given().contentType(ContentType.JSON)
                .body(Map.of("email", team.adminEmail, "password", TestTeam.PASSWORD, "name", "laptop script"))
                .post("/api/v1/tokens").then().statusCode(201)
                .header("Location", containsString("/api/v1/tokens/"))
                .body("name", is("laptop script")).extract().path("token");
        String secondId = given().auth().oauth2(second).get("/api/v1/tokens").then().statusCode(200)
                .body("items.name", hasItems("test", "laptop script"))
                .body("items[0].token", nullValue())
                .extract().path("items.find { it.name == 'laptop script' }.id");
        given().auth().oauth2(second).get("/api/v1/me").then().statusCode(200);
        team.api().delete("/api/v1/tokens/" + secondId).then().statusCode(204);
        given().auth().oauth2(second).get("/api/v1/me").then().statusCode(401);
        team.api().delete("/api/v1/tokens/" + secondId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemWithFields() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("email", "not-an-email", "displayName", "", "role", "boss", "password", "short"))
                .post("/api/v1/organizers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("role"));
        team.api().body(Map.of("email", "not-an-email", "displayName", "", "password", "short"))
                .post("/api/v1/organizers").then().statusCode(400)
                .body("errors.field", hasItems("email", "displayName", "password"));
        team.api().body("{not json").post("/api/v1/organizers").then().statusCode(400)
                .contentType("application/problem+json");
        team.api().contentType(ContentType.TEXT).body("hello").post("/api/v1/organizers").then().statusCode(415)
                .contentType("application/problem+json");
        team.api().post("/api/v1/organizers").then().statusCode(400).contentType("application/problem+json");
        for (String offset : java.util.List.of("+02:00", "UTC+2", "GMT-05:00", "Z")) {
            team.api().body(Map.of("timeZone", offset)).patch("/api/v1/team").then().statusCode(400)
                    .body("errors[0].field", is("timeZone"));
        }
        team.api().body(Map.of("timeZone", "Mars/Olympus")).patch("/api/v1/team").then().statusCode(400)
                .body("errors[0].field", is("timeZone"));
        team.api().body(Map.of("heatWindowDays", -1)).patch("/api/v1/team").then().statusCode(400)
                .body("errors[0].field", is("heatWindowDays"));
        team.api().get("/api/v1/team").then().body("heatWindowDays", is(2)).body("timeZone", is("UTC"));
        // a name typed in another case is the one name it can be (the walk: "america/new_york" was refused)
        team.api().body(Map.of("timeZone", " america/new_york ")).patch("/api/v1/team").then().statusCode(200)
                .body("timeZone", is("America/New_York"));
    }

    @Test
    void adminsManageOrganizersAndOthersCannot() {
        TestTeam team = TestTeam.create();
        var organizer = team.member("organizer");
        var coordinator = team.member("coordinator");
        organizer.api().body(Map.of("email", "x-" + TestTeam.unique() + "@groundwork.test", "displayName", "X", "password", "longenough"))
                .post("/api/v1/organizers").then().statusCode(403).contentType("application/problem+json");
        coordinator.api().body(Map.of("heatWindowDays", 3)).patch("/api/v1/team").then().statusCode(403);
        team.api().get("/api/v1/organizers").then().statusCode(200).body("items", hasSize(3));
        String etag = team.api().get("/api/v1/organizers/" + organizer.id()).then().statusCode(200)
                .extract().header("ETag");
        team.api().header("If-Match", etag).body(Map.of("role", "coordinator"))
                .patch("/api/v1/organizers/" + organizer.id()).then().statusCode(200).body("role", is("coordinator"));
        team.api().header("If-Match", etag).body(Map.of("role", "admin"))
                .patch("/api/v1/organizers/" + organizer.id()).then().statusCode(412)
                .contentType("application/problem+json");
        team.api().body(Map.of("role", "organizer")).patch("/api/v1/organizers/" + team.adminId)
                .then().statusCode(409);
        team.api().body(Map.of("email", organizer.email().toUpperCase(), "displayName", "Dup", "password", "longenough"))
                .post("/api/v1/organizers").then().statusCode(409);
        team.api().body(Map.of("heatWindowDays", 3, "coolingDays", 14, "timeZone", "America/New_York"))
                .patch("/api/v1/team").then().statusCode(200)
                .body("heatWindowDays", is(3)).body("coolingDays", is(14)).body("timeZone", is("America/New_York"));
    }

    @Test
    void onlyTheInstanceAdminCreatesTeams() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("name", "Mine", "admin", Map.of("email", "y@groundwork.test", "displayName", "Y", "password", "longenough")))
                .post("/api/v1/teams").then().statusCode(403);
    }

    @Test
    void formLoginSetsAnHttpOnlySessionCookieThatTheApiAccepts() {
        TestTeam team = TestTeam.create();
        var login = given().redirects().follow(false)
                .formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD)
                .post("/login").then().statusCode(302).extract();
        var cookie = login.detailedCookie("quarkus-credential");
        org.junit.jupiter.api.Assertions.assertNotNull(cookie, "session cookie set");
        org.junit.jupiter.api.Assertions.assertTrue(cookie.isHttpOnly(), "session cookie is HttpOnly");
        org.junit.jupiter.api.Assertions.assertFalse(cookie.getValue().contains(team.adminId),
                "the cookie is encrypted, not the plain organizer id");
        given().cookie("quarkus-credential", cookie.getValue()).get("/api/v1/me")
                .then().statusCode(200).body("organizer.id", is(team.adminId));
        // a logged-in session may create a token without sending the password again, sending back the security
        // token of its pages' CSRF cookie as any write on the cookie does (the cookie's value, tokens being unsigned)
        String csrf = given().cookie("quarkus-credential", cookie.getValue()).get("/").then().statusCode(200)
                .extract().cookie("csrf-token");
        given().cookie("quarkus-credential", cookie.getValue()).contentType(ContentType.JSON)
                .body(Map.of("name", "without it")).post("/api/v1/tokens")
                .then().statusCode(403).contentType("application/problem+json");
        given().cookie("quarkus-credential", cookie.getValue()).cookie("csrf-token", csrf).header("X-CSRF-TOKEN", csrf)
                .contentType(ContentType.JSON).body(Map.of("name", "from the browser")).post("/api/v1/tokens")
                .then().statusCode(201).body("token", startsWith("gw_"));
        // a token may not: a leaked one could otherwise leave a spare that outlives its revocation
        int tokens = team.api().get("/api/v1/tokens").then().statusCode(200).extract().path("items.size()");
        team.api().body(Map.of("name", "a spare")).post("/api/v1/tokens")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("A token cannot create another token"));
        team.api().get("/api/v1/tokens").then().body("items.size()", is(tokens));
    }

    /** A NUL in the login form's email names no account: a failed login like any other, never a 500. */
    @Test
    void aNulInTheLoginEmailIsAFailedLogin() {
        TestTeam team = TestTeam.create();
        String address = "10.80." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
        String landing = given().redirects().follow(false).header("X-Forwarded-For", address)
                .formParam("email", team.adminEmail.replace("@", "\u0000@")).formParam("password", TestTeam.PASSWORD)
                .post("/login").then().statusCode(anyOf(is(302), is(303)))
                .header("Location", containsString("/login?error")).extract().header("Location");
        given().redirects().follow(false).header("X-Forwarded-For", address).get(landing)
                .then().statusCode(401).contentType(containsString("text/html"));
    }

    @Test
    void wrongLoginGoesBackToTheLoginPageWithoutACookie() {
        TestTeam team = TestTeam.create();
        var login = given().redirects().follow(false)
                .header("X-Forwarded-For", "10.80." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1))
                .formParam("email", team.adminEmail).formParam("password", "not the password")
                .post("/login").then().statusCode(anyOf(is(302), is(303)))
                .header("Location", containsString("/login?error")).extract();
        org.junit.jupiter.api.Assertions.assertNull(login.cookie("quarkus-credential"));
        given().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Email"), containsString("Password"), containsString("Log in"));
    }

    @Test
    void theLoginPageShowsTheEmailTypedAgainAfterAWrongPasswordOnce() {
        TestTeam team = TestTeam.create();
        var failed = given().redirects().follow(false)
                .formParam("email", team.adminEmail).formParam("password", "not the password")
                .post("/login").then().statusCode(anyOf(is(302), is(303))).extract();
        // kept beside the redirect, not in it: a URL lands in access logs and the browser's history
        org.junit.jupiter.api.Assertions.assertFalse(failed.header("Location").contains("@"), failed.header("Location"));
        io.restassured.http.Cookie kept = failed.detailedCookie("gw-login-email");
        org.junit.jupiter.api.Assertions.assertNotNull(kept, "the failed login keeps the email typed");
        org.junit.jupiter.api.Assertions.assertTrue(kept.isHttpOnly() && "/login".equals(kept.getPath()), kept.toString());

        var page = given().cookie("gw-login-email", kept.getValue()).get("/login?error=1")
                .then().statusCode(401).body(containsString("value=\"" + team.adminEmail + "\""))
                .extract();
        // shown once: the page clears it
        org.junit.jupiter.api.Assertions.assertEquals(0, page.detailedCookie("gw-login-email").getMaxAge());
        // only after a failure: a page reached otherwise shows an empty form
        given().cookie("gw-login-email", kept.getValue()).get("/login")
                .then().statusCode(200).body(not(containsString(team.adminEmail)));
        // what a hand-made cookie holds is drawn as text, never as markup
        given().cookie("gw-login-email", "%22%3E%3Cscript%3Ex%3C%2Fscript%3E").get("/login?error=1")
                .then().statusCode(401).body(not(containsString("<script>x")));
    }

    /**
     * Refused input is a 4xx on the page that says why, with what was typed kept: a wrong password
     * lands (by form authentication's redirect) on the login page as a 401, its message and the
     * email typed on it. A visit to the login page is no refusal.
     */
    @Test
    void aWrongPasswordLandsOnTheLoginPageAsA401WithItsMessageAndTheEmailTyped() {
        TestTeam team = TestTeam.create();
        var failed = given().redirects().follow(false)
                .formParam("email", team.adminEmail).formParam("password", "not the password")
                .post("/login").then().statusCode(anyOf(is(302), is(303))).extract();
        String landing = failed.header("Location");
        given().redirects().follow(false).cookie("gw-login-email", failed.cookie("gw-login-email"))
                .get(landing.substring(landing.indexOf("/login"))).then().statusCode(401)
                .contentType(containsString("text/html"))
                .body(containsString("Wrong email or password."), containsString("value=\"" + team.adminEmail + "\""),
                        containsString("name=\"password\""));
        // as a browser goes: the post, then the page it is sent to
        given().formParam("email", team.adminEmail).formParam("password", "not the password again")
                .post("/login").then().statusCode(401).body(containsString("Wrong email or password."));
        given().get("/login").then().statusCode(200).body(not(containsString("Wrong email or password.")));
    }

    @Test
    void aTokenRequestWithoutCredentialsOrSessionIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/v1/tokens")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("email", "a@b.c", "password", "whatever1"))
                .post("/api/v1/tokens").then().statusCode(400).body("errors.field", hasItem("name"));
    }
}
