package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.groundwork.web.PageFormsTest.assertFieldError;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An action typed in wrong (its title, time, length, place or who was there) is corrected from its
 * check-in page, through the service the API's PATCH uses: the form shows what is stored on the
 * team's clocks, keeps what was typed on a refusal and stores nothing, answers 404 for another
 * team's action, and shows what is stored now when someone saved it meanwhile. Found missing by
 * the browser walk: a mistyped action stayed wrong in the reports.
 */
@QuarkusTest
class ActionEditPagesTest {

    /** An action of the team's at 07:00:30 UTC (03:00 on New York's clocks in May): its id. */
    private static String action(TestTeam team) {
        return team.api().body(Map.of("title", "Rally at the depto", "kind", "rally",
                        "startsAt", "2026-05-01T07:00:30Z", "durationMinutes", 60, "location", "Main St"))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
    }

    /**
     * The edit form as the page draws it for that action, with these organizers ticked and the
     * fields given (name, value; a null value leaves the field out) typed over it.
     */
    private static RequestSpecification typed(Session s, List<String> organizers, String... typed) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("version", "0", "title", "Rally at the depto",
                "kind", "rally", "startsAt", "2026-05-01T03:00", "durationMinutes", "60", "location", "Main St"));
        for (int i = 0; i < typed.length; i += 2) {
            fields.put(typed[i], typed[i + 1]);
        }
        fields.values().removeIf(java.util.Objects::isNull);
        RequestSpecification form = s.form().formParams(fields);
        for (String organizer : organizers) {
            form = form.formParam("organizerIds", organizer);
        }
        return form;
    }

    /** The action as the API gives it, unchanged: the title, time to the second, length, place and version. */
    private static void unchanged(TestTeam team, String id) {
        team.api().get("/api/v1/actions/" + id).then().statusCode(200).header("ETag", is("\"0\""))
                .body("title", is("Rally at the depto")).body("startsAt", is("2026-05-01T07:00:30Z"))
                .body("durationMinutes", is(60)).body("location", is("Main St"))
                .body("organizerIds", contains(team.adminId));
    }

    @Test
    void anActionTypedInWrongIsCorrectedFromItsPageAndTheAuditNamesWhatChanged() {
        TestTeam team = TestTeam.create("America/New_York");
        TestTeam.Member member = team.member("organizer");
        String id = action(team);
        Session s = Session.logIn(team);
        s.request().get("/actions/" + id).then().statusCode(200)
                .body(containsString("href=\"/actions/" + id + "/edit\""));
        String form = s.open("/actions/" + id + "/edit");
        // on the team's clocks, to the minute; the admin (who recorded it) ticked as present
        assertTrue(form.contains("value=\"2026-05-01T03:00\"") && form.contains("value=\"Rally at the depto\"")
                && form.contains("name=\"version\" value=\"0\"") && form.contains("value=\"Main St\""), form);
        assertTrue(form.matches("(?s).*<input type=\"checkbox\" id=\"" + team.adminId + "\" name=\"organizerIds\" value=\""
                + team.adminId + "\" checked>.*"), form);
        assertTrue(form.matches("(?s).*<input type=\"checkbox\" id=\"" + member.id() + "\" name=\"organizerIds\" value=\""
                + member.id() + "\">.*"), form);

        // the title's typo fixed, the place and who was there corrected; the time left as shown
        typed(s, List.of(team.adminId, member.id()), "title", "Rally at the depot", "location", "Depot gate, Main St")
                .post("/actions/" + id + "/edit").then().statusCode(303)
                .header("Location", endsWith("/actions/" + id + "?saved=details"));
        s.request().get("/actions/" + id + "?saved=details").then().statusCode(200)
                .body(containsString("id=\"saved\">The action&#39;s details were saved."));
        s.request().get("/actions/" + id).then().statusCode(200).body(not(containsString("id=\"saved\"")));
        String saved = version(team, id);
        team.api().get("/api/v1/actions/" + id).then().statusCode(200).header("ETag", not("\"0\""))
                .body("title", is("Rally at the depot")).body("location", is("Depot gate, Main St"))
                .body("startsAt", is("2026-05-01T07:00:30Z")).body("durationMinutes", is(60)).body("kind", is("rally"))
                .body("organizerIds", containsInAnyOrder(team.adminId, member.id()));
        assertEquals(List.of(Set.of("location", "organizerIds", "title")), changes(team, id));

        // the time and the length changed: the time is the minute typed on the team's clocks; the place cleared
        s.open("/actions/" + id + "/edit");
        typed(s, List.of(team.adminId, member.id()), "version", saved, "title", "Rally at the depot",
                "startsAt", "2026-05-01T18:30", "durationMinutes", "90", "location", "")
                .post("/actions/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/actions/" + id).then().body("startsAt", is("2026-05-01T22:30:00Z"))
                .body("durationMinutes", is(90)).body("location", nullValue()).body("title", is("Rally at the depot"));
        assertEquals(List.of(Set.of("location", "organizerIds", "title"), Set.of("startsAt", "durationMinutes", "location")),
                changes(team, id));

        // saved untouched: nothing changes, no event, the same version
        String now = version(team, id);
        assertTrue(s.open("/actions/" + id + "/edit").contains("name=\"version\" value=\"" + now + "\""));
        typed(s, List.of(member.id(), team.adminId), "version", now, "title", "Rally at the depot",
                "startsAt", "2026-05-01T18:30", "durationMinutes", "90", "location", "")
                .post("/actions/" + id + "/edit").then().statusCode(303);
        assertEquals(now, version(team, id));
        assertEquals(2, changes(team, id).size());
    }

    @Test
    void badInputComesBackWithWhatWasTypedAndStoresNothing() {
        TestTeam team = TestTeam.create("America/New_York");
        String id = action(team);
        String stranger = TestTeam.create().adminId;
        Session s = Session.onPage(team, "/actions/" + id + "/edit");
        String edit = "/actions/" + id + "/edit";

        Response nul = typed(s, List.of(team.adminId), "title", "Rally\u0000 at the depot", "location", "Depot gate")
                .post(edit);
        assertFieldError(nul, "title", "This contains a NUL character");
        nul.then().body(containsString("value=\"Rally at the depot\"")).body(containsString("value=\"Depot gate\""));

        String huge = "x".repeat(100_000);
        Response long_ = typed(s, List.of(team.adminId), "title", huge).post(edit);
        assertFieldError(long_, "title", "Use at most 200 characters (this has 100,000)");
        long_.then().body(containsString("value=\"" + huge + "\""));

        for (String when : List.of("12345", "garbage", "2026-13-45T25:99", "99999-01-01T10:00")) {
            Response bad = typed(s, List.of(team.adminId), "startsAt", when, "durationMinutes", "45").post(edit);
            assertFieldError(bad, "startsAt", "Enter a date");
            bad.then().body(containsString("value=\"" + when + "\"")).body(containsString("value=\"45\""));
        }

        Map<String, String> minutes = Map.of("-5", "Use 1 or more", "0", "Use 1 or more",
                "10081", "Use 10,080 or less", "99999999999999", "Use 10,080 or less", "-99999999999999", "Use 1 or more",
                "1.5", "Enter a whole number");
        minutes.forEach((length, says) -> {
            Response bad = typed(s, List.of(team.adminId), "durationMinutes", length).post(edit);
            assertFieldError(bad, "durationMinutes", says);
            bad.then().body(containsString("value=\"" + length + "\""));
        });

        // nothing but the token: every field the service needs is said in one answer, nothing is stored
        Response bare = s.form().post(edit);
        assertFieldError(bare, "organizerIds", "Tick at least one organizer who was there");
        assertFieldError(bare, "title", "Fill this in");
        assertFieldError(typed(s, List.of(team.adminId), "title", null).post(edit), "title", "Fill this in");
        assertFieldError(typed(s, List.of(team.adminId), "startsAt", null).post(edit), "startsAt", "Fill this in");
        assertFieldError(typed(s, List.of(team.adminId), "kind", null).post(edit), "kind", "Fill this in");
        assertFieldError(typed(s, List.of(team.adminId), "kind", "riot").post(edit), "kind",
                "Choose one from the list");

        // another team's organizer, or no organizer at all, as present: said under the organizers, naming which
        Response foreign = typed(s, List.of(team.adminId, stranger), "title", "Rally at the depot").post(edit);
        assertFieldError(foreign, "organizerIds", "Number 2 in the list: No organizer with that id in your team");
        foreign.then().body(containsString("value=\"Rally at the depot\""));
        assertFieldError(typed(s, List.of(team.adminId, "nope")).post(edit), "organizerIds",
                "Choose one from the list");
        assertFieldError(typed(s, List.of(UUID.randomUUID().toString())).post(edit), "organizerIds",
                "No organizer with that id in your team");
        // every box unticked: the action's minutes left every organizer's report without a word
        Response nobody = typed(s, List.of(), "title", "Rally at the depot").post(edit);
        assertFieldError(nobody, "organizerIds", "Tick at least one organizer who was there");
        nobody.then().body(containsString("value=\"Rally at the depot\""));
        // every box unticked with a field that does not pass its record's rule (the walk: the organizers came
        // a round later): all at once
        Response both = typed(s, List.of(), "durationMinutes", "99999").post(edit);
        assertFieldError(both, "durationMinutes", "");
        assertFieldError(both, "organizerIds", "Tick at least one organizer who was there");
        // the API's doors, the same rule
        team.api().body(Map.of("organizerIds", List.of())).header("If-Match", "\"0\"").patch("/api/v1/actions/" + id)
                .then().statusCode(400).body("errors[0].field", is("organizerIds"))
                .body("errors[0].message", is("must name at least one organizer who was there"));
        team.api().body(Map.of("title", "Nobody's rally", "kind", "rally", "startsAt", "2026-05-01T07:00:30Z",
                "durationMinutes", 60, "organizerIds", List.of())).post("/api/v1/actions").then().statusCode(400)
                .body("errors[0].field", is("organizerIds"));
        // another team's work
        String theirWork = TestTeam.create().api().body(Map.of("name", "Their work", "focus", "bring-in-new",
                "mode", "building")).post("/api/v1/works").then().statusCode(201).extract().path("id");
        assertFieldError(typed(s, List.of(team.adminId), "workId", theirWork).post(edit), "workId",
                "No work with that id in your team");

        unchanged(team, id);
        assertEquals(List.of(), changes(team, id));

        // a field the form does not have is not read: the rest is saved as typed
        typed(s, List.of(team.adminId), "createdBy", stranger, "teamId", UUID.randomUUID().toString(),
                "title", "Rally at the depot").post(edit).then().statusCode(303);
        team.api().get("/api/v1/actions/" + id).then().body("title", is("Rally at the depot"))
                .body("organizerIds", contains(team.adminId));
        assertEquals(List.of(Set.of("title")), changes(team, id));
    }

    @Test
    void anotherTeamsActionAndAPostWithoutItsTokenChangeNothing() {
        TestTeam team = TestTeam.create("America/New_York");
        String id = action(team);

        // another team's organizer: the form and its post are a 404 page, and nothing changes
        Session stranger = Session.onPage(TestTeam.create(), "/actions");
        stranger.request().accept("text/html").get("/actions/" + id + "/edit").then().statusCode(404)
                .contentType(containsString("text/html"));
        typed(stranger, List.of(team.adminId)).accept("text/html").post("/actions/" + id + "/edit")
                .then().statusCode(404).contentType(containsString("text/html"));
        stranger.request().get("/actions/" + UUID.randomUUID() + "/edit").then().statusCode(404);
        stranger.request().get("/actions/nope/edit").then().statusCode(404);
        unchanged(team, id);

        // without the page's CSRF token: refused as every page form is, nothing stored
        Session s = Session.onPage(team, "/actions/" + id + "/edit");
        s.request().contentType("application/x-www-form-urlencoded").formParam("version", "0")
                .formParam("title", "Rally at the depot").formParam("kind", "rally")
                .formParam("startsAt", "2026-05-01T03:00").formParam("durationMinutes", "60")
                .formParam("organizerIds", team.adminId).post("/actions/" + id + "/edit").then().statusCode(403);
        unchanged(team, id);
    }

    /**
     * The walk's "a check-in at the door sends my edit back": who was there is in the action's version (its
     * ETag), so the details form drawn before someone was checked in met the conflict with nothing to show
     * or copy back, and had to be saved a second time. A save made meanwhile that left every field the form
     * shows as drawn is saved over at the version stored now; the check-in stays. One that changed a field
     * still comes back (below).
     */
    @Test
    void aCheckInAtTheDoorMeanwhileDoesNotSendTheDetailsFormBack() {
        TestTeam team = TestTeam.create("America/New_York");
        String id = action(team);
        String rosa = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz"));
        Session s = Session.logIn(team);
        String form = s.open("/actions/" + id + "/edit");
        team.api().header("If-Match", "\"0\"").body(List.of(Map.of("contactId", rosa)))
                .put("/api/v1/actions/" + id + "/attendance").then().statusCode(200).header("ETag", is("\"1\""));

        typed(s, List.of(team.adminId), "version", EditConflictPagesTest.drawn(form, "version"),
                "drawn", EditConflictPagesTest.drawn(form, "drawn"), "durationMinutes", "90")
                .post("/actions/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/actions/" + id).then().body("durationMinutes", is(90))
                .body("title", is("Rally at the depto")).body("attendance.contactId", contains(rosa));

        // the same form sent without what it was drawn with cannot tell what changed: drawn again, as before
        String drawnAt = version(team, id);
        team.api().header("If-Match", "\"" + drawnAt + "\"").body(List.of()).put("/api/v1/actions/" + id + "/attendance")
                .then().statusCode(200);
        typed(s, List.of(team.adminId), "version", drawnAt, "durationMinutes", "120").post("/actions/" + id + "/edit")
                .then().statusCode(409).body(containsString("This was saved elsewhere while you were editing"));
        team.api().get("/api/v1/actions/" + id).then().body("durationMinutes", is(90));
    }

    @Test
    void aChangeMadeMeanwhileIsShownNotOverwritten() {
        TestTeam team = TestTeam.create("America/New_York");
        TestTeam.Member member = team.member("organizer");
        String id = action(team);
        Session s = Session.onPage(team, "/actions/" + id + "/edit");
        // while the form is open, someone corrects the title and who was there through the API
        team.api().header("If-Match", "\"0\"").body(Map.of("title", "Rally at the depot", "organizerIds",
                List.of(team.adminId, member.id()))).patch("/api/v1/actions/" + id).then().statusCode(200);
        String now = version(team, id);

        Response stale = typed(s, List.of(team.adminId), "durationMinutes", "90").post("/actions/" + id + "/edit");
        stale.then().statusCode(409).body(containsString("This was saved elsewhere while you were editing"))
                .body(containsString("value=\"Rally at the depot\"")).body(containsString("name=\"version\" value=\"" + now + "\""))
                .body(containsString("value=\"60\""))
                .body(matchesPattern(EditConflictPagesTest.youTyped("title", "Rally at the depto")))
                .body(matchesPattern(EditConflictPagesTest.youTyped("durationMinutes", "90")))
                .body(matchesPattern(EditConflictPagesTest.youTyped("organizerIds", "Admin [^<]*")))
                // the stored organizers are ticked, so saving again does not undo the other save
                .body(matchesPattern("(?s).*id=\"" + member.id() + "\" name=\"organizerIds\" value=\"" + member.id()
                        + "\" checked>.*"));
        team.api().get("/api/v1/actions/" + id).then().body("durationMinutes", is(60))
                .body("title", is("Rally at the depot")).body("organizerIds", hasSize(2));

        // saved again, deliberately, at the version the form now carries
        typed(s, List.of(team.adminId, member.id()), "version", now, "title", "Rally at the depot",
                "durationMinutes", "90").post("/actions/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/actions/" + id).then().body("durationMinutes", is(90))
                .body("title", is("Rally at the depot")).body("organizerIds", hasSize(2));
    }

    @Test
    void theFormIsInSpanishForAnOrganizerWhoChoseIt() {
        TestTeam team = TestTeam.create("America/New_York");
        String id = action(team);
        Session s = Session.onPage(team, "/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        s.request().get("/actions/" + id).then().statusCode(200)
                .body(containsString(">Corregir los datos de la acción</a>"));
        String form = s.open("/actions/" + id + "/edit");
        assertTrue(form.contains("<html lang=\"es\">") && form.contains("<h1>Corregir Rally at the depto</h1>")
                && form.contains("Organizadores presentes") && form.contains("Guardar la acción"), form);
        Response bad = typed(s, List.of(team.adminId), "durationMinutes", "-5").post("/actions/" + id + "/edit");
        bad.then().statusCode(400).body(containsString("<html lang=\"es\">")).body(containsString("id=\"f-durationMinutes-error\""))
                .body(not(containsString("Use 1 or more")));
        typed(s, List.of(team.adminId)).post("/actions/" + id + "/edit").then().statusCode(303);
        s.request().get("/actions/" + id + "?saved=details").then().statusCode(200)
                .body(containsString("Se guardaron los datos de la acción."));
    }

    /** The action's version as the API's ETag gives it. */
    private static String version(TestTeam team, String id) {
        return team.api().get("/api/v1/actions/" + id).then().statusCode(200).extract().header("ETag").replace("\"", "");
    }

    /** The fields named by each "changed" event of the action, oldest first. */
    private static List<Set<String>> changes(TestTeam team, String id) {
        List<Map<String, Object>> events = team.api().get("/api/v1/audit?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<Set<String>> fields = new java.util.ArrayList<>(events.stream()
                .filter(e -> id.equals(e.get("entityId")) && "changed".equals(e.get("kind")))
                .map(e -> Set.copyOf(((List<?>) e.get("fields")).stream().map(String::valueOf).toList())).toList());
        java.util.Collections.reverse(fields);
        return fields;
    }
}
