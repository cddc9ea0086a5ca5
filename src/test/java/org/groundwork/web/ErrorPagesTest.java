package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * A browser meets errors as pages in the layout, with the same status as the API's problem;
 * clients that ask for JSON keep problem+json.
 */
@QuarkusTest
class ErrorPagesTest {

    /**
     * A NUL character posted on a page form is said on its field, like a date that does not parse:
     * the form comes back with the rest of what was typed and nothing is stored. (Until session 15
     * it was the platform's error page, which lost what was typed.)
     */
    /**
     * The API refuses a query parameter it does not read (InputGuard); a page does not: an address pasted from a
     * mail with something after it still opens.
     */
    @Test
    void aPageOpensWithAParameterItDoesNotRead() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.request().queryParam("utm_source", "newsletter").get("/contacts").then().statusCode(200);
        team.api().queryParam("utm_source", "newsletter").get("/api/v1/contacts").then().statusCode(400);
    }

    @Test
    void aNulCharacterInAFormIsSaidOnItsFieldWithWhatWasTypedKeptAndNothingIsStored() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/new");
        s.form().accept("text/html").formParam("fullName", "Rosa\u0000Parks").formParam("engagementLevel", "new")
                .formParam("notes", "met at the bus stop")
                .post("/contacts")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("This contains a NUL character"))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("value=\"RosaParks\"")).body(containsString("met at the bus stop"));
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
        // the HTTP layer's own limits have titles of their own too, not "Something went wrong"
        s.request().accept("text/html").get("/contacts?q=" + "a".repeat(9000)).then().statusCode(414)
                .contentType(containsString("text/html")).body(containsString("<title>The address is too long"));
        // a field's refusal is said once, not as the detail and again as the list
        String page = s.request().accept("text/html").urlEncodingEnabled(false)
                .get("/reports/time?period=custom&from=%00").then().statusCode(400).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1, page.split("contains a NUL character", -1).length - 1, page);
        // the API and clients asking for JSON keep problem+json
        team.api().get("/api/v1/contacts/" + unknown).then().statusCode(404).contentType("application/problem+json");
        s.request().accept("application/json").get("/no-such-page").then().statusCode(404)
                .contentType("application/problem+json");
        s.request().accept("application/json").get("/contacts/" + unknown).then().statusCode(406)
                .contentType("application/problem+json");
    }

    /**
     * The walk of session 44: an error page had two links and no Log out. An organizer logged in gets every
     * page's navigation there; whoever is not logged in, the two links, and no Log out form.
     */
    @Test
    void anErrorPageShowsALoggedInOrganizerTheWholeNavigationWithLogOut() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/");
        String unknown = UUID.randomUUID().toString();
        String page = s.request().accept("text/html").get("/contacts/" + unknown).then().statusCode(404)
                .body(containsString("href=\"/works\"")).body(containsString("action=\"/logout\""))
                .body(containsString("aria-current=\"page\">Contacts")).extract().asString();
        // the Log out it shows works: its token is the page's
        String token = page.replaceAll("(?s).*action=\"/logout\".*?name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        s.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", token).post("/logout")
                .then().statusCode(303);
        s.request().accept("text/html").get("/contacts").then().header("Location", containsString("/login"));
        // an address no route has, and a page the organizer's role does not open, are refused before the page's
        // token is set: the walk found the two links there; the whole menu now, its Log out working
        Session member = Session.logIn(team.member("organizer").email());
        member.open("/");
        member.request().accept("text/html").get("/no-such-page").then().statusCode(404)
                .body(containsString("href=\"/works\"")).body(containsString("action=\"/logout\""));
        String refused = member.request().accept("text/html").get("/audit").then().statusCode(403)
                .body(containsString("href=\"/works\"")).body(containsString("action=\"/logout\"")).extract().asString();
        String itsToken = refused.replaceAll("(?s).*action=\"/logout\".*?name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        member.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", itsToken)
                .post("/logout").then().statusCode(303);
        member.request().accept("text/html").get("/contacts").then().header("Location", containsString("/login"));
        // such a page as the first after a login (a link to /audit followed while logged out, then the login): the
        // browser's CSRF cookie was still the one from before the login, and its Log out was refused (the walk).
        // The answer sets the cookie to the login's token, as every page does
        for (String first : List.of("/audit", "/no-such-page")) {
            String before = given().accept("text/html").get("/login").then().extract().cookie("csrf-token");
            String credential = given().redirects().follow(false).cookie("csrf-token", before)
                    .formParam("email", team.member("organizer").email()).formParam("password", TestTeam.PASSWORD)
                    .post("/login").then().extract().cookie("quarkus-credential");
            Response drawn = given().redirects().follow(false).cookie("quarkus-credential", credential)
                    .cookie("csrf-token", before).accept("text/html").get(first);
            String cookie = drawn.getCookie("csrf-token");
            org.junit.jupiter.api.Assertions.assertNotNull(cookie, first + " sets the login's CSRF cookie");
            String pageToken = drawn.asString()
                    .replaceAll("(?s).*action=\"/logout\".*?name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
            given().redirects().follow(false).cookie("quarkus-credential", credential).cookie("csrf-token", cookie)
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", pageToken)
                    .post("/logout").then().statusCode(303);
            given().redirects().follow(false).cookie("quarkus-credential", credential).accept("text/html")
                    .get("/contacts").then().header("Location", containsString("/login"));
        }
        // at an address the private-path filter leaves out (a stylesheet's), the page with its token is not cached
        Session again = Session.logIn(team);
        again.open("/");
        Response styled = again.request().accept("text/html").get("/no-such.css");
        styled.then().statusCode(404).body(containsString("action=\"/logout\""));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("no-store"), styled.headers().getValues("Cache-Control"));
        // and said once where the private-path filter says it too
        org.junit.jupiter.api.Assertions.assertEquals(List.of("no-store"), again.request().accept("text/html")
                .get("/no-such-page").headers().getValues("Cache-Control"));
        // nobody logged in: the two links
        given().accept("text/html").get("/no-such-page").then().statusCode(404)
                .body(not(containsString("action=\"/logout\""))).body(not(containsString("href=\"/works\"")));
        // a page refused before the login is read (the address limit): the two links, logged in or not
        Session other = Session.logIn(team);
        other.request().accept("text/html").get("/contacts?q=" + "a".repeat(9000)).then().statusCode(414)
                .body(not(containsString("action=\"/logout\"")));
    }

    /**
     * htmx swaps every 4xx, since a refused form or filter comes back as what to show: a list's
     * refused filter is its results fragment with the message and a 400, swapped where the results
     * were. Any other 4xx an htmx request gets is placed in one place (HtmxAnswers): an error page
     * (htmx asks for no type by name; it gets a page, not problem+json) takes the page's main part
     * rather than the list that asked, the CSRF check's and the address limit's pages too; an answer
     * that is no page is not swapped. A 5xx is not swapped (the layout), and the form's own marker
     * never leaves the server.
     */
    @Test
    void htmxGetsTheRefusedFragmentWithItsStatusAndAnErrorPageInThePlaceOfTheMainPart() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/");
        var results = s.request().header("HX-Request", "true").get("/contacts?level=everyone").then().statusCode(400)
                .contentType(containsString("text/html")).header("HX-Retarget", nullValue())
                .header("HX-Reswap", nullValue()).header("Groundwork-Form-Refusal", nullValue())
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(!results.contains("<html") && results.contains("id=\"results\"")
                && results.contains("id=\"f-level-error\""), results);
        s.request().header("HX-Request", "true").get("/contacts/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("text/html")).header("HX-Retarget", "#main").header("HX-Reselect", "#main")
                .header("HX-Reswap", "outerHTML").body(containsString("<main id=\"main\""));
        // a step of Today's queue without the page's CSRF token (its cookie gone after hours open):
        // the "not sent" page in the main part, not an empty queue
        String followUp = team.api().body(java.util.Map.of("contactId", PageFormsTest.contact(team, "Ana Pérez"),
                "dueOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString()))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        given().redirects().follow(false).cookie("quarkus-credential", s.credential).header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", s.csrfToken)
                .post("/followups/" + followUp + "/done").then().statusCode(403)
                .contentType(containsString("text/html")).header("HX-Retarget", "#main");
        team.api().get("/api/v1/followups/" + followUp).then().body("status", is("open"));
        // the address limit's page too (a search pasted past 8 KB)
        s.request().header("HX-Request", "true").get("/contacts?q=" + "a".repeat(9000)).then().statusCode(414)
                .contentType(containsString("text/html")).header("HX-Retarget", "#main");
        // a refused form posted with htmx: swapped where it was, its marker not sent on
        s.request().header("HX-Request", "true").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", s.csrfToken).formParam("dueOn", "2019-05-05")
                .post("/followups/" + followUp + "/reschedule").then().statusCode(400)
                .header("HX-Retarget", nullValue()).header("Groundwork-Form-Refusal", nullValue());
        s.form().formParam("dueOn", "2019-05-05").post("/followups/" + followUp + "/reschedule").then().statusCode(400)
                .header("Groundwork-Form-Refusal", nullValue());
        // no page: not swapped at all; a plain browser's error page is not retargeted
        team.api().header("HX-Request", "true").get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").header("HX-Reswap", "none");
        s.request().accept("text/html").get("/contacts/" + UUID.randomUUID()).then().statusCode(404)
                .header("HX-Retarget", nullValue());
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
                .header("Location", endsWith("/login?setup=done"));
    }

    /**
     * A walk's finding: the English 404 page said "check the path and the id", the Spanish one "or it
     * belongs to another team". Both now say the same, and neither suggests another team's ids exist.
     */
    @Test
    void aPageNotFoundSaysTheSameInBothLanguages() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.request().accept("text/html").get("/no-such-page").then().statusCode(404)
                .body(containsString("<p>Nothing here, or nothing you can see: check the address</p>"))
                .body(not(containsString("check the path"))).body(not(containsString("another team")));
        s.request().accept("application/json").get("/no-such-page").then().statusCode(404)
                .body("detail", is("Nothing here, or nothing you can see: check the address"));
        // an address no page has is drawn in the browser's language for a visitor not logged in (a logged-in
        // organizer's in their own: LanguageTest)
        given().accept("text/html").header("Accept-Language", "es").get("/no-such-page").then().statusCode(404)
                .body(containsString("<p>Aquí no hay nada, o nada que puedas ver: revisa la dirección.</p>"))
                .body(not(containsString("otro equipo")));
    }

    /**
     * "text/html;q=0" says a page is not acceptable: such a client gets the problem it can read (the page's 404, or a
     * 406 where content negotiation found nothing to give), where it had been an HTML page.
     */
    @Test
    void htmlWeightedZeroGetsTheProblemNotAPage() {
        Session s = Session.logIn(TestTeam.create());
        String gone = "/contacts/" + UUID.randomUUID();
        s.request().accept("text/html").get(gone).then().statusCode(404).contentType(containsString("text/html"));
        for (String accept : java.util.List.of("text/html;q=0, application/json", "application/json, TEXT/HTML ; Q=0.0",
                "text/html;level=1;q=0, */*;q=0.1", "text/htmlx, application/xhtml+xml")) {
            s.request().accept(accept).get(gone).then().statusCode(anyOf(is(404), is(406)))
                    .contentType("application/problem+json").body("status", anyOf(is(404), is(406)));
        }
        // a page at any weight above 0 is a page; a weight that is no number is read as none given
        for (String accept : java.util.List.of("application/json;q=0.9, text/html;q=0.1", "text/html;q=abc")) {
            s.request().accept(accept).get(gone).then().statusCode(404).contentType(containsString("text/html"));
        }
    }
}
