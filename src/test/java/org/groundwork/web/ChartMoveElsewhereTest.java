package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A move on the wall chart for a person who is in another organization of the team now (a stale tab
 * after they changed workplace, or a crafted form): said as that, by name, with the chart and its
 * filters kept (a 409, the conflict a stale form is), not as "no contact with that id"; another
 * team's person stays a plain 404 that names no one.
 */
@QuarkusTest
class ChartMoveElsewhereTest {

    private static final String SAID = "Rosa Schmidt is not in this organization any more; open the chart again.";

    @Test
    void aPersonNowInAnotherOrganizationIsSaidByNameAndTheChartIsKept() {
        TestTeam team = TestTeam.create();
        String plant = team.organization("Plant 7", "workplace");
        String day = team.unit(plant, "Day shift", "shift");
        String depot = team.organization("North Depot", "workplace");
        String rosa = OrganizationPagesTest.contact(team, "Rosa Schmidt", "new", plant, day);
        Session s = Session.logIn(team);
        // the move form opened on Plant 7's chart (filtered to new people)...
        String alone = s.open("/organizations/" + plant + "/move?contactId=" + rosa + "&level=new");
        // on its own page a plain post: htmx's target, the chart's board, is not there (the walk: the Move did nothing)
        assertFalse(alone.contains("hx-target=\"#board\""), alone);
        assertTrue(s.request().header("HX-Request", "true").get("/organizations/" + plant + "/move?contactId=" + rosa)
                .then().statusCode(200).extract().asString().contains("hx-target=\"#board\""));
        // ...then Rosa changes workplace
        team.api().body(Map.of("organizationId", depot)).patch("/api/v1/contacts/" + rosa).then().statusCode(200);

        String page = s.form().formParam("contactId", rosa).formParam("unitId", day).formParam("level", "new")
                .post("/organizations/" + plant + "/move").then().statusCode(409)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("<p class=\"error\" role=\"alert\" tabindex=\"-1\" autofocus>" + SAID + "</p>"), page);
        assertFalse(page.contains("No contact with that id"), page);
        // the chart again, with the filter the organizer had
        assertTrue(page.contains("id=\"board\"") && page.contains("<option value=\"new\" selected>"), page);
        team.api().get("/api/v1/contacts/" + rosa).then().body("organizationId", is(depot)).body("unitId", nullValue());

        // with htmx: the same chart, swapped where the form said (no error page taking the main part)
        s.form().header("HX-Request", "true").formParam("contactId", rosa).formParam("unitId", day)
                .post("/organizations/" + plant + "/move").then().statusCode(409)
                .header("HX-Retarget", nullValue()).body(containsString(SAID)).body(containsString("id=\"board\""));

        // the card's move link from the stale tab: the same reason, on a page and, to a client that does not
        // ask for HTML (RestAssured's */*), as problem+json
        s.request().accept("text/html").get("/organizations/" + plant + "/move?contactId=" + rosa).then()
                .statusCode(409).body(containsString(SAID));
        s.request().get("/organizations/" + plant + "/move?contactId=" + rosa).then()
                .statusCode(409).contentType(containsString("application/problem+json"))
                .body("detail", is("Rosa Schmidt is not in this organization any more; open the chart again"))
                .body("errors[0].field", is("contactId"));

        // in Spanish
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        Session es = Session.logIn(team);
        es.open("/organizations/" + plant);
        es.form().formParam("contactId", rosa).formParam("unitId", day)
                .post("/organizations/" + plant + "/move").then().statusCode(409)
                .body(containsString("Rosa Schmidt ya no está en esta organización; abre el mapa de nuevo."));
    }

    /**
     * The review's "a name with '; ' gets the English refusal on a Spanish page": "; " also joins an
     * import line's refusals, and a name holding one matched no wording (web/Refusals). Said in Spanish,
     * the name as typed, escaped.
     */
    @Test
    void aNameHoldingTheJoinIsStillSaidInThePagesLanguage() {
        TestTeam team = TestTeam.create();
        String plant = team.organization("Plant 9", "workplace");
        String day = team.unit(plant, "Day shift", "shift");
        String depot = team.organization("South Depot", "workplace");
        String rosa = OrganizationPagesTest.contact(team, "Rosa; <b>Ana</b> & Co", "new", plant, day);
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        Session es = Session.logIn(team);
        es.open("/organizations/" + plant);
        team.api().body(Map.of("organizationId", depot)).patch("/api/v1/contacts/" + rosa).then().statusCode(200);
        es.form().formParam("contactId", rosa).formParam("unitId", day)
                .post("/organizations/" + plant + "/move").then().statusCode(409)
                .body(containsString("Rosa; &lt;b&gt;Ana&lt;/b&gt; &amp; Co ya no está en esta organización; abre el mapa de nuevo."))
                .body(not(containsString("is not in this organization any more")))
                .body(not(containsString("<b>Ana</b>")));
    }

    @Test
    void aStaleMoveLinkUnderHtmxIsSaidOnTheBoardAndTheChartStays() {
        TestTeam team = TestTeam.create();
        String plant = team.organization("Plant 9", "workplace");
        String day = team.unit(plant, "Day shift", "shift");
        String depot = team.organization("South Depot", "workplace");
        String rosa = OrganizationPagesTest.contact(team, "Rosa Schmidt", "new", plant, day);
        String ana = OrganizationPagesTest.contact(team, "Ana Alvarez", "new", plant, day);
        Session s = Session.logIn(team);
        // the chart drawn (filtered to new people) after a move with htmx: its live region says it
        String moved = s.request().header("HX-Request", "true")
                .get("/organizations/" + plant + "/chart?moved=" + ana + "&level=new").then().statusCode(200).extract().asString();
        assertTrue(moved.contains("<p class=\"notice\">Ana Alvarez moved to Day shift.</p></div>"), moved);
        // then Rosa changes workplace, then her card's Move is clicked
        team.api().body(Map.of("organizationId", depot)).patch("/api/v1/contacts/" + rosa).then().statusCode(200);

        // with htmx: the board drawn again with the refusal, which takes the focus, swapped in place of the board
        // (not the card's move link the request came from, not the page's main part an error page takes)
        String board = s.request().header("HX-Request", "true")
                .get("/organizations/" + plant + "/move?contactId=" + rosa + "&level=new").then().statusCode(409)
                .header("HX-Retarget", is("#board")).header("HX-Reselect", is("#board")).header("HX-Reswap", is("outerHTML"))
                .header("Groundwork-Swap-Into", nullValue()).header("Groundwork-Form-Refusal", nullValue())
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(board.contains("<p class=\"error\" role=\"alert\" tabindex=\"-1\" autofocus>" + SAID + "</p>"), board);
        assertTrue(board.contains("<div id=\"board\">") && !board.contains("id=\"main\""), board);
        // the live region is emptied out of band: "Ana Alvarez moved" would no longer be true of the page
        assertTrue(board.contains("<div id=\"chart-status\" class=\"no-print\" role=\"status\" hx-swap-oob=\"innerHTML\"></div>"), board);
        // the chart as it is now, with the filter the organizer had: Ana's card, Rosa's gone
        assertTrue(board.contains("id=\"card-" + ana + "\"") && !board.contains("id=\"card-" + rosa + "\""), board);
        assertTrue(board.contains("contactId=" + ana + "&amp;level=new"), board);

        // without htmx: the error page as before, a 409 that says so
        s.request().accept("text/html").get("/organizations/" + plant + "/move?contactId=" + rosa).then()
                .statusCode(409).header("HX-Retarget", nullValue()).header("Groundwork-Swap-Into", nullValue())
                .body(containsString(SAID)).body(containsString("id=\"main\""));
        // another team's person under htmx stays the error page in the main part, naming no one
        TestTeam other = TestTeam.create();
        String theirs = OrganizationPagesTest.contact(other, "Hidden Person", "new",
                other.organization("Their plant", "workplace"), null);
        s.request().header("HX-Request", "true").get("/organizations/" + plant + "/move?contactId=" + theirs).then()
                .statusCode(404).header("HX-Retarget", is("#main")).body(not(containsString("Hidden Person")));
    }

    /** The walk: a unit chosen in the move form and removed meanwhile was said by its id, not as removed. */
    @Test
    void aUnitRemovedMeanwhileIsSaidAsUpAndDownSayIt() {
        TestTeam team = TestTeam.create();
        String plant = team.organization("Plant 7", "workplace");
        String day = team.unit(plant, "Day shift", "shift");
        String night = team.unit(plant, "Night shift", "shift");
        String rosa = OrganizationPagesTest.contact(team, "Rosa Schmidt", "new", plant, day);
        Session s = Session.logIn(team);
        s.open("/organizations/" + plant + "/move?contactId=" + rosa);
        team.api().delete("/api/v1/organizations/" + plant + "/units/" + night).then().statusCode(204);
        s.form().formParam("contactId", rosa).formParam("unitId", night).post("/organizations/" + plant + "/move")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("This unit was removed meanwhile; nothing was moved."))
                .body(not(containsString("with that id")));
        team.api().get("/api/v1/contacts/" + rosa).then().body("unitId", is(day));
    }

    @Test
    void anotherTeamsPersonIsStillAPlainNotFound() {
        TestTeam team = TestTeam.create();
        String plant = team.organization("Plant 8", "workplace");
        String day = team.unit(plant, "Day shift", "shift");
        String mine = OrganizationPagesTest.contact(team, "Ana Alvarez", "new", plant, day);
        TestTeam other = TestTeam.create();
        String theirPlant = other.organization("Their plant", "workplace");
        String theirs = OrganizationPagesTest.contact(other, "Hidden Person", "new", theirPlant, null);
        Session s = Session.logIn(team);
        s.open("/organizations/" + plant + "/move?contactId=" + mine);

        s.form().formParam("contactId", theirs).formParam("unitId", day)
                .post("/organizations/" + plant + "/move").then().statusCode(404)
                .body(not(containsString("Hidden Person"))).body(not(containsString("not in this organization")));
        s.request().accept("text/html").get("/organizations/" + plant + "/move?contactId=" + theirs).then()
                .statusCode(404).body(not(containsString("Hidden Person")));
        s.request().get("/organizations/" + plant + "/move?contactId=" + theirs).then()
                .statusCode(404).body("detail", is("No contact with that id in your team"));
        other.api().get("/api/v1/contacts/" + theirs).then().body("unitId", nullValue());
    }

    /**
     * The chart's "moved" notice names only someone of this organization. The walk: {@code ?moved=garbage}
     * said "Moved." though nothing had moved; an id of someone elsewhere (another organization, another
     * team, no one) said it too. Each now says nothing, the chart as it is; someone of it is named.
     */
    @Test
    void theMovedNoticeNamesOnlySomeoneOfThisOrganization() {
        TestTeam team = TestTeam.create();
        String plant = team.organization("Plant 11", "workplace");
        String day = team.unit(plant, "Day shift", "shift");
        String depot = team.organization("East Depot", "workplace");
        String ana = OrganizationPagesTest.contact(team, "Ana Alvarez", "new", plant, day);
        String elsewhere = OrganizationPagesTest.contact(team, "Bea Bravo", "new", depot, null);
        TestTeam other = TestTeam.create();
        String theirs = OrganizationPagesTest.contact(other, "Cy Other", "new", other.organization("Theirs", "workplace"), null);
        Session s = Session.logIn(team);
        String empty = "<div id=\"chart-status\" class=\"no-print\" role=\"status\" hx-swap-oob=\"innerHTML\"></div>";
        for (String moved : new String[]{"garbage", elsewhere, theirs, java.util.UUID.randomUUID().toString(), ""}) {
            String page = s.request().accept("text/html").get("/organizations/" + plant + "/chart?moved=" + moved)
                    .then().statusCode(200).extract().asString();
            assertTrue(page.contains(empty), moved + ": " + page);
            assertFalse(page.contains("Moved.") || page.contains("Bea Bravo") || page.contains("Cy Other"), page);
            assertTrue(page.contains("id=\"card-" + ana + "\""), "the chart as it is: " + page);
        }
        String named = s.request().accept("text/html").get("/organizations/" + plant + "/chart?moved=" + ana)
                .then().statusCode(200).extract().asString();
        assertTrue(named.contains("<p class=\"notice\">Ana Alvarez moved to Day shift.</p></div>"), named);
    }

    /** Move pressed on the unit the form chose (the one they are in): said as that, not "moved to" (a walk). */
    @Test
    void aMoveToTheUnitTheyAreInIsSaidAsNothingChanged() {
        TestTeam team = TestTeam.create();
        String plant = team.organization("Plant 12", "workplace");
        String day = team.unit(plant, "Day shift", "shift");
        String night = team.unit(plant, "Night shift", "shift");
        String ana = OrganizationPagesTest.contact(team, "Ana Alvarez", "new", plant, day);
        Session s = Session.logIn(team);
        s.open("/organizations/" + plant + "/chart");
        String stayed = s.form().formParam("contactId", ana).formParam("unitId", day)
                .post("/organizations/" + plant + "/move").then().statusCode(303).extract().header("Location");
        assertTrue(stayed.contains("stayed=true"), stayed);
        String page = s.request().accept("text/html").get(stayed.replaceAll("#.*", "")).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<p class=\"notice\">Ana Alvarez is in Day shift already; nothing was changed.</p>"), page);
        String moved = s.form().formParam("contactId", ana).formParam("unitId", night)
                .post("/organizations/" + plant + "/move").then().statusCode(303).extract().header("Location");
        assertFalse(moved.contains("stayed"), moved);
        assertTrue(s.request().accept("text/html").get(moved.replaceAll("#.*", "")).then().statusCode(200)
                .extract().asString().contains("Ana Alvarez moved to Night shift."));
        team.api().get("/api/v1/contacts/" + ana).then().body("unitId", is(night));
    }
}
