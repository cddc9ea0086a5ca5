package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People are handed only to an active organizer of the team (OrganizerService.assignable): a contact's
 * owner through the API, the contact forms and the import's owner column, and a follow-up's assignee. A
 * deactivated organizer no longer logs in, so a person handed to them waited in no one's queue. An owner
 * or assignee left as it is (deactivated since) does not stop an edit of anything else.
 */
@QuarkusTest
class AssignToActiveOrganizerTest {

    static final String DEACTIVATED = "this organizer's account is deactivated; choose an active organizer";

    /** An organizer of the team, then deactivated by its admin: their id. */
    static String deactivated(TestTeam team) {
        TestTeam.Member gone = team.member("organizer");
        team.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + gone.id()).then().statusCode(200);
        return gone.id();
    }

    @Test
    void theApiHandsNoContactNorFollowUpToADeactivatedOrganizer() {
        TestTeam team = TestTeam.create();
        String gone = deactivated(team);

        team.api().body(Map.of("fullName", "Lucy Parsons", "ownerId", gone)).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", is("ownerId")).body("errors[0].message", is(DEACTIVATED));
        assertEquals(0, team.api().get("/api/v1/contacts").then().statusCode(200).extract().jsonPath()
                .getList("items").size(), "nothing stored");

        String contact = team.api().body(Map.of("fullName", "Lucy Parsons")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        team.api().body(Map.of("ownerId", gone)).patch("/api/v1/contacts/" + contact)
                .then().statusCode(400).body("errors[0].field", is("ownerId")).body("errors[0].message", is(DEACTIVATED));
        team.api().get("/api/v1/contacts/" + contact).then().body("ownerId", is(team.adminId));

        String due = java.time.LocalDate.now().plusDays(3).toString();
        team.api().body(Map.of("contactId", contact, "dueOn", due, "assigneeId", gone)).post("/api/v1/followups")
                .then().statusCode(400).body("errors[0].field", is("assigneeId")).body("errors[0].message", is(DEACTIVATED));
        String followUp = team.api().body(Map.of("contactId", contact, "dueOn", due)).post("/api/v1/followups")
                .then().statusCode(201).extract().path("id");
        team.api().body(Map.of("assigneeId", gone)).patch("/api/v1/followups/" + followUp)
                .then().statusCode(400).body("errors[0].field", is("assigneeId")).body("errors[0].message", is(DEACTIVATED));
    }

    @Test
    void anOwnerOrAssigneeDeactivatedSinceDoesNotStopAnEdit() {
        TestTeam team = TestTeam.create();
        TestTeam.Member leaving = team.member("organizer");
        String contact = team.api().body(Map.of("fullName", "Lucy Parsons", "ownerId", leaving.id())).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String due = java.time.LocalDate.now().plusDays(3).toString();
        String followUp = team.api().body(Map.of("contactId", contact, "dueOn", due, "assigneeId", leaving.id()))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + leaving.id()).then().statusCode(200);

        // the contact sent back as read, with one field changed
        Map<String, Object> read = team.api().get("/api/v1/contacts/" + contact).then().extract().jsonPath().getMap("");
        Map<String, Object> patch = new HashMap<>();
        patch.put("ownerId", read.get("ownerId"));
        patch.put("notes", "Works nights");
        team.api().body(patch).patch("/api/v1/contacts/" + contact).then().statusCode(200)
                .body("notes", is("Works nights")).body("ownerId", is(leaving.id()));
        team.api().body(Map.of("assigneeId", leaving.id(), "purpose", "Ask about nights"))
                .patch("/api/v1/followups/" + followUp).then().statusCode(200).body("purpose", is("Ask about nights"));

        // the edit form: the owner is shown as stored, marked, and saving another field keeps them
        Session s = Session.logIn(team);
        String form = s.open("/contacts/" + contact + "/edit");
        assertTrue(form.matches("(?s).*<option value=\"" + leaving.id() + "\" selected>[^<]*\\(deactivated\\)</option>.*"),
                "the stored owner is offered, marked deactivated:\n" + form);
        s.form().formParams(editForm(read, form, leaving.id(), "Works days")).post("/contacts/" + contact + "/edit")
                .then().statusCode(303);
        team.api().get("/api/v1/contacts/" + contact).then().body("notes", is("Works days")).body("ownerId", is(leaving.id()));
    }

    @Test
    void theFormsRefuseADeactivatedOwnerBesideTheFieldAndKeepWhatWasTyped() {
        TestTeam team = TestTeam.create();
        String gone = deactivated(team);
        TestTeam.Member active = team.member("organizer");

        Session s = Session.logIn(team);
        String add = s.open("/contacts/new");
        assertTrue(add.contains("value=\"" + active.id() + "\""), "an active organizer is offered");
        assertTrue(!add.contains("value=\"" + gone + "\""), "a deactivated one is not offered to be handed people");
        Response page = s.form().formParam(Form.KEY, s.key).formParams(Map.of("fullName", "Lucy Parsons",
                "engagementLevel", "new", "position", "base", "ownerId", gone)).post("/contacts");
        PageFormsTest.assertFieldError(page, "ownerId", "deactivated");
        assertTrue(page.asString().contains("value=\"Lucy Parsons\""), "what was typed is kept");
        assertTrue(page.asString().matches("(?s).*<option value=\"" + gone + "\" selected>.*"),
                "the owner typed is kept, marked");
        assertEquals(0, team.api().get("/api/v1/contacts").then().extract().jsonPath().getList("items").size(),
                "nothing stored");

        String contact = team.api().body(Map.of("fullName", "Lucy Parsons")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> read = team.api().get("/api/v1/contacts/" + contact).then().extract().jsonPath().getMap("");
        String edit = s.open("/contacts/" + contact + "/edit");
        page = s.form().formParams(editForm(read, edit, gone, "Works nights")).post("/contacts/" + contact + "/edit");
        PageFormsTest.assertFieldError(page, "ownerId", "deactivated");
        assertTrue(page.asString().contains("Works nights"), "what was typed is kept");
        team.api().get("/api/v1/contacts/" + contact).then().body("ownerId", is(team.adminId)).body("notes", is((Object) null));

    }

    @Test
    void theImportLeavesADeactivatedOwnerOutWithAWarning() {
        TestTeam team = TestTeam.create();
        TestTeam.Member leaving = team.member("organizer");
        team.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + leaving.id()).then().statusCode(200);
        JsonPath r = team.api().contentType("text/csv").body("Name,Phone,Owner\nLucy Parsons,555 0101," + leaving.email() + "\n")
                .post("/api/v1/imports/contacts").then().statusCode(200).extract().jsonPath();
        assertEquals(1, r.getInt("created"));
        assertEquals("owner '" + leaving.email() + "' is deactivated; the owner was left as it was (you, for a new contact)",
                r.getString("warnings[0].message"));
        assertEquals(team.adminId, team.api().get("/api/v1/contacts").then().extract().jsonPath().getString("items[0].ownerId"));
    }

    @Test
    void aDepartedOrganizersPeopleImportedAgainFromTheirExportAreNoWarning() {
        TestTeam team = TestTeam.create();
        TestTeam.Member leaving = team.member("organizer");
        team.api().body(Map.of("fullName", "Lucy Parsons", "email", "lucy@example.org", "ownerId", leaving.id()))
                .post("/api/v1/contacts").then().statusCode(201);
        team.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + leaving.id()).then().statusCode(200);
        String export = team.api().accept("text/csv").get("/api/v1/exports/contacts.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(export.contains(leaving.email()), "the export names the departed owner:\n" + export);

        for (String onMatch : new String[] {"update", "skip"}) {
            JsonPath r = team.api().contentType("text/csv").body(export)
                    .post("/api/v1/imports/contacts?onMatch=" + onMatch).then().statusCode(200).extract().jsonPath();
            assertEquals(0, r.getInt("created"), onMatch);
            assertEquals(0, r.getInt("warningCount"), onMatch + ": the stored owner named again is no change: " + r.prettify());
        }
        assertEquals(leaving.id(), team.api().get("/api/v1/contacts").then().extract().jsonPath().getString("items[0].ownerId"));

        // a new person for them is still said
        JsonPath r = team.api().contentType("text/csv").body("Name,Email,Owner\nMother Jones,mj@example.org," + leaving.email() + "\n")
                .post("/api/v1/imports/contacts").then().statusCode(200).extract().jsonPath();
        assertEquals(1, r.getInt("warningCount"), r.prettify());
    }

    @Test
    void aFollowUpARuleOpensForADeactivatedOrganizerGoesToWhoRecordedIt() {
        TestTeam team = TestTeam.create();
        TestTeam.Member leaving = team.member("organizer");
        String contact = team.api().body(Map.of("fullName", "Lucy Parsons", "ownerId", leaving.id())).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        team.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + leaving.id()).then().statusCode(200);

        // the heat rule: a first-timer's after-action follow-up is for their owner, here deactivated
        String action = team.api().body(Map.of("title", "Picket", "kind", "picket", "startsAt", "2026-11-22T15:00:00Z",
                "durationMinutes", 90)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(java.util.List.of(Map.of("contactId", contact))).put("/api/v1/actions/" + action + "/attendance")
                .then().statusCode(200);
        team.api().get("/api/v1/followups?contact=" + contact).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].reason", is("after-action")).body("items[0].assigneeId", is(team.adminId));

        // a conversation logged for them (a record of what happened) stands; its next step is for who logged it
        String due = java.time.LocalDate.now().plusDays(3).toString();
        team.api().body(Map.of("contactId", contact, "organizerId", leaving.id(), "durationMinutes", 20, "channel", "phone",
                        "nextStep", Map.of("dueOn", due, "purpose", "Bring her to the meeting")))
                .post("/api/v1/conversations").then().statusCode(201).body("organizerId", is(leaving.id()));
        team.api().get("/api/v1/followups?contact=" + contact).then().statusCode(200)
                .body("items.findAll { it.reason == 'next-step' }.assigneeId", is(java.util.List.of(team.adminId)));
    }

    /** The edit form's fields as a browser sends them back from what is stored, with this owner and notes. */
    private static Map<String, String> editForm(Map<String, Object> read, String page, String owner, String notes) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertTrue(version.find(), "the edit form carries its version");
        Map<String, String> f = new HashMap<>();
        f.put("fullName", (String) read.get("fullName"));
        f.put("position", (String) read.get("position"));
        f.put("ownerId", owner);
        f.put("notes", notes);
        f.put(Form.VERSION, version.group(1));
        return f;
    }
}
