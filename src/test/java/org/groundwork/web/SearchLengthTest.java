package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.contact.ContactQuery;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long paste into a search box: the box stops where the server stops (its maxlength is the
 * server's own limit), well before the 8,192-character address limit whose 414 htmx drew in the
 * page's main part; a longer search sent by hand is a 400 saying so, not a 414.
 */
@QuarkusTest
class SearchLengthTest {

    private static final String MAX = "maxlength=\"" + ContactQuery.Q_MAX + "\"";

    @Test
    void everySearchBoxStopsWhereTheServerStops() {
        assertEquals(200, ContactQuery.Q_MAX);
        TestTeam team = TestTeam.create();
        String ana = team.api().body(Map.of("fullName", "Ana Abad")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String action = team.api().body(Map.of("title", "Rally", "startsAt", "2026-05-01T07:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);

        // the contacts list: the box, then the server at and past the limit
        String list = s.request().get("/contacts").then().statusCode(200).extract().asString();
        assertTrue(list.matches("(?s).*<input id=\"f-q\" name=\"q\" type=\"search\"[^>]* " + MAX + "[ >].*"), list);
        s.request().queryParam("q", "a".repeat(200)).get("/contacts").then().statusCode(200);
        String refused = s.request().queryParam("q", "a".repeat(201)).get("/contacts").then().statusCode(400)
                .body(containsString("id=\"f-q-error\"")).extract().asString();
        assertTrue(refused.contains("This must be at most 200 characters"), refused);
        // said once, inside the results, and the box points to it
        assertEquals(1, refused.split("This must be at most 200 characters", -1).length - 1, refused);
        assertTrue(refused.contains("aria-describedby=\"f-q-error\""), refused);
        assertTrue(refused.indexOf("id=\"f-q-error\"") > refused.indexOf("<div id=\"results\">"), refused);
        // with htmx only the results come back, swapped in place as a refused form is: the message is in them
        String swapped = s.request().header("HX-Request", "true").queryParam("q", "a".repeat(201)).get("/contacts")
                .then().statusCode(400).header("HX-Retarget", nullValue()).header("HX-Reswap", nullValue())
                .extract().asString();
        // the results, after the filter form drawn again out of band (its box marked: ListFiltersBrowserTest)
        assertTrue(swapped.trim().startsWith("<form id=\"contact-filters\"") && swapped.contains(" hx-swap-oob=\"true\"")
                && swapped.substring(swapped.indexOf("</form>") + 7).trim().startsWith("<div id=\"results\">"), swapped);
        assertTrue(swapped.contains("<p class=\"error\" id=\"f-q-error\">This must be at most 200 characters</p>"), swapped);
        assertTrue(!swapped.contains("No contacts match"), "a search not run matched no one: " + swapped);
        // blanks around the words are not counted, as the search drops them
        s.request().queryParam("q", "  " + "a".repeat(200) + "  ").get("/contacts").then().statusCode(200);
        // the API is not held to it (ContactSearchTest): only the address limit bounds it there
        team.api().queryParam("q", "a".repeat(201)).get("/api/v1/contacts").then().statusCode(200);

        // the check-in door: its box, a long search refused beside it (and in what htmx swaps)
        String door = s.request().get("/actions/" + action).then().statusCode(200).extract().asString();
        assertTrue(door.matches("(?s).*<input id=\"q\" name=\"q\" type=\"search\"[^>]* " + MAX + "[ >].*"), door);
        s.request().queryParam("q", "Ana").get("/actions/" + action).then().statusCode(200)
                .body(containsString("Ana Abad"));
        String doorRefused = s.request().queryParam("q", "a".repeat(201)).get("/actions/" + action).then().statusCode(400)
                .body(containsString("id=\"q-error\"")).body(containsString("aria-describedby=\"q-error\""))
                .extract().asString();
        assertTrue(doorRefused.contains("This must be at most 200 characters"), doorRefused);
        s.request().header("HX-Request", "true").queryParam("q", "a".repeat(201)).get("/actions/" + action)
                .then().statusCode(400).body(containsString("class=\"error\" id=\"q-error\""));

        // a tie's search on the contact's page
        String show = s.request().get("/contacts/" + ana).then().statusCode(200).extract().asString();
        assertTrue(show.matches("(?s).*<input id=\"f-tieSearch\" name=\"tieSearch\" type=\"search\"[^>]* " + MAX + "[ >].*"), show);
        // the same rule as the contacts list's search, said in the same words, on the page and in what htmx swaps
        s.request().queryParam("tieSearch", "  " + "a".repeat(200) + "  ").get("/contacts/" + ana).then().statusCode(200);
        String tieRefused = s.request().queryParam("tieSearch", "a".repeat(201)).get("/contacts/" + ana).then()
                .statusCode(400).body(containsString("id=\"f-tieSearch-error\"")).extract().asString();
        assertTrue(tieRefused.contains("This must be at most 200 characters"), tieRefused);
        s.request().header("HX-Request", "true").queryParam("tieSearch", "a".repeat(201)).get("/contacts/" + ana)
                .then().statusCode(400).body(containsString("This must be at most 200 characters"));
    }
}
