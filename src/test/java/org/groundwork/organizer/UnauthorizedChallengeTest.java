package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every 401 says how to authenticate (RFC 9110, WWW-Authenticate): a page's, the login form, by a
 * scheme of its own that no browser answers with its password dialog (never Basic); the API's, a
 * bearer token. The failed login's page and the token exchange's refusal had none.
 */
@QuarkusTest
class UnauthorizedChallengeTest {

    static final String PAGE = "FormLogin realm=\"Groundwork\"";
    static final String API = "Bearer realm=\"Groundwork\"";

    /**
     * A client address of this test's own for its wrong passwords (the test profile trusts
     * X-Forwarded-For): from 127.0.0.1 they would count towards the address's throttle, which every
     * other test's token requests share (LoginThrottleTest says the same).
     */
    private static String ownAddress() {
        return "10.79." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
    }

    @Test
    void aFailedLoginsPageNamesTheLoginForm() {
        TestTeam team = TestTeam.create();
        String address = ownAddress();
        String landing = given().redirects().follow(false).header("X-Forwarded-For", address)
                .formParam("email", team.adminEmail).formParam("password", "not the password")
                .post("/login").then().statusCode(anyOf(is(302), is(303))).extract().header("Location");
        given().redirects().follow(false).header("X-Forwarded-For", address).accept(ContentType.HTML).get(landing)
                .then().statusCode(401).header("WWW-Authenticate", PAGE)
                .contentType(startsWith("text/html"));
        // a plain visit is no refusal: no challenge
        given().redirects().follow(false).get("/login").then().statusCode(200)
                .header("WWW-Authenticate", (String) null);
    }

    /** htmx's 401 (a session that ended, LoginRedirect) is a page's too. */
    @Test
    void anHtmxRequestWithoutASessionNamesTheLoginForm() {
        given().redirects().follow(false).header("HX-Request", "true").get("/contacts")
                .then().statusCode(401).header("HX-Redirect", "/login").header("WWW-Authenticate", PAGE);
    }

    @Test
    void theApisRefusalsNameTheBearerToken() {
        TestTeam team = TestTeam.create();
        given().accept(ContentType.JSON).get("/api/v1/contacts")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", API);
        given().auth().oauth2("gw_not-a-token").accept(ContentType.JSON).get("/api/v1/contacts")
                .then().statusCode(401).header("WWW-Authenticate", API);
        // the token exchange's wrong password (a problem of the mapper's, thrown by the service)
        given().header("X-Forwarded-For", ownAddress()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("email", team.adminEmail, "password", "not the password", "name", "test"))
                .post("/api/v1/tokens")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", API).body("status", equalTo(401));
    }
}
