package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Units on the organization's page (rename, up and down, remove with its people moved), the unit
 * field of the contact forms, and the wall chart's long columns folding with a link to the whole column.
 */
@QuarkusTest
class UnitPagesTest {

    record Org(TestTeam team, String id, String day, String night, String yard) {
        String units() {
            return "/api/v1/organizations/" + id + "/units";
        }

        List<String> unitNames() {
            return team.api().get(units()).then().statusCode(200).extract().jsonPath().getList("items.name");
        }
    }

    static Org org() {
        TestTeam team = TestTeam.create();
        String org = team.organization("Harbour Depot", "workplace");
        String day = team.unit(org, "Day shift", "shift");
        String night = team.unit(org, "Night shift", "shift");
        String yard = team.unit(org, "Yard", "area");
        return new Org(team, org, day, night, yard);
    }

    static String person(Org o, String name, String unit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("fullName", name, "organizationId", o.id()));
        if (unit != null) {
            body.put("unitId", unit);
        }
        return o.team().api().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void renameAndReorderUnitsOnTheOrganizationsPage() {
        Org o = org();
        Session s = Session.logIn(o.team());
        String page = s.open("/organizations/" + o.id());
        assertTrue(page.contains("id=\"unit-" + o.day() + "\""), page);
        // the first unit cannot go up, the last cannot go down
        assertFalse(page.contains("/units/" + o.day() + "/up\""), page);
        assertFalse(page.contains("/units/" + o.yard() + "/down\""), page);

        s.form().post("/organizations/" + o.id() + "/units/" + o.yard() + "/up").then().statusCode(303)
                .header("Location", endsWith("/organizations/" + o.id() + "?shifted=" + o.yard() + "&dir=up"));
        assertEquals(List.of("Day shift", "Yard", "Night shift"), o.unitNames());
        s.form().post("/organizations/" + o.id() + "/units/" + o.day() + "/down").then().statusCode(303);
        assertEquals(List.of("Yard", "Day shift", "Night shift"), o.unitNames());
        // at the top already: nothing moves, no error, and nothing is said to have moved
        s.form().post("/organizations/" + o.id() + "/units/" + o.yard() + "/up").then().statusCode(303)
                .header("Location", endsWith("/organizations/" + o.id() + "#unit-" + o.yard()));
        assertEquals(List.of("Yard", "Day shift", "Night shift"), o.unitNames());
        // removed since the page was drawn: said on the organization's page where a move is, the units as they are
        // now (it was the "deleted" page, as if the organization were gone)
        String removed = o.team().unit(o.id(), "Gone meanwhile", "area");
        o.team().api().delete(o.units() + "/" + removed).then().statusCode(204);
        String said = s.form().post("/organizations/" + o.id() + "/units/" + removed + "/up").then().statusCode(404)
                .extract().asString();
        int at = said.indexOf("id=\"unit-said\"");
        // its buttons gone with it, the words take the focus (it fell to the page's top: a walk)
        assertTrue(at > 0 && said.indexOf("<p class=\"notice\" tabindex=\"-1\" autofocus>"
                + "This unit was removed meanwhile; nothing was moved.", at) > at, said);
        assertTrue(said.contains("id=\"unit-" + o.yard() + "\"") && !said.contains("Gone meanwhile"), said);
        assertEquals(List.of("Yard", "Day shift", "Night shift"), o.unitNames());
        // the wall chart's columns follow
        String chart = s.request().get("/organizations/" + o.id() + "/chart").then().statusCode(200).extract().asString();
        assertTrue(chart.indexOf(">Yard</h2>") < chart.indexOf(">Day shift</h2>")
                && chart.indexOf(">Day shift</h2>") < chart.indexOf(">Night shift</h2>"), chart);

        // rename on the unit's own page
        String unitPage = s.open("/organizations/" + o.id() + "/units/" + o.night());
        assertTrue(unitPage.contains("value=\"Night shift\""), unitPage);
        s.form().formParam("unitName", "Nights").formParam("unitKind", "shift")
                .post("/organizations/" + o.id() + "/units/" + o.night() + "/rename").then().statusCode(303);
        assertEquals(List.of("Yard", "Day shift", "Nights"), o.unitNames());
        // refusals are messages by the field, with what was typed
        s.form().formParam("unitName", "  ").formParam("unitKind", "shift")
                .post("/organizations/" + o.id() + "/units/" + o.night() + "/rename").then().statusCode(400)
                .body(containsString("id=\"f-unitName-error\""));
        s.form().formParam("unitName", "x".repeat(100_000)).formParam("unitKind", "shift")
                .post("/organizations/" + o.id() + "/units/" + o.night() + "/rename").then().statusCode(400)
                .body(containsString("id=\"f-unitName-error\""));
        s.form().formParam("unitName", "Nights").formParam("unitKind", "basement")
                .post("/organizations/" + o.id() + "/units/" + o.night() + "/rename").then().statusCode(400)
                .body(containsString("id=\"f-unitKind-error\""));
        // said beside the name, not at the top of the page (the walk), on a rename and on Add unit
        Response clash = s.form().formParam("unitName", "Yard").formParam("unitKind", "shift")
                .post("/organizations/" + o.id() + "/units/" + o.night() + "/rename");
        PageFormsTest.assertFieldError(clash, 409, "unitName", "already has a unit named");
        clash.then().body(containsString("value=\"Yard\""));
        PageFormsTest.assertFieldError(s.form().formParam("unitName", "yard").formParam("unitKind", "area")
                .formParam("parentId", "").post("/organizations/" + o.id() + "/units"), 409, "unitName",
                "already has a unit named &#39;Yard&#39;");
        s.form().formParam("unitName", "Night\u0000s").formParam("unitKind", "shift")
                .post("/organizations/" + o.id() + "/units/" + o.night() + "/rename").then().statusCode(400);
        assertEquals(List.of("Yard", "Day shift", "Nights"), o.unitNames());
        // renamed after another tab removed it (the walk): the deletion said, the name typed shown, not a bare 404
        String gone = o.team().api().body(Map.of("name", "Loading bay")).post("/api/v1/organizations/" + o.id() + "/units")
                .then().statusCode(201).extract().path("id");
        o.team().api().delete("/api/v1/organizations/" + o.id() + "/units/" + gone).then().statusCode(204);
        s.form().formParam("unitName", "Loading bay north").formParam("unitKind", "area")
                .post("/organizations/" + o.id() + "/units/" + gone + "/rename").then().statusCode(404)
                .body(containsString("This was deleted meanwhile")).body(containsString("Loading bay north"));
        // only the kind changed in the tab: the stored name is not "what you wrote" (review 3 of session 45)
        String packing = o.team().api().body(Map.of("name", "Packing bay")).post("/api/v1/organizations/" + o.id() + "/units")
                .then().statusCode(201).extract().path("id");
        String packingPage = s.open("/organizations/" + o.id() + "/units/" + packing);
        o.team().api().delete("/api/v1/organizations/" + o.id() + "/units/" + packing).then().statusCode(204);
        String deleted = s.form().formParam("unitName", "Packing bay").formParam("unitKind", "area")
                .formParam("drawn", EditConflictPagesTest.drawn(packingPage, "drawn"))
                .post("/organizations/" + o.id() + "/units/" + packing + "/rename").then().statusCode(404)
                .body(containsString("This was deleted meanwhile")).extract().asString();
        assertTrue(!deleted.contains("Packing bay"), deleted);

        // another team's organizer sees none of it and changes nothing
        Session stranger = Session.logIn(TestTeam.create());
        stranger.open("/organizations");
        stranger.request().get("/organizations/" + o.id() + "/units/" + o.night()).then().statusCode(404);
        stranger.form().post("/organizations/" + o.id() + "/units/" + o.yard() + "/down").then().statusCode(404);
        stranger.form().formParam("unitName", "Mine").formParam("unitKind", "shift")
                .post("/organizations/" + o.id() + "/units/" + o.night() + "/rename").then().statusCode(404);
        stranger.form().post("/organizations/" + o.id() + "/units/" + o.night() + "/remove").then().statusCode(404);
        s.request().get("/organizations/" + o.id() + "/units/not-a-unit").then().statusCode(404);
        assertEquals(List.of("Yard", "Day shift", "Nights"), o.unitNames());
    }

    /**
     * A walk: a unit of one person said "Siguen … elige adónde van … Moverlas a" in Spanish, and a move out of every
     * unit "pasó a Sin unidad" / "moved to No unit", the box's label read as a unit's name.
     */
    @Test
    void onePersonIsSaidInTheSingularAndAMoveToNoUnitAsASentence() {
        Org o = org();
        String ana = person(o, "Ana Alvarez", o.day());
        Session s = Session.logIn(o.team());
        s.open("/organizations/" + o.id() + "/chart");
        s.form().formParam("contactId", ana).formParam("unitId", "").post("/organizations/" + o.id() + "/move")
                .then().statusCode(303);
        String moved = s.request().get("/organizations/" + o.id() + "/chart?moved=" + ana).then().statusCode(200)
                .extract().asString();
        assertTrue(moved.contains("Ana Alvarez is in no unit now.") && !moved.contains("moved to No unit"), moved);
        // the units are empty now: no share to give, not "0%" (a walk)
        assertTrue(moved.contains("Talked to in 30 days: <strong>—</strong> · With an owner: <strong>—</strong>"), moved);
        o.team().api().body(Map.of("unitId", o.day())).patch("/api/v1/contacts/" + ana).then().statusCode(200);

        s.open("/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        String unit = s.open("/organizations/" + o.id() + "/units/" + o.day());
        assertTrue(unit.contains("1 persona está</strong> en Day shift. Sigue en Harbour Depot: elige adónde va.")
                && unit.contains("Moverla a") && !unit.contains("Moverlas a"), unit);
        s.form().formParam("contactId", ana).formParam("unitId", "").post("/organizations/" + o.id() + "/move")
                .then().statusCode(303);
        String movida = s.request().get("/organizations/" + o.id() + "/chart?moved=" + ana).then().statusCode(200)
                .extract().asString();
        assertTrue(movida.contains("Ana Alvarez ya no está en ninguna unidad.") && !movida.contains("pasó a Sin unidad"), movida);
        // two people: still the plural
        person(o, "Bea Brown", o.night());
        person(o, "Cy Chen", o.night());
        String two = s.open("/organizations/" + o.id() + "/units/" + o.night());
        assertTrue(two.contains("Siguen en Harbour Depot: elige adónde van.") && two.contains("Moverlas a"), two);
    }

    @Test
    void removingAUnitSaysWhoSitsInItAndMovesThem() {
        Org o = org();
        String ana = person(o, "Ana Alvarez", o.day());
        String bea = person(o, "Bea Brown", o.day());
        String cy = person(o, "Cy Chen", o.night());
        Session s = Session.logIn(o.team());

        String page = s.open("/organizations/" + o.id());
        assertTrue(page.contains("Day shift</a> <span class=\"muted\">Shift · 2 people</span>"), page);
        String dayPage = s.open("/organizations/" + o.id() + "/units/" + o.day());
        assertTrue(dayPage.contains("2 people sit</strong> in Day shift. "), dayPage);
        // nothing inside it: no word of units inside it going with it (the walk: every top unit said so)
        assertFalse(dayPage.contains("inside it"), dayPage);
        // one with a unit inside it names it
        o.team().api().body(Map.of("name", "Bay 2", "kind", "area", "parentId", o.night()))
                .post("/api/v1/organizations/" + o.id() + "/units").then().statusCode(201);
        String nightPage = s.open("/organizations/" + o.id() + "/units/" + o.night());
        assertTrue(nightPage.contains("in Night shift and the units inside it. ")
                && nightPage.contains("The units inside it (Bay 2) are removed with it."), nightPage);
        // the people may go to another unit of the organization, never into the unit removed
        assertTrue(dayPage.contains("<option value=\"" + o.night() + "\">Night shift</option>"), dayPage);
        assertFalse(dayPage.contains("<option value=\"" + o.day() + "\""), dayPage);

        // another organization's unit, or the unit itself, is refused by the field; nothing is removed
        String other = o.team().api().body(Map.of("name", "Elsewhere")).post("/api/v1/organizations").then().extract().path("id");
        String otherUnit = o.team().api().body(Map.of("name", "Floor 1")).post("/api/v1/organizations/" + other + "/units")
                .then().statusCode(201).extract().path("id");
        s.form().formParam("moveTo", otherUnit).post("/organizations/" + o.id() + "/units/" + o.day() + "/remove")
                .then().statusCode(400).body(containsString("id=\"f-moveTo-error\""));
        s.form().formParam("moveTo", o.day()).post("/organizations/" + o.id() + "/units/" + o.day() + "/remove")
                .then().statusCode(400).body(containsString("id=\"f-moveTo-error\""));
        s.form().formParam("moveTo", "12").post("/organizations/" + o.id() + "/units/" + o.day() + "/remove")
                .then().statusCode(400).body(containsString("id=\"f-moveTo-error\""));
        assertEquals(List.of("Day shift", "Night shift", "Bay 2", "Yard"), o.unitNames());

        // move them to the night shift
        s.form().formParam("moveTo", o.night()).post("/organizations/" + o.id() + "/units/" + o.day() + "/remove")
                .then().statusCode(303).header("Location", endsWith("/organizations/" + o.id() + "?saved=unit-removed"));
        assertEquals(List.of("Night shift", "Bay 2", "Yard"), o.unitNames());
        assertTrue(s.open("/organizations/" + o.id() + "?saved=unit-removed").contains("<p class=\"notice\" tabindex=\"-1\" autofocus>Unit removed.</p>"),
                "the removal is said");
        for (String p : List.of(ana, bea, cy)) {
            o.team().api().get("/api/v1/contacts/" + p).then().body("unitId", is(o.night()));
        }
        // or to no unit
        s.open("/organizations/" + o.id() + "/units/" + o.night());
        s.form().formParam("moveTo", "").post("/organizations/" + o.id() + "/units/" + o.night() + "/remove")
                .then().statusCode(303);
        assertEquals(List.of("Yard"), o.unitNames());
        for (String p : List.of(ana, bea, cy)) {
            o.team().api().get("/api/v1/contacts/" + p).then().body("unitId", nullValue(), "organizationId", is(o.id()));
        }
        // nobody in the yard: it just goes
        String yardPage = s.open("/organizations/" + o.id() + "/units/" + o.yard());
        assertTrue(yardPage.contains("Nobody sits in Yard.</p>"), yardPage);
        assertFalse(yardPage.contains("name=\"moveTo\""), yardPage);
        // a moveTo sent all the same has no box to be said beside: said in words, not a bare 400 (the probe)
        s.form().formParam("moveTo", "bad").post("/organizations/" + o.id() + "/units/" + o.yard() + "/remove")
                .then().statusCode(400).body(containsString("class=\"error\" role=\"alert\">"));
        s.form().post("/organizations/" + o.id() + "/units/" + o.yard() + "/remove").then().statusCode(303);
        assertEquals(List.of(), o.unitNames());
    }

    @Test
    void theContactFormsChooseAUnitOfTheOrganization() {
        Org o = org();
        TestTeam team = o.team();
        String block = team.api().body(Map.of("name", "Block A", "kind", "building")).post(o.units()).then().statusCode(201).extract().path("id");
        String floor = team.api().body(Map.of("name", "Floor 3", "kind", "floor", "parentId", block)).post(o.units())
                .then().statusCode(201).extract().path("id");
        String other = team.api().body(Map.of("name", "Elsewhere")).post("/api/v1/organizations").then().extract().path("id");
        String otherUnit = team.api().body(Map.of("name", "Floor 1")).post("/api/v1/organizations/" + other + "/units")
                .then().statusCode(201).extract().path("id");
        Org stranger = org();
        Session s = Session.logIn(team);

        // no organization yet: no units to choose; htmx asks for the field again when one is chosen
        String add = s.open("/contacts/new");
        assertTrue(add.contains("id=\"f-unitId\"") && add.contains("Choose an organization first"), add);
        String field = s.request().header("HX-Request", "true").get("/contacts/unit-field?organizationId=" + o.id())
                .then().statusCode(200).extract().asString();
        // a unit with units inside it is a group: itself, then its units
        assertTrue(field.contains("<optgroup label=\"Block A\">"), field);
        assertTrue(field.indexOf("<option value=\"" + block + "\">Block A</option>")
                < field.indexOf("<option value=\"" + floor + "\">Block A · Floor 3</option>"), field);
        assertTrue(field.contains("<option value=\"" + o.night() + "\">Night shift</option>"), field);
        assertFalse(field.contains("<option value=\"" + otherUnit + "\""), field);
        // nonsense asks get an empty choice, not an error
        s.request().get("/contacts/unit-field?organizationId=%00").then().statusCode(200);
        s.request().get("/contacts/unit-field?organizationId=" + stranger.id()).then().statusCode(200)
                .body(not(containsString(stranger.day())));

        // a unit of another organization or team: a message by the field, what was typed kept, nothing saved
        for (String wrong : List.of(otherUnit, stranger.day(), "not-an-id")) {
            s.form().formParam("fullName", "Fay Fox").formParam("engagementLevel", "new").formParam("position", "base")
                    .formParam("organizationId", o.id()).formParam("unitId", wrong).post("/contacts")
                    .then().statusCode(400)
                    .body(containsString("id=\"f-unitId-error\""), containsString("value=\"Fay Fox\""),
                            containsString("<option value=\"" + o.night() + "\">Night shift</option>"));
        }
        team.api().get("/api/v1/contacts?q=Fay").then().body("items", hasSize(0));
        // the right one is saved
        String created = s.form().formParam("fullName", "Fay Fox").formParam("engagementLevel", "new")
                .formParam("position", "base").formParam("organizationId", o.id()).formParam("unitId", floor)
                .post("/contacts").then().statusCode(303).extract().header("Location");
        String fay = created.replaceAll(".*/contacts/([^?#]*).*", "$1");
        team.api().get("/api/v1/contacts/" + fay).then().body("unitId", is(floor));

        // the edit form shows the stored unit selected and changes it
        String edit = s.open("/contacts/" + fay + "/edit");
        assertTrue(edit.contains("<option value=\"" + floor + "\" selected>"), edit);
        String version = edit.replaceAll("(?s).*name=\"version\" value=\"([0-9]+)\".*", "$1");
        s.form().formParam("fullName", "Fay Fox").formParam("position", "base").formParam("organizationId", o.id())
                .formParam("unitId", otherUnit).formParam("version", version).post("/contacts/" + fay + "/edit")
                .then().statusCode(400).body(containsString("id=\"f-unitId-error\""));
        team.api().get("/api/v1/contacts/" + fay).then().body("unitId", is(floor));
        s.form().formParam("fullName", "Fay Fox").formParam("position", "base").formParam("organizationId", o.id())
                .formParam("unitId", o.yard()).formParam("version", version).post("/contacts/" + fay + "/edit")
                .then().statusCode(303);
        team.api().get("/api/v1/contacts/" + fay).then().body("unitId", is(o.yard()));
        // choosing "no unit" takes them out of it
        String again = s.open("/contacts/" + fay + "/edit");
        String v2 = again.replaceAll("(?s).*name=\"version\" value=\"([0-9]+)\".*", "$1");
        s.form().formParam("fullName", "Fay Fox").formParam("position", "base").formParam("organizationId", o.id())
                .formParam("unitId", "").formParam("version", v2).post("/contacts/" + fay + "/edit").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + fay).then().body("unitId", nullValue());
    }

    @Test
    void aLongColumnFoldsWithACountAndALinkToTheWholeColumn() {
        Org o = org();
        StringBuilder csv = new StringBuilder("Name,Workplace,Unit,Level\n");
        for (int i = 1; i <= 57; i++) {
            csv.append(String.format("Day Person %02d,Harbour Depot,Day shift,%s%n", i, i <= 3 ? "cadre" : "new"));
        }
        csv.append("Night Person,Harbour Depot,Night shift,new\n");
        io.restassured.RestAssured.given().auth().oauth2(o.team().token).contentType("text/csv").accept("application/json")
                .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/imports/contacts")
                .then().statusCode(200).body("created", is(58));
        Session s = Session.logIn(o.team());

        String chart = s.request().get("/organizations/" + o.id() + "/chart").then().statusCode(200).extract().asString();
        String day = OrganizationPagesTest.column(chart, "Day shift");
        // the figures count all 57; 50 cards are drawn, new first; the rest behind a link
        assertTrue(day.contains("<strong>57</strong> people"), day);
        assertEquals(50, day.split("class=\"card card-").length - 1, day);
        assertTrue(day.contains("Day Person 04") && !day.contains("Day Person 01"), "cadre come last and fold: " + day);
        assertTrue(day.contains("href=\"chart?unit=" + o.day() + "\">7 more: the whole column"), day);
        assertFalse(OrganizationPagesTest.column(chart, "Night shift").contains("more: the whole column"));

        // the whole column: every card, one column, the way back
        String whole = s.request().get("/organizations/" + o.id() + "/chart?unit=" + o.day()).then().statusCode(200)
                .extract().asString();
        assertEquals(57, whole.split("class=\"card card-").length - 1);
        assertFalse(whole.contains(">Night shift</h2>") || whole.contains(">No unit</h2>"), whole);
        assertTrue(whole.contains("Back to every unit") && whole.contains("Day Person 01"), whole);
        // filters and the column together; the move link keeps both
        String cadre = s.request().get("/organizations/" + o.id() + "/chart?level=cadre&unit=" + o.day()).then()
                .statusCode(200).extract().asString();
        assertEquals(3, cadre.split("class=\"card card-").length - 1);
        assertTrue(cadre.contains("&amp;level=cadre&amp;unit=" + o.day() + "\""), cadre);
        // a unit of another team, or nonsense, is refused (OrganizationPagesTest says how), not everyone's cards
        Org stranger = org();
        for (String unit : List.of(stranger.day(), "%00")) {
            s.request().get("/organizations/" + o.id() + "/chart?unit=" + unit).then().statusCode(400);
        }
        String none = s.request().get("/organizations/" + o.id() + "/chart?unit=none").then().statusCode(200)
                .extract().asString();
        assertTrue(!none.contains(">Day shift</h2>"), none);
    }
}
