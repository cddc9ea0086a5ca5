package org.groundwork.web;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.groundwork.support.TestTeam;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A logged-in browser as RestAssured sees it: the session cookie and the CSRF token of a form. */
final class Session {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"" + Form.KEY + "\" value=\"([^\"]+)\"");

    final String credential;
    String csrfCookie;
    String csrfToken;
    /** The one-time key of the create form on the page opened last, or null (Form.once). */
    String key;

    private Session(String credential) {
        this.credential = credential;
    }

    static Session logIn(TestTeam team) {
        return logIn(team.adminEmail);
    }

    static Session logIn(String email) {
        return logIn(email, TestTeam.PASSWORD, "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0");
    }

    static Session logIn(String email, String password, String userAgent) {
        Response login = given().redirects().follow(false).header("User-Agent", userAgent)
                .formParam("email", email).formParam("password", password)
                .post("/login");
        String cookie = login.getCookie("quarkus-credential");
        assertNotNull(cookie, "logging in sets the session cookie");
        return new Session(cookie);
    }

    /** The browser that holds this login cookie (a login made by hand, such as one waiting for its code). */
    static Session of(String credential) {
        assertNotNull(credential, "a login cookie");
        return new Session(credential);
    }

    /** The team's admin, logged in, on a page with a form: what most page tests start from. */
    static Session onPage(TestTeam team, String path) {
        Session s = logIn(team);
        s.open(path);
        return s;
    }

    RequestSpecification request() {
        RequestSpecification r = given().redirects().follow(false).cookie("quarkus-credential", credential);
        return csrfCookie == null ? r : r.cookie("csrf-token", csrfCookie);
    }

    /** Opens a page with a form, as a browser would before posting it. */
    String open(String path) {
        Response page = request().get(path);
        if (page.statusCode() == 303 && page.header("Location").contains(Form.KEY + "=")) {
            // a create form's page is drawn at an address that holds its one-time key (Form.keyedPage)
            page = request().get(page.header("Location"));
        }
        page.then().statusCode(200);
        String cookie = page.getCookie("csrf-token");
        if (cookie != null) {
            csrfCookie = cookie;
        }
        Matcher m = TOKEN.matcher(page.asString());
        assertTrue(m.find(), path + " has a form with a CSRF token");
        csrfToken = m.group(1);
        Matcher k = KEY.matcher(page.asString());
        key = k.find() ? k.group(1) : null;
        return page.asString();
    }

    /** Posts a form with the token of the page opened last. */
    RequestSpecification form() {
        return request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrfToken);
    }
}
