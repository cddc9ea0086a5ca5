package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.followup.ContactRows;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tie form's other person is searched in the whole team (the contacts list's search), not
 * picked from the first 200 of the contact's organization: anyone of a big workplace, and anyone
 * of another organization, can be tied; no one of another team is found or tied.
 */
@QuarkusTest
class TieSearchPagesTest {

    private static final Pattern RADIO = Pattern.compile("type=\"radio\" id=\"f-otherContactId-[^\"]+\" name=\"otherContactId\"");

    /** 250 people of the organization, in one statement: "Worker 001" to "Worker 250". */
    private static void workers(TestTeam team, String org) {
        ContactRows.sql("""
                insert into contact (id, team_id, full_name, organization_id, owner_id, position, engagement_level,
                                     do_not_contact, created_at, updated_at, version)
                select gen_random_uuid(), ?1, 'Worker ' || lpad(g::text, 3, '0'), ?2, ?3, 'base', 'new', false,
                       now(), now(), 0
                from generate_series(1, 250) g""",
                UUID.fromString(team.teamId), UUID.fromString(org), UUID.fromString(team.adminId));
    }

    private static String person(TestTeam team, String name, String org) {
        return OrganizationPagesTest.contact(team, name, "new", org, null);
    }

    private static int radios(String page) {
        Matcher m = RADIO.matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static long ties(TestTeam team) {
        return ContactRows.count("select count(*) from tie where team_id = ?1", UUID.fromString(team.teamId));
    }

    @Test
    void aSearchFindsAnyoneOfABigWorkplaceAndTheTieIsMade() {
        TestTeam team = TestTeam.create();
        String depot = team.organization("Big Depot", "workplace");
        workers(team, depot);
        String ana = person(team, "Ana Abad", depot);
        String zora = person(team, "Zora Zapata", depot);
        Session s = Session.logIn(team);

        // the page draws no list of the organization's people
        String plain = s.open("/contacts/" + ana);
        assertEquals(0, radios(plain), plain);
        assertFalse(plain.contains("Worker 001"), plain);

        // the search keeps the words and finds her, though 250 names sort before hers
        String found = s.open("/contacts/" + ana + "?tieSearch=zapata");
        assertTrue(found.contains("value=\"zapata\""), found);
        assertTrue(found.contains("value=\"" + zora + "\""), found);
        assertEquals(1, radios(found), found);
        s.form().formParam("tieSearch", "zapata").formParam("otherContactId", zora).formParam("tieKind", "listens-to")
                .formParam("note", "").post("/contacts/" + ana + "/ties").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + ana + "?saved=tie-added#ties"));
        team.api().get("/api/v1/contacts/" + ana + "/ties").then().statusCode(200)
                .body("items[0].otherContactId", is(zora)).body("items[0].direction", is("listens-to"));

        // many matches: a few of them, and a word to type more
        String many = s.open("/contacts/" + ana + "?tieSearch=worker");
        assertEquals(20, radios(many), many);
        assertTrue(many.contains("Only the first 20 are shown: type more of the name."), many);

        // with htmx, the matches alone
        String fragment = s.request().header("HX-Request", "true").queryParam("tieSearch", "Abad")
                .get("/contacts/" + zora).then().statusCode(200).extract().asString();
        assertTrue(fragment.trim().startsWith("<div id=\"tie-found\">"), fragment);
        assertTrue(fragment.contains("value=\"" + ana + "\""), fragment);
        assertFalse(fragment.contains("<h1"), fragment);
        // a search too long to run is said in what htmx swaps, not as "no one found"
        String tooLong = s.request().header("HX-Request", "true").queryParam("tieSearch", "c".repeat(300))
                .get("/contacts/" + zora).then().statusCode(400).extract().asString();
        assertTrue(tooLong.contains("class=\"error\""), tooLong);
        assertFalse(tooLong.contains("No one in the team found"), tooLong);
    }

    @Test
    void aTieAcrossOrganizationsIsMadeAndTheSameOrganizationComesFirst() {
        TestTeam team = TestTeam.create();
        String maple = team.organization("Maple Court", "building");
        String hospital = team.organization("General Hospital", "workplace");
        String ana = person(team, "Ana Maple", maple);
        // made first, so the search's own order (by id) puts her before the neighbour
        String nurse = person(team, "Rosa Nurse", hospital);
        String neighbour = person(team, "Rosa Neighbour", maple);
        String cousin = person(team, "Rosa Cousin", null);
        Session s = Session.logIn(team);

        String found = s.open("/contacts/" + ana + "?tieSearch=rosa");
        int near = found.indexOf("value=\"" + neighbour + "\"");
        int far = found.indexOf("value=\"" + nurse + "\"");
        assertTrue(near > 0 && far > near && found.contains("value=\"" + cousin + "\""), found);
        assertTrue(found.contains("General Hospital"), found);
        s.form().formParam("tieSearch", "rosa").formParam("otherContactId", nurse).formParam("tieKind", "family")
                .post("/contacts/" + ana + "/ties").then().statusCode(303);
        assertTrue(s.open("/contacts/" + nurse).contains("Ana Maple"));
        // someone in no organization searches the whole team too
        String fromCousin = s.open("/contacts/" + cousin + "?tieSearch=rosa");
        assertTrue(fromCousin.contains("value=\"" + nurse + "\"") && fromCousin.contains("value=\"" + neighbour + "\""),
                fromCousin);
        assertFalse(fromCousin.contains("value=\"" + cousin + "\""), "not the contact itself: " + fromCousin);
    }

    @Test
    void noOneOfAnotherTeamIsFoundOrTiedAndRefusalsAreSaidByTheField() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String ana = person(team, "Ana Home", null);
        String bo = person(team, "Bo Home", null);
        String stranger = person(other, "Rosa Elsewhere", null);
        Session s = Session.logIn(team);

        String found = s.open("/contacts/" + ana + "?tieSearch=Elsewhere");
        assertEquals(0, radios(found), found);
        assertTrue(found.contains("No one in the team found for “Elsewhere”."), found);

        // another team's id posted by hand: refused by the field, the search and the kind kept, nothing stored
        String refused = s.form().formParam("tieSearch", "Elsewhere").formParam("otherContactId", stranger)
                .formParam("tieKind", "family").post("/contacts/" + ana + "/ties")
                .then().statusCode(400).body(containsString("id=\"f-otherContactId-error\""))
                .body(containsString("name=\"tieSearch\" value=\"Elsewhere\""))
                .body(containsString("<option value=\"family\" selected>")).extract().asString();
        assertFalse(refused.contains("Rosa Elsewhere"), refused);
        // no one chosen; the contact itself; a tie they have already: the same
        for (String chosen : List.of("", ana)) {
            s.form().formParam("tieSearch", "Home").formParam("otherContactId", chosen).formParam("tieKind", "close")
                    .post("/contacts/" + ana + "/ties").then().statusCode(400)
                    .body(containsString("id=\"f-otherContactId-error\""))
                    .body(containsString("name=\"tieSearch\" value=\"Home\""));
        }
        assertEquals(0, ties(team));
        s.form().formParam("otherContactId", bo).formParam("tieKind", "close").post("/contacts/" + ana + "/ties")
                .then().statusCode(303);
        s.form().formParam("tieSearch", "Bo").formParam("otherContactId", bo).formParam("tieKind", "close")
                .post("/contacts/" + ana + "/ties").then().statusCode(409)
                .body(containsString("id=\"f-otherContactId-error\"")).body(containsString("already have"))
                // the person chosen is still ticked among the matches
                .body(containsString("value=\"" + bo + "\" checked"));
        // an erased person is no longer there to tie with
        String gone = person(team, "Cy Gone", null);
        team.api().delete("/api/v1/contacts/" + gone).then().statusCode(204);
        s.form().formParam("otherContactId", gone).formParam("tieKind", "close").post("/contacts/" + ana + "/ties")
                .then().statusCode(400).body(containsString("id=\"f-otherContactId-error\""));
        assertEquals(1, ties(team));
        assertEquals(0, ties(other));
    }

    @Test
    void aSearchWithANulOrTooManyCharactersIsRefusedNotAnError() {
        TestTeam team = TestTeam.create();
        String ana = person(team, "Ana Abad", null);
        String bo = person(team, "Bo Bell", null);
        Session s = Session.logIn(team);
        // in the address, as the contacts list's search is refused
        for (String htmx : List.of("", "true")) {
            var asked = s.request().accept("text/html").urlEncodingEnabled(false);
            if (!htmx.isEmpty()) {
                asked.header("HX-Request", htmx);
            }
            asked.get("/contacts/" + ana + "?tieSearch=Ro%00sa").then().statusCode(400)
                    .contentType(containsString("text/html")).body(containsString("NUL"));
        }
        s.request().accept("text/html").get("/contacts/" + ana + "?tieSearch=" + "a".repeat(100_000)).then()
                .statusCode(414).contentType(containsString("text/html")).body(containsString("The address is too long"));
        // too long to run, in an address that fits: the page, its tie form saying so, as a 400
        s.request().accept("text/html").get("/contacts/" + ana + "?tieSearch=" + "a".repeat(300)).then()
                .statusCode(400).body(containsString("id=\"f-tieSearch-error\"")).body(containsString("<h1"));
        // in a form sent by hand: said on the search field, nothing stored
        s.open("/contacts/" + ana);
        s.form().formParam("tieSearch", "Bo\u0000").formParam("otherContactId", bo).formParam("tieKind", "close")
                .post("/contacts/" + ana + "/ties").then().statusCode(400)
                .body(containsString("id=\"f-tieSearch-error\"")).body(containsString("NUL"));
        s.form().formParam("tieSearch", "b".repeat(100_000)).formParam("tieKind", "close")
                .post("/contacts/" + ana + "/ties").then().statusCode(400)
                .body(containsString("id=\"f-tieSearch-error\"")).body(not(containsString("b".repeat(201))));
        assertEquals(0, ties(team));
    }

    /**
     * The walk: a search for the person's own name said "No one in the team found", though they were
     * found (and left out: no one is tied to themselves). It now says that only they match, in the page
     * and in what htmx swaps; anyone else found is listed as before.
     */
    @Test
    void aSearchForTheirOwnNameSaysOnlyTheyAreFound() {
        TestTeam team = TestTeam.create();
        String org = team.organization("Ward Street", "building");
        String quill = person(team, "Quintana Quill", org);
        Session s = Session.logIn(team);

        String page = s.open("/contacts/" + quill + "?tieSearch=quintana");
        assertTrue(page.contains("Only Quintana Quill is found for “quintana”: a tie is with someone else."), page);
        assertFalse(page.contains("No one in the team found"), page);
        assertEquals(0, radios(page), page);
        s.request().header("HX-Request", "true").queryParam("tieSearch", "Quill").get("/contacts/" + quill)
                .then().statusCode(200).body(containsString("Only Quintana Quill is found for “Quill”"));

        // someone else of that name: listed, no such words
        String other = person(team, "Quintana Ruiz", org);
        String both = s.open("/contacts/" + quill + "?tieSearch=quintana");
        assertTrue(both.contains("value=\"" + other + "\""), both);
        assertFalse(both.contains("Only Quintana Quill"), both);
        // a name no one has: as before
        assertTrue(s.open("/contacts/" + quill + "?tieSearch=zzyzx").contains("No one in the team found for “zzyzx”."));
    }
}
