package org.groundwork.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** Logins, failed logins, logouts and password changes leave events in the trail, without the email. */
@QuarkusTest
class LoginAuditTest {

    @Test
    void loginFailedLoginLogoutAndPasswordChangeAreInTheTrail() {
        TestTeam team = TestTeam.create();
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));
        given().header("X-Forwarded-For", address).redirects().follow(false)
                .formParam("email", team.adminEmail).formParam("password", "wrong password")
                .post("/login").then().statusCode(anyOf(is(302), is(303)));
        Response login = given().header("X-Forwarded-For", address).redirects().follow(false)
                .formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD).post("/login");
        String cookie = login.getCookie("quarkus-credential");

        team.api().queryParam("kind", "login-failed").get("/api/v1/audit").then().statusCode(200)
                .body("items.entityId", hasItem(team.adminId)).body("items[0].organizerId", nullValue());
        team.api().queryParam("kind", "login").get("/api/v1/audit").then().statusCode(200)
                .body("items.organizerId", hasItem(team.adminId));

        Response settings = given().cookie("quarkus-credential", cookie).get("/settings");
        settings.then().statusCode(200);
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(settings.asString());
        org.junit.jupiter.api.Assertions.assertTrue(m.find());
        String csrfCookie = settings.getCookie("csrf-token");
        given().redirects().follow(false).cookie("quarkus-credential", cookie)
                .cookie("csrf-token", csrfCookie == null ? "" : csrfCookie)
                .formParam("csrf-token", m.group(1)).post("/logout").then().statusCode(anyOf(is(302), is(303)));
        team.api().queryParam("kind", "logout").get("/api/v1/audit").then().statusCode(200)
                .body("items.organizerId", hasItem(team.adminId));

        String trail = team.api().get("/api/v1/audit?limit=100").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(trail.contains(team.adminEmail), "no email in the trail");
    }
}
