package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state-changing page request needs the CSRF token, whatever its body (issue 9 item 6);
 * page routes answer 404 for unknown and other teams' ids, by session or by token, never 500
 * (item 7).
 */
@QuarkusTest
class CsrfAndPageIdsTest {

    private static String contact(TestTeam team) {
        return team.api().body(Map.of("fullName", "Lucy Parsons " + TestTeam.unique())).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static String followUp(TestTeam team) {
        return team.api().body(Map.of("contactId", contact(team), "dueOn", LocalDate.now().toString()))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
    }

    private static String status(TestTeam team, String followUp) {
        return team.api().get("/api/v1/followups/" + followUp).then().statusCode(200).extract().path("status");
    }

    /**
     * A POST with no body and no Content-Type at all, as {@code curl -X POST} sends it
     * (RestAssured would add a form content type, which quarkus-rest-csrf did check).
     */
    private static java.net.http.HttpResponse<String> bare(Session s, String path) {
        return untyped(s, path, null);
    }

    /** A POST whose body (if any) has no Content-Type, as fetch() sends an untyped Blob: no CORS preflight. */
    private static java.net.http.HttpResponse<String> untyped(Session s, String path, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
                    .header("Cookie", "quarkus-credential=" + s.credential)
                    .POST(body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(java.net.http.HttpResponse<String> r) {
        assertEquals(403, r.statusCode(), r.body());
        assertEquals(true, r.body().contains("This was not sent"));
        assertEquals(true, r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    private static void assertRefused(Response r) {
        r.then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("This was not sent"));
    }

    @Test
    void bodylessPagePostsWithOnlyTheLoginCookieChangeNothing() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String f = followUp(team);
        String token = team.newTokenId("sync");

        assertRefused(bare(s, "/followups/" + f + "/done"));
        assertRefused(bare(s, "/followups/" + f + "/drop"));
        assertRefused(s.request().contentType(ContentType.JSON).body("{}").post("/followups/" + f + "/done"));
        assertRefused(s.request().contentType(ContentType.TEXT).body("csrf-token=x").post("/followups/" + f + "/drop"));
        assertEquals("open", status(team, f));

        assertRefused(bare(s, "/settings/tokens/" + token + "/revoke"));
        team.api().get("/api/v1/tokens").then().body("items.id", org.hamcrest.Matchers.hasItem(token));

        assertRefused(bare(s, "/logout"));
        assertRefused(bare(s, "/settings/sessions/end-all"));
        assertRefused(s.request().post("/settings/sessions/end-all"));
        s.request().get("/contacts").then().statusCode(200);

        // a token from another browser's cookie does not match this one's (its first character changed:
        // "A" + the rest was this very token once in 64 runs, when the token began with an A)
        s.open("/");
        String other = (s.csrfToken.charAt(0) == 'A' ? "B" : "A") + s.csrfToken.substring(1);
        s.request().header("X-CSRF-TOKEN", other).post("/followups/" + f + "/done")
                .then().statusCode(org.hamcrest.Matchers.anyOf(is(400), is(403)));
        assertEquals("open", status(team, f));
    }

    @Test
    void apiWritesWithOnlyTheLoginCookieNeedThePagesTokenToo() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        // what a script on a sibling subdomain sends with fetch() and an untyped body: no preflight, and the
        // SameSite=Strict cookie goes along within the site. It made an admin
        var forged = untyped(s, "/api/v1/organizers", "{\"email\":\"forged-admin@x.test\",\"displayName\":\"Forged\","
                + "\"role\":\"admin\",\"password\":\"forged-pass-12345\"}");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(forged.body().contains(CsrfCheck.API_WITHOUT_TOKEN), forged.body());
        assertEquals(403, untyped(s, "/api/v1/contacts", "{\"fullName\":\"Forged Person\"}").statusCode());
        s.request().contentType(ContentType.JSON).body(Map.of("fullName", "Forged Person")).post("/api/v1/contacts")
                .then().statusCode(403).contentType(containsString("problem+json"));
        // a form's body to a JSON endpoint: refused by its media type (415) before the check
        s.request().contentType(ContentType.URLENC).formParam("fullName", "Forged Person").post("/api/v1/contacts")
                .then().statusCode(org.hamcrest.Matchers.anyOf(is(403), is(415)));
        team.api().get("/api/v1/organizers").then().body("items.email", not(hasItem("forged-admin@x.test")));
        team.api().get("/api/v1/contacts?q=Forged").then().body("items", hasSize(0));

        // a Basic header, which a browser adds by itself behind a proxy that asks for one, is no token: the cookie
        // still signs the request in, so it still needs the page's token
        s.request().header("Authorization", "Basic dXNlcjpwYXNz").contentType(ContentType.JSON)
                .body(Map.of("fullName", "Forged Person")).post("/api/v1/contacts").then().statusCode(403);
        s.request().header("Authorization", "Bearer ").contentType(ContentType.JSON)
                .body(Map.of("fullName", "Forged Person")).post("/api/v1/contacts").then().statusCode(403);
        // a bearer token that is no token beside the cookie (the probe: it was exempt, and the cookie signed it
        // in): the request is the token's alone, and an unknown token is a 401
        s.request().header("Authorization", "Bearer nonsense").contentType(ContentType.JSON)
                .body(Map.of("fullName", "Forged Person")).post("/api/v1/contacts").then().statusCode(401);
        s.request().header("Authorization", "Bearer nonsense").contentType(ContentType.JSON)
                .body(Map.of("name", "forged")).post("/api/v1/tokens").then().statusCode(401);
        s.request().header("Authorization", "Bearer nonsense").get("/api/v1/me").then().statusCode(401);
        team.api().get("/api/v1/contacts?q=Forged").then().body("items", hasSize(0));

        // the page's own token in the header (a script of the app's own page), or a bearer token beside the cookie
        s.open("/");
        s.request().header("X-CSRF-TOKEN", s.csrfToken).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Scripted Person")).post("/api/v1/contacts").then().statusCode(201);
        s.request().auth().oauth2(team.token).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Tokened Person")).post("/api/v1/contacts").then().statusCode(201);
        // reading stays open to the cookie: the pages' download links are GETs of the API
        s.request().get("/api/v1/contacts?q=Person").then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void aFormSentWithNoCookieAtAllIsSaidAsNotSentNotAnEmpty400() {
        TestTeam.create(); // set up: /setup refuses a post as any other page
        // a page left open while the browser dropped its cookies (restarted; the CSRF cookie lasts 8 hours):
        // its Log out sends the form's token with no cookie. quarkus-rest-csrf answered it with an empty 400,
        // a blank page in the browser, on the pages that take a post from someone not logged in
        for (String path : List.of("/logout", "/setup", "/login/code")) {
            assertRefused(given().redirects().follow(false).accept("text/html").contentType(ContentType.URLENC)
                    .formParam("csrf-token", "left-from-an-old-page").post(path));
        }
        // in the browser's language, as the login page it would go on to is
        given().redirects().follow(false).accept("text/html").header("Accept-Language", "es").contentType(ContentType.URLENC)
                .formParam("csrf-token", "left-from-an-old-page").post("/logout")
                .then().statusCode(403).body(containsString("Esto no se envió"));
    }

    /**
     * The token is the login's own (CsrfBinding). A cookie planted for the parent domain by a sibling subdomain, with
     * its value in a forged form, went through (session 51's walk: quarkus-rest-csrf compares the two only), and one
     * browser kept one token across logins. Now a planted pair, or another login's, is refused; each login has a
     * token of its own; a page replaces a planted cookie with the login's token.
     */
    @Test
    void theTokenIsTheLoginsOwnNotAnyCookiesAPlantedOneIsRefused() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/organizations");
        String planted = "QUFBQUFBQUFBQUFBQUFBQQ"; // 16 bytes, base64url: a token quarkus-rest-csrf takes as its own
        String name = "Planted Cookie Org " + TestTeam.unique();
        Response forged = given().redirects().follow(false).accept("text/html").cookie("quarkus-credential", s.credential)
                .cookie("csrf-token", planted).contentType(ContentType.URLENC).formParam("csrf-token", planted)
                .formParam("name", name).formParam("kind", "workplace").post("/organizations");
        assertRefused(forged);
        // another login's pair (the same organizer's other browser) is not this login's either
        Session other = Session.onPage(team, "/organizations");
        assertRefused(given().redirects().follow(false).accept("text/html").cookie("quarkus-credential", s.credential)
                .cookie("csrf-token", other.csrfCookie).contentType(ContentType.URLENC).formParam("csrf-token", other.csrfToken)
                .formParam("name", name).formParam("kind", "workplace").post("/organizations"));
        s.request().get("/api/v1/organizations?limit=200").then().statusCode(200)
                .body("items.name", not(hasItem(name)));
        // a page opened with the planted cookie draws the login's token and sets the cookie to it
        Response page = given().redirects().follow(false).cookie("quarkus-credential", s.credential)
                .cookie("csrf-token", planted).get("/organizations");
        page.then().statusCode(200);
        assertEquals(s.csrfToken, page.getCookie("csrf-token"));
        assertTrue(page.asString().contains("value=\"" + s.csrfToken + "\"") && !page.asString().contains(planted));
        // and the login's own pair goes through
        s.form().formParam("name", name).formParam("kind", "workplace").post("/organizations").then().statusCode(303);
        // the API's writes on the login cookie: the login's token, not a planted pair
        given().redirects().follow(false).cookie("quarkus-credential", s.credential).cookie("csrf-token", planted)
                .header("X-CSRF-TOKEN", planted).contentType(ContentType.JSON).body(Map.of("name", name + " API", "kind", "workplace"))
                .post("/api/v1/organizations").then().statusCode(403).contentType(containsString("problem+json"));
        s.request().header("X-CSRF-TOKEN", s.csrfToken).contentType(ContentType.JSON)
                .body(Map.of("name", name + " API", "kind", "workplace")).post("/api/v1/organizations").then().statusCode(201);

        // one browser, two logins one after the other (a union hall's computer): the page's token changes with the
        // login, and the first login's pair no longer passes once it has ended
        Response loginPage = given().get("/login");
        String browsersCookie = loginPage.getCookie("csrf-token");
        String first = given().redirects().follow(false).cookie("csrf-token", browsersCookie)
                .formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD).post("/login").getCookie("quarkus-credential");
        Response firstPage = given().redirects().follow(false).cookie("quarkus-credential", first).cookie("csrf-token", browsersCookie)
                .get("/organizations");
        String firstToken = firstPage.getCookie("csrf-token");
        assertTrue(firstToken != null && !firstToken.equals(browsersCookie), "the login's own token replaces the browser's");
        given().redirects().follow(false).cookie("quarkus-credential", first).cookie("csrf-token", firstToken)
                .contentType(ContentType.URLENC).formParam("csrf-token", firstToken).post("/logout").then().statusCode(303);
        String second = given().redirects().follow(false).cookie("csrf-token", firstToken)
                .formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD).post("/login").getCookie("quarkus-credential");
        String secondToken = given().redirects().follow(false).cookie("quarkus-credential", second).cookie("csrf-token", firstToken)
                .get("/organizations").getCookie("csrf-token");
        assertTrue(secondToken != null && !secondToken.equals(firstToken), "each login has a token of its own");
        assertRefused(given().redirects().follow(false).accept("text/html").cookie("quarkus-credential", second)
                .cookie("csrf-token", firstToken).contentType(ContentType.URLENC).formParam("csrf-token", firstToken)
                .formParam("name", name + " again").formParam("kind", "workplace").post("/organizations"));
        // a script whose cookie jar kept the ended login asks for a token with its password: it gets one (it was told
        // to send the page's token, or to do what it did: POST /api/v1/tokens)
        given().cookie("quarkus-credential", first).contentType(ContentType.JSON)
                .header("X-Forwarded-For", "10.51.0." + (1 + new java.util.Random().nextInt(250)))
                .body(Map.of("email", team.adminEmail, "password", TestTeam.PASSWORD, "name", "script"))
                .post("/api/v1/tokens").then().statusCode(201);
        // a cookie naming the ended login is no login: the login page is drawn (it was an empty 500 in the review)
        given().redirects().follow(false).cookie("quarkus-credential", first).cookie("csrf-token", firstToken).get("/login")
                .then().statusCode(200).body(containsString("name=\"password\""));
    }

    /**
     * A form refused for its token (a page left open longer than its token's cookie, a browser that lost its
     * cookies) lost what was typed: the refusal now shows the texts to copy, not the ids, choices, passwords or
     * tokens beside them, and nothing is saved. The cookie lasts as long as an unused login (8 hours), not 2.
     */
    @Test
    void aFormRefusedForItsTokenShowsWhatWasTypedToCopyAndSavesNothing() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/contacts/new");
        // a first line break of its own too: a browser drops the one right after <textarea>, so the page writes one
        String notes = "\n\nMet at the laundromat <b>\"repairs\"</b>; call after the 14th";
        Response refused = s.request().accept("text/html").contentType(ContentType.URLENC)
                .formParam("csrf-token", "a-token-from-a-page-left-open")
                .formParam("idempotencyKey", s.key).formParam("fullName", "Rosa Typed Before Lunch")
                .formParam("organizationId", team.organization("Laundry Co", "workplace"))
                .formParam("engagementLevel", "cadre").formParam("notes", notes + "\u0000")
                .formParam("doNotContact", "true").formParam("durationMinutes", "17").formParam("dueOn", "2026-12-24")
                .formParam("phone", "\u0000\u0000").post("/contacts");
        assertRefused(refused);
        String page = refused.asString();
        assertTrue(page.contains(">\nRosa Typed Before Lunch</textarea>"), page);
        // escaped as any text on a page, the NUL left out
        assertTrue(page.contains(">\n\n\nMet at the laundromat &lt;b&gt;&quot;repairs&quot;&lt;/b&gt;; call after the 14th</textarea>"), page);
        // the two texts only: no tick, number, date, or field of NULs alone
        assertTrue(page.contains("<label for=\"typed-2\">Text 2</label>") && !page.contains("typed-3"), page);
        assertTrue(!page.contains("cadre") && !page.contains(s.key) && !page.contains("a-token-from-a-page-left-open"), page);
        s.request().get("/api/v1/contacts?q=Rosa Typed").then().statusCode(200).body("items", hasSize(0));

        // a password is never drawn on a page again
        Session t = Session.onPage(team, "/settings");
        Response password = t.request().accept("text/html").contentType(ContentType.URLENC)
                .formParam("currentPassword", "old-secret-words").formParam("newPassword", "new-secret-words").post("/settings/password");
        password.then().statusCode(403).body(containsString("This was not sent"))
                .body(not(containsString("secret-words"))).body(not(containsString("What you typed")));
        // another site's forged post gets the refusal alone: its words are not shown on this site as someone's
        s.request().accept("text/html").header("Sec-Fetch-Site", "cross-site").contentType(ContentType.URLENC)
                .formParam("fullName", "Call this number now").post("/contacts")
                .then().statusCode(403).body(not(containsString("What you typed"))).body(not(containsString("Call this number")));
        // nothing typed, nothing to copy: the refusal alone
        s.request().accept("text/html").contentType(ContentType.URLENC).formParam("fullName", " ").post("/contacts")
                .then().statusCode(403).body(not(containsString("What you typed")));

        // the token's cookie lasts as long as a login left unused
        String setCookie = String.join("\n", s.request().get("/contacts").headers().getValues("Set-Cookie"));
        assertTrue(setCookie.contains("csrf-token=") && setCookie.contains("Max-Age=28800"), setCookie);
    }

    /**
     * A CSRF cookie quarkus-rest-csrf cannot use (of another size than its tokens', or no base64 at all) got its
     * empty 400 on every page request, a blank page until the cookie expired. A form sent with one gets the
     * 403 page a form without a cookie gets, in English and Spanish, and nothing is changed; a page opened
     * with one is drawn, and sets a good cookie in its place, with which the form then goes through.
     */
    @Test
    void aCsrfCookieOfTheWrongSizeOrGarbageIsSaidAsNotSentNotAnEmpty400() {
        TestTeam team = TestTeam.create();
        String f = followUp(team);
        Session s = Session.onPage(team, "/");
        for (String garbage : List.of("c2hvcnQ", "not base64 at all!", "", "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE")) {
            given().redirects().follow(false).accept("text/html").cookie("quarkus-credential", s.credential)
                    .cookie("csrf-token", garbage).contentType(ContentType.URLENC).formParam("csrf-token", garbage)
                    .post("/followups/" + f + "/done")
                    .then().statusCode(403).contentType(containsString("text/html")).body(containsString("This was not sent"));
            // not logged in either (a page left open after the session ended), in the browser's language
            for (String language : List.of("en", "es")) {
                given().redirects().follow(false).accept("text/html").header("Accept-Language", language)
                        .cookie("csrf-token", garbage).contentType(ContentType.URLENC).formParam("csrf-token", garbage)
                        .post("/logout").then().statusCode(403)
                        .body(containsString(language.equals("en") ? "This was not sent" : "Esto no se envió"));
            }
            // a page opened with it is drawn, with a good cookie in its place
            Response page = given().redirects().follow(false).accept("text/html").cookie("quarkus-credential", s.credential)
                    .cookie("csrf-token", garbage).get("/");
            page.then().statusCode(200).body(containsString("csrf-token"));
            String fresh = page.getCookie("csrf-token");
            assertEquals(16, java.util.Base64.getUrlDecoder().decode(fresh).length, fresh);
        }
        assertEquals("open", status(team, f));
        // the page's form goes through with the cookie it was drawn with
        s.form().post("/followups/" + f + "/done").then().statusCode(303);
        assertEquals("done", status(team, f));
    }

    /**
     * A page's post with two Content-Type lines was read by the first: the readable error page (a 400, in the
     * page's language), and nothing changed, as the API's problem for it (BadInputTest).
     */
    @Test
    void aPagePostWithTwoContentTypeLinesIsTheErrorPageAndChangesNothing() {
        TestTeam team = TestTeam.create();
        String f = followUp(team);
        Session s = Session.onPage(team, "/");
        String body = "csrf-token=" + s.csrfToken;
        for (String language : List.of("en", "es")) {
            String answer = org.groundwork.support.RawHttp.raw(io.restassured.RestAssured.port,
                    "POST /followups/" + f + "/done HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nAccept-Language: "
                            + language + "\r\nCookie: quarkus-credential=" + s.credential + "; csrf-token=" + s.csrfCookie
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Type: text/plain"
                            + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("text/html;charset=UTF-8"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains(language.equals("en")
                    ? "This appears more than once; keep only one" : "Aparece más de una vez; deja solo uno"), answer);
        }
        assertEquals("open", status(team, f));
    }

    @Test
    void theTokenCountsInTheFormOrInTheHeader() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String done = followUp(team);
        String dropped = followUp(team);
        s.open("/");
        // htmx and scripts in the page send it as a header, with no body at all
        s.request().header("X-CSRF-TOKEN", s.csrfToken).post("/followups/" + done + "/done")
                .then().statusCode(303);
        s.form().post("/followups/" + dropped + "/drop").then().statusCode(303);
        assertEquals("done", status(team, done));
        assertEquals("dropped", status(team, dropped));
    }

    @Test
    void aBearerTokenOnAPageRouteGets404ForUnknownAndForeignIdsNever500() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String theirs = followUp(other);
        String mine = followUp(team);
        String unknown = "0190b7a0-0000-7000-8000-000000000000";
        for (String action : List.of("done", "drop")) {
            team.api().accept("text/html").post("/followups/" + unknown + "/" + action).then().statusCode(404);
            team.api().accept("text/html").post("/followups/" + theirs + "/" + action).then().statusCode(404);
            team.api().accept("text/html").post("/followups/not-an-id/" + action).then().statusCode(404);
        }
        assertEquals("open", status(other, theirs));
        // a page that answers with itself draws its forms (and their token) for a token too
        given().auth().oauth2(team.token).redirects().follow(false).contentType(ContentType.URLENC)
                .post("/followups/" + mine + "/reschedule").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        team.api().redirects().follow(false).accept("text/html").post("/followups/" + mine + "/done").then().statusCode(303);
        assertEquals("done", status(team, mine));
    }

    @Test
    void aCheckInButtonWithItsHiddenIdBlankedIsRefusedOnThePage() {
        TestTeam team = TestTeam.create();
        String contact = contact(team);
        String action = team.api().body(Map.of("title", "Depot picket", "startsAt", "2026-05-01T06:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", contact))).put("/api/v1/actions/" + action + "/attendance")
                .then().statusCode(200);
        Session s = Session.logIn(team);
        s.open("/actions/" + action);
        // a review blanked the hidden id of a Remove button: a NullPointerException, a 500 page
        for (String path : List.of("/attendance", "/attendance/remove")) {
            for (Map<String, String> fields : List.<Map<String, String>>of(Map.of("contactId", ""), Map.of())) {
                var request = s.form();
                fields.forEach(request::formParam);
                request.post("/actions/" + action + path).then().statusCode(400)
                        .body(org.hamcrest.Matchers.containsString("Choose one from the list"));
            }
        }
        team.api().get("/api/v1/actions/" + action).then().body("attendance.contactId", org.hamcrest.Matchers.contains(contact));
    }

    @Test
    void aConversationPostedWithOnlyTheTokenIsA400NotDeletedMeanwhile() {
        TestTeam team = TestTeam.create();
        String contact = contact(team);
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + contact);
        // a walk's hostile post: no field but the CSRF token read as "This was deleted meanwhile" (404)
        for (Map<String, String> fields : List.<Map<String, String>>of(Map.of(), Map.of("contactId", " ", "durationMinutes", "30"))) {
            var request = s.form().accept("text/html");
            fields.forEach(request::formParam);
            request.post("/conversations").then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("No contact with that id in your team"))
                    .body(not(containsString("deleted")));
        }
        // a mangled or unknown id stays the 404 of any page's address
        s.form().formParam("contactId", "not-an-id").formParam("durationMinutes", "30").post("/conversations")
                .then().statusCode(404);
        team.api().get("/api/v1/conversations?contact=" + contact).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void pageRoutesAnswer404ForAnotherTeamsIdsLikeTheApi() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String followUp = followUp(other);
        String contact = contact(other);
        String work = other.api().body(Map.of("name", "Their work", "focus", "bring-in-new")).post("/api/v1/works")
                .then().statusCode(201).extract().path("id");
        String action = other.api().body(Map.of("title", "Their picket", "startsAt", "2026-05-01T06:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        TestTeam.Member organizer = other.member("organizer");
        String token = other.newTokenId("theirs");

        Session s = Session.logIn(team);
        s.open("/");
        Map<String, Map<String, String>> posts = new java.util.LinkedHashMap<>();
        posts.put("/followups/" + followUp + "/done", Map.of());
        posts.put("/followups/" + followUp + "/drop", Map.of());
        posts.put("/followups/" + followUp + "/reschedule", Map.of("dueOn", LocalDate.now().plusDays(3).toString()));
        posts.put("/contacts/" + contact + "/edit", Map.of("fullName", "Taken over"));
        posts.put("/contacts/" + contact + "/level", Map.of("level", "active", "reason", "x"));
        posts.put("/contacts/" + contact + "/erase", Map.of("confirm", "erase"));
        posts.put("/works/" + work, Map.of("name", "Taken over", "focus", "bring-in-new"));
        posts.put("/actions/" + action + "/attendance", Map.of());
        posts.put("/organizers/" + organizer.id() + "/role", Map.of("role", "admin"));
        posts.put("/settings/tokens/" + token + "/revoke", Map.of());
        List<String> wrong = new ArrayList<>();
        for (var post : posts.entrySet()) {
            var request = s.form();
            post.getValue().forEach(request::formParam);
            int status = request.post(post.getKey()).statusCode();
            if (status != 404) {
                wrong.add(post.getKey().replace(followUp, "{followUp}").replace(contact, "{contact}")
                        .replace(work, "{work}").replace(action, "{action}").replace(organizer.id(), "{organizer}")
                        .replace(token, "{token}") + " answered " + status);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("open", status(other, followUp));
        other.api().get("/api/v1/contacts/" + contact).then().statusCode(200);
        other.api().get("/api/v1/organizers/" + organizer.id()).then().body("role", is("organizer"));
    }
}
