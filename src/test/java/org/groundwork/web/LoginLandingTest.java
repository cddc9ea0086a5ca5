package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.groundwork.support.RawHttp;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a login lands: on the page first asked for (a bookmark opened while logged out), also
 * after the second factor, and never on another site; someone logged in is not shown the form;
 * a login post whose body cannot be read is a readable 400, not an empty 200.
 */
@QuarkusTest
class LoginLandingTest {

    private static final String RETURN = "gw-return";

    private static Response logIn(TestTeam team, String returnCookie) {
        var post = given().redirects().follow(false);
        if (returnCookie != null) {
            post.cookie(RETURN, returnCookie);
        }
        return post.formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD).post("/login");
    }

    /** The path of a redirect's Location, whether the server wrote it absolute or not. */
    private static String landing(Response r) {
        String location = r.header("Location");
        assertNotNull(location, "a redirect");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void aBookmarkOpenedWhileLoggedOutIsWhereTheLoginLands() {
        TestTeam team = TestTeam.create();
        Response asked = given().redirects().follow(false).accept(ContentType.HTML).get("/contacts?q=Rosa&level=active");
        asked.then().statusCode(303).header("Location", endsWith("/login"));
        io.restassured.http.Cookie kept = asked.detailedCookie(RETURN);
        assertNotNull(kept, "the page asked for is remembered beside the redirect");
        assertTrue(kept.isHttpOnly() && "/login".equals(kept.getPath()) && kept.getMaxAge() > 0, kept.toString());

        Response login = logIn(team, kept.getValue());
        login.then().statusCode(302);
        assertEquals("/contacts?q=Rosa&level=active", landing(login));
        assertNotNull(login.getCookie("quarkus-credential"), "logged in");
        assertEquals(0, login.detailedCookie(RETURN).getMaxAge(), "used once: cleared");

        // no page asked for: Today, as before
        assertEquals("/", landing(logIn(team, null)));
        // a form's post is not repeated after the login, and htmx's fragments are not pages
        assertNull(given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("fullName", "Rosa").post("/contacts").then().extract().detailedCookie(RETURN));
        assertNull(given().redirects().follow(false).header("HX-Request", "true").get("/contacts")
                .then().statusCode(401).header("HX-Redirect", "/login").extract().detailedCookie(RETURN));
        // nor is an image or a script's fetch from a page whose session ended; a navigation is
        assertNull(given().redirects().follow(false).header("Sec-Fetch-Dest", "image").header("Sec-Fetch-Mode", "no-cors")
                .get("/contacts").then().statusCode(303).extract().detailedCookie(RETURN));
        assertNull(given().redirects().follow(false).header("Sec-Fetch-Dest", "empty").header("Sec-Fetch-Mode", "cors")
                .get("/contacts").then().statusCode(303).extract().detailedCookie(RETURN));
        assertNotNull(given().redirects().follow(false).accept(ContentType.HTML).header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Mode", "navigate").get("/contacts").then().statusCode(303).extract().detailedCookie(RETURN));
    }

    @Test
    void theLoginNeverLandsOnAnotherSite() {
        TestTeam team = TestTeam.create();
        // what a hand-made (or planted) cookie may hold: each spelling of another host, sent encoded as the
        // server writes the cookie, and as it is
        List<String> values = new java.util.ArrayList<>();
        for (String hostile : List.of("//evil.example", "https://evil.example", "/\\evil", "/\\/evil.example",
                "http:evil.example", "///evil.example", "/ok\r\nLocation: //evil.example", "javascript:alert(1)",
                "evil.example", "/\tevil", "/" + "a".repeat(3000))) {
            values.add(URLEncoder.encode(hostile, StandardCharsets.UTF_8));
        }
        values.addAll(List.of("//evil.example", "https://evil.example", "/%5Cevil", "%2F%2Fevil.example",
                "/%0D%0A//evil.example", "http:evil.example", "///evil.example", "%"));
        for (String value : values) {
            Response login = logIn(team, value);
            login.then().statusCode(302);
            assertEquals("/", landing(login), value);
            assertThat(login.header("Location"), not(containsString("evil")));
        }
        // nor does Quarkus's own location cookie lead anywhere: it was followed after a success, its host
        // checked alone, a mismatch logged at ERROR and answered 401, one that is no URI a 500
        String here = "http://localhost:" + io.restassured.RestAssured.port;
        var errors = RawHttp.severeDuring(() -> {
            for (String value : List.of("https://evil.example/", "/\\evil", here + "//evil.example", "%zz")) {
                Response login = given().redirects().follow(false).cookie("quarkus-redirect-location", value)
                        .formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD).post("/login");
                login.then().statusCode(302).cookie("quarkus-credential", notNullValue());
                assertEquals("/", landing(login), value);
            }
        });
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        // a path that only looks like another host: the login page is where it goes, with nothing to follow
        for (String path : List.of("//evil.example/contacts", "/\\evil.example/contacts", "/%5Cevil.example")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n");
            assertFalse(answer.toLowerCase(java.util.Locale.ROOT).contains("gw-return=%2f%2f")
                    || answer.toLowerCase(java.util.Locale.ROOT).contains("gw-return=%2f%5c"), path + ": " + answer);
        }
    }

    @Test
    void withTwoFactorTheBookmarkWaitsForTheCode() {
        TestTeam team = TestTeam.create();
        TwoFactorTest.Enrolled enrolled = TwoFactorTest.enrol(Session.logIn(team));
        String kept = given().redirects().follow(false).accept(ContentType.HTML).get("/contacts?q=Ana")
                .then().statusCode(303).extract().cookie(RETURN);
        assertNotNull(kept);

        // the password opens a session that waits for the code; the page asked for waits too
        Response password = logIn(team, kept);
        password.then().statusCode(302);
        assertNull(password.detailedCookie(RETURN), "not cleared before the code");
        Session s = Session.of(password.getCookie("quarkus-credential"));
        TwoFactorTest.assertWaitsForTheCode(s);
        s.open("/login/code");
        s.form().cookie(RETURN, kept).formParam("code", enrolled.recoveryCodes().get(0)).post("/login/code")
                .then().statusCode(303).header("Location", endsWith("/contacts?q=Ana"))
                .cookie(RETURN, io.restassured.matcher.RestAssuredMatchers.detailedCookie().maxAge(0));
        s.request().get("/contacts").then().statusCode(200);

        // without one, the code lands on Today; a hostile one is ignored there too
        Session other = Session.of(logIn(team, null).getCookie("quarkus-credential"));
        other.open("/login/code");
        other.form().cookie(RETURN, "%2F%2Fevil.example").formParam("code", enrolled.recoveryCodes().get(1))
                .post("/login/code").then().statusCode(303).header("Location", not(containsString("evil")))
                .header("Location", endsWith("/"));
    }

    /**
     * A team that requires two-factor login sends someone not enrolled yet through the enrolment
     * first; its "Continue" leads to the page first asked for (it led to Today, the bookmark lost).
     */
    @Test
    void whenTheTeamRequiresTwoFactorTheBookmarkWaitsForTheEnrolment() {
        TestTeam team = TestTeam.create();
        team.api().body(java.util.Map.of("twoFactorRequired", true)).patch("/api/v1/team").then().statusCode(200);
        String kept = given().redirects().follow(false).accept(ContentType.HTML).get("/contacts?q=Ana")
                .then().statusCode(303).extract().cookie(RETURN);
        assertNotNull(kept);

        Response password = logIn(team, kept);
        password.then().statusCode(302);
        assertNull(password.detailedCookie(RETURN), "not cleared before the enrolment");
        Session s = Session.of(password.getCookie("quarkus-credential"));
        s.request().accept(ContentType.HTML).get("/contacts").then().statusCode(303)
                .header("Location", endsWith("/settings/two-factor"));
        // the enrolment's way on is not open before it is done
        s.request().accept(ContentType.HTML).cookie(RETURN, kept).get("/login/continue").then().statusCode(303)
                .header("Location", endsWith("/settings/two-factor"));
        TwoFactorTest.enrol(s);
        s.request().accept(ContentType.HTML).cookie(RETURN, kept).get("/login/continue").then().statusCode(303)
                .header("Location", endsWith("/contacts?q=Ana"))
                .cookie(RETURN, io.restassured.matcher.RestAssuredMatchers.detailedCookie().maxAge(0));
        s.request().get("/contacts").then().statusCode(200);

        // without a page remembered (or a hostile one): Today; logged out: the login form
        s.request().accept(ContentType.HTML).get("/login/continue").then().statusCode(303).header("Location", endsWith("/"));
        s.request().accept(ContentType.HTML).cookie(RETURN, "%2F%2Fevil.example").get("/login/continue")
                .then().statusCode(303).header("Location", not(containsString("evil")));
        given().redirects().follow(false).accept(ContentType.HTML).get("/login/continue").then().statusCode(303)
                .header("Location", endsWith("/login"));
    }

    @Test
    void someoneLoggedInIsSentFromTheLoginFormToToday() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.request().accept(ContentType.HTML).get("/login").then().statusCode(303).header("Location", endsWith("/"));
        s.request().accept(ContentType.HTML).get("/login?error=1").then().statusCode(303);
        // logged out: the cookie left behind names an ended session, and the form is shown (no loop)
        s.open("/contacts");
        s.form().post("/logout").then().statusCode(303);
        s.request().accept(ContentType.HTML).get("/login").then().statusCode(200).body(containsString("name=\"password\""));
        given().accept(ContentType.HTML).get("/login").then().statusCode(200).body(containsString("name=\"password\""));
        given().cookie("quarkus-credential", "not-a-cookie").accept(ContentType.HTML).get("/login").then().statusCode(200);
    }

    /**
     * Form login reads the body before any of the app runs; Vert.x's decoder dropped a body it could
     * not read without a word, and Quarkus answered the anonymous post with an empty 200.
     */
    @Test
    void aLoginPostWhoseBodyCannotBeReadIsA400AndNoErrorInTheLog() throws Exception {
        TestTeam team = TestTeam.create();
        StringBuilder many = new StringBuilder("email=" + URLEncoder.encode(team.adminEmail, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestTeam.PASSWORD, StandardCharsets.UTF_8));
        for (int i = 0; i < 1100; i++) {
            many.append("&f").append(i).append("=1");
        }
        String form = "application/x-www-form-urlencoded";
        List<String[]> bodies = List.of(
                new String[]{form, "email=%zz&password=x"},
                new String[]{form, "email=a%40b.org&password=%zz"},
                new String[]{form, "email=a%40b.org&password=x%"},
                new String[]{form, many.toString()},
                new String[]{form, "foo=bar"},
                new String[]{form, ""},
                new String[]{"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n"
                        + "a@b.org\r\n--b\r\nContent-Disposition: form-data; name=\"pass"});
        List<String> answers = new java.util.ArrayList<>();
        List<String> spelled = new java.util.ArrayList<>();
        var errors = RawHttp.severeDuring(() -> {
            // the form authentication reads the path normalized: these are the login's post too
            for (String path : List.of("/./login", "/%6Cogin")) {
                spelled.add(raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));
                spelled.add(raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                        + "Content-Type: " + form + "\r\nContent-Length: 20\r\nConnection: close\r\n\r\nemail=%zz&password=x"));
            }
            for (String[] body : bodies) {
                for (String accept : List.of("text/html", "application/json")) {
                    answers.add(raw("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nContent-Type: "
                            + body[0] + "\r\nContent-Length: " + body[1].getBytes(StandardCharsets.UTF_8).length
                            + "\r\nConnection: close\r\n\r\n" + body[1]));
                }
            }
        });
        for (int i = 0; i < spelled.size(); i++) {
            String status = i % 2 == 0 ? "HTTP/1.1 415" : "HTTP/1.1 400";
            assertTrue(spelled.get(i).startsWith(status), status + " expected:\n" + spelled.get(i));
        }
        for (int i = 0; i < answers.size(); i++) {
            String answer = answers.get(i);
            String sent = bodies.get(i / 2)[1];
            String what = sent.substring(0, Math.min(60, sent.length())) + " → " + answer.lines().findFirst().orElse("");
            assertTrue(answer.startsWith("HTTP/1.1 400"), what);
            assertTrue(answer.contains("email and password could not be read"), what + "\n" + answer);
            assertFalse(answer.contains("quarkus-credential="), what);
            if (i % 2 == 0) {
                assertTrue(answer.contains("<title>Something in the request is not right"), what + "\n" + answer);
            } else {
                assertTrue(answer.contains("application/problem+json"), what + "\n" + answer);
            }
        }
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        // a readable one still logs in, and a wrong password still goes back to the form
        logIn(team, null).then().statusCode(302).cookie("quarkus-credential", notNullValue());
        given().redirects().follow(false).formParam("email", team.adminEmail).formParam("password", "wrong one")
                .post("/login").then().statusCode(anyOf(is(302), is(303))).header("Location", containsString("/login?error"));
    }

    private static String raw(String request) {
        return RawHttp.raw(io.restassured.RestAssured.port, request);
    }
}
