package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit page: admins see their team's trail with the API's filters; no one else does. */
@QuarkusTest
class AuditPagesTest {

    @Test
    void adminsSeeTheTrailOthersDoNot() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Paloma Page-Secret")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        TestTeam.Member organizer = team.member("organizer");
        TestTeam other = TestTeam.create();
        String theirs = other.api().body(Map.of("fullName", "Other Team Person")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");

        Session admin = Session.logIn(team);
        admin.request().get("/organizers").then().statusCode(200).body(containsString("href=\"/audit\""));
        admin.request().get("/audit").then().statusCode(200)
                .body(containsString("<h1>Audit trail</h1>"))
                .body(containsString("/contacts/" + contact))
                .body(not(containsString(theirs)))
                .body(not(containsString("Paloma")));
        admin.request().get("/audit?kind=created&contact=" + contact).then().statusCode(200)
                .body(containsString("/contacts/" + contact));
        admin.request().get("/audit?kind=erased").then().statusCode(200).body(containsString("No events match."));
        admin.request().get("/audit?kind=burgled&from=soon").then().statusCode(400)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("is not one of"));

        Session member = Session.logIn(organizer.email());
        member.request().get("/organizers").then().statusCode(200).body(not(containsString("href=\"/audit\"")));
        member.request().get("/audit").then().statusCode(403);
    }

    /** The fields of each change of one entity, oldest first, as the API lists them. */
    static List<List<Object>> changes(TestTeam team, String entityId) {
        List<Map<String, Object>> events = team.api().get("/api/v1/audit?kind=changed&limit=200").then().statusCode(200)
                .extract().path("items");
        List<List<Object>> fields = new ArrayList<>(events.stream().filter(e -> entityId.equals(e.get("entityId")))
                .map(e -> (List<Object>) new ArrayList<Object>((List<?>) e.get("fields"))).toList());
        Collections.reverse(fields);
        return fields;
    }

    /**
     * A walk's defect: an edit page sends its whole form, and the trail named every field on it as
     * changed. Only what changed is named; a form saved as it was leaves no event, nor a new version.
     */
    @Test
    void aPageSaveNamesOnlyTheFieldsItChangedAndAnUntouchedFormNone() {
        TestTeam team = TestTeam.create();
        String building = team.organization("Building 9", "building");
        String floor = team.unit(building, "Floor 2", "floor");
        String contact = team.api().body(Map.of("fullName", "Rosa Diaz", "phone", "718 555 0101",
                        "email", "rosa@example.org", "organizationId", building, "unitId", floor, "position", "officer",
                        "ownerId", team.adminId, "tags", List.of("tenant", "night"), "notes", "Chairs the meeting\nand the repairs"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);

        // the contact's details, as the form sends them: the phone is new
        s.open("/contacts/" + contact + "/edit");
        contactForm(s, "718 555 0199", building, floor, team.adminId).formParam("version", "0")
                .post("/contacts/" + contact + "/edit")
                .then().statusCode(303);
        assertEquals(List.of(List.of("phone")), changes(team, contact));
        String version = team.api().get("/api/v1/contacts/" + contact).then().extract().header("ETag");
        s.open("/contacts/" + contact + "/edit");
        contactForm(s, "718 555 0199", building, floor, team.adminId).formParam("version", "1")
                .post("/contacts/" + contact + "/edit")
                .then().statusCode(303);
        assertEquals(List.of(List.of("phone")), changes(team, contact), "saved as it was: no event");
        team.api().get("/api/v1/contacts/" + contact).then().header("ETag", is(version));

        // a work's page: only "active" unticked
        String work = team.api().body(Map.of("name", "Rent strike", "focus", "bring-in-new", "justification", "Why"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        // sent as a browser sends it, with the list of what the page drew: a box left out of a post without it is not
        // "unticked" (Form.saves)
        java.util.regex.Matcher drawnList = java.util.regex.Pattern.compile("name=\"drawn\" value=\"([^\"]*)\"")
                .matcher(s.open("/works/" + work));
        assertTrue(drawnList.find(), "the work's form says what it drew");
        String drawn = drawnList.group(1);
        s.form().formParam("name", "Rent strike").formParam("focus", "bring-in-new").formParam("mode", "building")
                .formParam("justification", "Why").formParam("active", "true").formParam("version", "0")
                .formParam("drawn", drawn).post("/works/" + work).then().statusCode(303);
        s.form().formParam("name", "Rent strike").formParam("focus", "bring-in-new").formParam("mode", "building")
                .formParam("justification", "Why").formParam("version", "0").formParam("drawn", drawn)
                .post("/works/" + work).then().statusCode(303);
        assertEquals(List.of(List.of("active")), changes(team, work));

        // an organization and its unit renamed as they were, then the kind changed
        s.open("/organizations/" + building);
        s.form().formParam("name", "Building 9").formParam("kind", "building")
                .post("/organizations/" + building + "/rename").then().statusCode(303);
        s.form().formParam("unitName", "Floor 2").formParam("unitKind", "floor")
                .post("/organizations/" + building + "/units/" + floor + "/rename").then().statusCode(303);
        s.form().formParam("name", "Building 9").formParam("kind", "tenant-association")
                .post("/organizations/" + building + "/rename").then().statusCode(303);
        assertEquals(List.of(List.of("units"), List.of("kind")), changes(team, building), "the unit's creation, the kind");

        // the team's settings: only the cooling days
        String name = team.api().get("/api/v1/team").then().extract().path("name");
        s.open("/settings");
        s.form().formParam("name", name).formParam("timeZone", "UTC").formParam("heatWindowDays", "2")
                .formParam("coolingDays", "30").formParam("phoneCountryCode", "1").post("/settings/team")
                .then().statusCode(303);
        assertEquals(List.of(List.of("coolingDays")), changes(team, team.teamId));
    }

    /**
     * A walk's defect: on the Spanish audit page the changed fields were the API's English names
     * and the organizer an event is about was a bare id. The page says the fields with the forms'
     * labels in the organizer's language and every organizer by name (from the list's own query);
     * the API keeps its contract: ids and field names, no names.
     */
    @Test
    void theSpanishTrailSaysFieldsAsTheFormsDoAndOrganizersByName() {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        String memberName = "Member " + member.email();
        String contact = member.api().body(Map.of("fullName", "Paloma Page-Secret", "phone", "555 0100"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        // the member made it, so owns it: the admin takes it over
        team.api().body(Map.of("phone", "555 0199", "ownerId", team.adminId)).patch("/api/v1/contacts/" + contact)
                .then().statusCode(200);
        team.api().body(Map.of("role", "coordinator")).patch("/api/v1/organizers/" + member.id()).then().statusCode(200);
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);

        String html = Session.logIn(team).request().get("/audit").then().statusCode(200)
                .body(containsString("<h1>Registro de auditoría</h1>"))
                .extract().asString();
        // the contact's change: owner and phone, as the contact form labels them in Spanish
        assertTrue(html.contains(">Responsable, Teléfono</td>"), html);
        // the member's role change, and one's own language
        assertTrue(html.contains(">Papel</td>") && html.contains(">Idioma</td>"), html);
        // the kind filter says two-factor login as Settings does in Spanish, not "Doble factor"
        assertTrue(html.contains(">Inicio de sesión en dos pasos activado</option>"), html);
        assertFalse(html.contains("Doble factor"), html);
        // who created the contact, and whom the role change is about: the member, by name
        assertTrue(html.contains("data-label=\"Quién\">" + memberName + "</td>"), html);
        assertTrue(html.matches("(?s).*data-label=\"Sobre\">Organizador\\s+" + java.util.regex.Pattern.quote(memberName)
                + "</td>.*"), html);
        // no organizer is an id anywhere but the filter's options
        String shown = html.replaceAll("value=\"[^\"]*\"", "");
        for (String id : List.of(member.id(), team.adminId)) {
            assertFalse(shown.contains(id), id + " is shown as a name");
        }
        assertFalse(shown.contains("ownerId") || shown.contains(">phone<"), "no field by its API name");
        assertFalse(html.contains("Paloma"), "a contact stays an id");

        // the API's answer is as documented: ids and field names
        Map<String, Object> change = team.api().get("/api/v1/audit?kind=changed&contact=" + contact).then()
                .statusCode(200).extract().path("items[0]");
        assertEquals(java.util.Set.of("id", "at", "kind", "entityType", "entityId", "organizerId", "fields", "count",
                "updatedCount"), change.keySet());
        assertEquals(List.of("ownerId", "phone"), change.get("fields"));
        assertEquals(team.adminId, change.get("organizerId"));
    }

    /** The contact's whole edit form, as the page sends it: every field, with the phone given. */
    private static io.restassured.specification.RequestSpecification contactForm(Session s, String phone,
                                                                                 String organization, String unit,
                                                                                 String owner) {
        return s.form().formParam("fullName", "Rosa Diaz").formParam("phone", phone)
                .formParam("email", "rosa@example.org").formParam("position", "officer")
                .formParam("organizationId", organization).formParam("unitId", unit).formParam("ownerId", owner)
                // a browser sends a text area's line ends as CRLF: the same notes, not a change
                .formParam("tags", "tenant, night").formParam("notes", "Chairs the meeting\r\nand the repairs");
    }
}
