package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An htmx request whose session has ended (logged out in another tab, the cookie expired) takes the
 * whole window to the login page: a 401 with htmx's HX-Redirect, no body, nothing written. It was a
 * 303 that the browser's XMLHttpRequest followed, and htmx swapped the login page into Today's queue
 * (an empty queue, where hx-select found no #queue in it). A plain post is still a 303 to the login.
 */
@QuarkusTest
class HtmxSessionEndedTest {

    /** What htmx 2 sends with a queue step's form (the CSRF token rides in the form's own field). */
    private static Response htmxPost(Session s, String path, boolean withSessionCookie) {
        var post = withSessionCookie ? s.form() : given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie("csrf-token", s.csrfCookie)
                .formParam("csrf-token", s.csrfToken);
        return post.header("HX-Request", "true").header("HX-Current-URL", "http://localhost/")
                .header("HX-Target", "queue").post(path);
    }

    private static void assertSentToLogin(Response r, String login) {
        r.then().statusCode(401).header(LoginRedirect.HX_REDIRECT, login);
        assertNull(r.header("Location"), "no redirect for the XMLHttpRequest to follow");
        assertEquals("", r.asString(), "nothing to swap");
        assertNull(r.detailedCookie(ReturnTo.COOKIE), "htmx's fragment is no page to come back to");
    }

    private static String status(TestTeam team, String followUp) {
        return team.api().get("/api/v1/followups/" + followUp).then().statusCode(200).extract().path("status");
    }

    @Test
    void aQueueStepAfterLogoutInAnotherTabTakesTheWindowToTheLogin() {
        TestTeam team = TestTeam.create();
        List<String> f = DailyFormsBrowserTest.threeUpcoming(team);
        Session s = Session.onPage(team, "/");
        // another tab logs out: this one still sends the old cookie (RestAssured keeps none), which names an ended session
        s.form().post("/logout").then().statusCode(303);

        // a step sent is a step not saved: the login page says so (SessionsTest)
        assertSentToLogin(htmxPost(s, "/followups/" + f.get(0) + "/done", true), "/login?unsaved=1");
        assertSentToLogin(htmxPost(s, "/followups/" + f.get(1) + "/drop", true), "/login?unsaved=1");
        assertSentToLogin(s.form().header("HX-Request", "true").formParam("dueOn", "2100-01-01")
                .post("/followups/" + f.get(2) + "/reschedule"), "/login?unsaved=1");
        for (String id : f) {
            assertEquals("open", status(team, id), "nothing written");
        }
        team.api().get("/api/v1/followups/" + f.get(2)).then().body("dueOn", is(
                java.time.LocalDate.now(java.time.ZoneId.of("UTC")).plusDays(4).toString()));

        // the same post without htmx: the login page, as before (a 303 the browser follows)
        s.form().post("/followups/" + f.get(0) + "/done").then().statusCode(303)
                .header("Location", endsWith("/login?unsaved=1")).header(LoginRedirect.HX_REDIRECT, (String) null);
        assertEquals("open", status(team, f.get(0)));
        // but Log out again from this tab is done, not "not saved; send it again" (a walk)
        s.form().post("/logout").then().statusCode(303).header("Location", endsWith("/login?out=1"));
    }

    @Test
    void aQueueStepAfterTheCookieExpiredTakesTheWindowToTheLogin() {
        TestTeam team = TestTeam.create();
        List<String> f = DailyFormsBrowserTest.threeUpcoming(team);
        Session s = Session.onPage(team, "/");
        // the browser dropped the session cookie; the CSRF cookie and the page's token are still there
        assertSentToLogin(htmxPost(s, "/followups/" + f.get(0) + "/done", false), "/login?unsaved=1");
        assertEquals("open", status(team, f.get(0)));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").cookie("csrf-token", s.csrfCookie)
                .formParam("csrf-token", s.csrfToken).post("/followups/" + f.get(0) + "/done")
                .then().statusCode(303).header("Location", endsWith("/login?unsaved=1"));
        assertEquals("open", status(team, f.get(0)));
    }

    /** Every htmx swap the pages have goes through the same answer: it is the login redirect's, not each page's. */
    @Test
    void everyHtmxSwapOfThePagesIsSentToTheLoginTheSameWay() {
        String id = UUID.randomUUID().toString();
        for (String path : List.of("/", "/contacts?q=Ana", "/contacts?cursor=x", "/contacts/" + id + "?tieSearch=Ana",
                "/contacts/unit-field?organizationId=" + id, "/contacts/import/jobs/" + id, "/actions/" + id + "?q=Ana",
                "/organizations/" + id + "/chart", "/followups/" + id + "/drop")) {
            assertSentToLogin(given().redirects().follow(false).header("HX-Request", "true").accept(ContentType.HTML)
                    .get(path), "/login");
            // and the page itself, asked for by the browser: the login page, remembered for after it
            given().redirects().follow(false).accept(ContentType.HTML).get(path).then().statusCode(303)
                    .header("Location", endsWith("/login"));
        }
        for (String path : List.of("/organizations/" + id + "/move", "/organizations/" + id + "/units/" + id + "/up",
                "/followups/" + id + "/done")) {
            assertSentToLogin(given().redirects().follow(false).header("HX-Request", "true")
                    .contentType("application/x-www-form-urlencoded").formParam("x", "y").post(path), "/login?unsaved=1");
        }
        // the API is not a page: a 401 problem, htmx header or not
        given().header("HX-Request", "true").get("/api/v1/contacts").then().statusCode(401)
                .header(LoginRedirect.HX_REDIRECT, (String) null);
    }

    /** A session waiting for its code is sent to the code step the same way. */
    @Test
    void aSessionWaitingForItsCodeIsSentToTheCodeStep() {
        TestTeam team = TestTeam.create();
        TwoFactorTest.enrol(Session.logIn(team));
        Session waiting = Session.logIn(team);
        waiting.request().header("HX-Request", "true").get("/contacts?q=Ana").then().statusCode(401)
                .header(LoginRedirect.HX_REDIRECT, "/login/code")
                .header("WWW-Authenticate", "FormLogin realm=\"Groundwork\"");
        waiting.request().accept(ContentType.HTML).get("/contacts?q=Ana").then().statusCode(303)
                .header("Location", endsWith("/login/code"));
        // the API's answer to it (TwoFactorGate) is a 401 problem that names the bearer token, as every API 401
        waiting.request().accept(ContentType.JSON).get("/api/v1/contacts").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"Groundwork\"");
    }
}
