package org.groundwork.isolation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every resource type of one team with another team's token: each answer is a 404
 * problem (never 403, never data), lists never show the other team's rows, and ids of the
 * other team inside a request body are refused as unknown.
 */
@QuarkusTest
class TeamIsolationTest {

    @Test
    void anotherTeamSeesNothingAndTouchesNothing() {
        TestTeam owner = TestTeam.create();
        TestTeam other = TestTeam.create();

        String organizationId = created(owner.api().body(Map.of("name", "Acme Warehouse", "kind", "workplace"))
                .post("/api/v1/organizations"));
        String contactId = created(owner.api().body(Map.of("fullName", "Secret Person", "phone", "555-0100",
                        "organizationId", organizationId, "tags", List.of("hidden")))
                .post("/api/v1/contacts"));
        owner.api().body(Map.of("level", "less-involved", "reason", "came to a meeting"))
                .post("/api/v1/contacts/" + contactId + "/level").then().statusCode(201);
        String workId = created(owner.api().body(Map.of("name", "Secret campaign", "focus", "bring-in-new"))
                .post("/api/v1/works"));
        String actionId = created(owner.api().body(Map.of("title", "Secret picket", "kind", "picket",
                        "startsAt", "2026-05-01T15:00:00Z", "durationMinutes", 120, "workId", workId))
                .post("/api/v1/actions"));
        owner.api().body(List.of(Map.of("contactId", contactId, "firstTime", true)))
                .put("/api/v1/actions/" + actionId + "/attendance").then().statusCode(200);
        String conversationId = created(owner.api().body(Map.of("contactId", contactId, "durationMinutes", 30,
                        "channel", "phone", "summary", "secret words", "workId", workId,
                        "nextStep", Map.of("dueOn", "2036-12-01", "purpose", "secret purpose")))
                .post("/api/v1/conversations"));
        String followUpId = created(owner.api().body(Map.of("contactId", contactId, "dueOn", "2026-12-24",
                        "purpose", "call back"))
                .post("/api/v1/followups"));
        String tokenId = owner.api().get("/api/v1/tokens").then().statusCode(200).extract().path("items[0].id");

        // single resources: 404 problems for reads, writes and deletes alike
        List<String> urls = List.of(
                "/api/v1/organizations/" + organizationId,
                "/api/v1/contacts/" + contactId,
                "/api/v1/contacts/" + contactId + "/timeline",
                "/api/v1/works/" + workId,
                "/api/v1/actions/" + actionId,
                "/api/v1/conversations/" + conversationId,
                "/api/v1/followups/" + followUpId,
                "/api/v1/organizers/" + owner.adminId);
        for (String url : urls) {
            notFound(other.api().get(url), "GET " + url);
        }
        notFound(other.api().body(Map.of("fullName", "Stolen")).patch("/api/v1/contacts/" + contactId), "PATCH contact");
        notFound(other.api().body(Map.of("level", "cadre")).post("/api/v1/contacts/" + contactId + "/level"), "level");
        notFound(other.api().delete("/api/v1/contacts/" + contactId), "DELETE contact");
        notFound(other.api().body(Map.of("name", "Stolen")).patch("/api/v1/works/" + workId), "PATCH work");
        notFound(other.api().body(Map.of("title", "Stolen")).patch("/api/v1/actions/" + actionId), "PATCH action");
        notFound(other.api().body(List.of()).put("/api/v1/actions/" + actionId + "/attendance"), "PUT attendance");
        notFound(other.api().body(Map.of("summary", "Stolen")).patch("/api/v1/conversations/" + conversationId), "PATCH conversation");
        notFound(other.api().delete("/api/v1/conversations/" + conversationId), "DELETE conversation");
        notFound(other.api().body(Map.of("status", "dropped")).patch("/api/v1/followups/" + followUpId), "PATCH follow-up");
        notFound(other.api().delete("/api/v1/tokens/" + tokenId), "DELETE token");
        notFound(other.api().body(Map.of("role", "organizer")).patch("/api/v1/organizers/" + owner.adminId), "PATCH organizer");

        // lists and the queue never show the other team's rows
        for (String list : List.of("/api/v1/organizations", "/api/v1/contacts", "/api/v1/contacts?q=Secret",
                "/api/v1/works", "/api/v1/actions", "/api/v1/conversations", "/api/v1/followups",
                "/api/v1/followups?status=open", "/api/v1/organizers", "/api/v1/tokens",
                "/api/v1/followups/queue")) {
            String body = other.api().get(list).then().statusCode(200).extract().asString();
            for (String secret : List.of(organizationId, contactId, workId, actionId, conversationId, followUpId,
                    owner.adminId, "Secret", "secret")) {
                assertFalse(body.contains(secret), list + " leaks " + secret + ": " + body);
            }
        }
        other.api().queryParam("organizer", owner.adminId).get("/api/v1/followups/queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("organizer"))
                .body("detail", not(containsString(owner.adminId)));

        // the other team's ids inside a body are unknown references, and nothing is written
        other.api().body(Map.of("fullName", "Mine", "organizationId", organizationId)).post("/api/v1/contacts")
                .then().statusCode(400).body("errors.field", hasItem("organizationId"));
        other.api().body(Map.of("fullName", "Mine", "ownerId", owner.adminId)).post("/api/v1/contacts")
                .then().statusCode(400).body("errors.field", hasItem("ownerId"));
        other.api().body(Map.of("contactId", contactId, "durationMinutes", 10)).post("/api/v1/conversations")
                .then().statusCode(400).body("errors.field", hasItem("contactId"));
        other.api().body(Map.of("contactId", contactId, "dueOn", "2026-12-24")).post("/api/v1/followups")
                .then().statusCode(400).body("errors.field", hasItem("contactId"));
        other.api().body(Map.of("title", "Mine", "startsAt", "2026-05-01T15:00:00Z", "durationMinutes", 60,
                "workId", workId)).post("/api/v1/actions").then().statusCode(400).body("errors.field", hasItem("workId"));
        String otherAction = created(other.api().body(Map.of("title", "Ours", "startsAt", "2026-05-01T15:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions"));
        other.api().body(List.of(Map.of("contactId", contactId))).put("/api/v1/actions/" + otherAction + "/attendance")
                .then().statusCode(400);

        // and the owner's data is intact
        owner.api().get("/api/v1/contacts/" + contactId).then().statusCode(200)
                .body("fullName", is("Secret Person")).body("engagementLevel", is("less-involved"));
        owner.api().get("/api/v1/conversations/" + conversationId).then().statusCode(200).body("summary", is("secret words"));
        owner.api().get("/api/v1/followups/" + followUpId).then().statusCode(200).body("status", is("open"));
        owner.api().get("/api/v1/actions/" + actionId).then().statusCode(200).body("attendance", hasSize(1));
    }

    /**
     * Another team's id as a list's filter is refused as unknown, a 400 naming the parameter, as a
     * malformed id is: an empty list would answer a question nobody asked. The team's own ids
     * still filter, erased people and organizers no longer active included, and the page says
     * which filter it could not use.
     */
    @Test
    void anotherTeamsIdsAsListFiltersAreRefused() {
        TestTeam owner = TestTeam.create();
        TestTeam other = TestTeam.create();
        String contactId = created(owner.api().body(Map.of("fullName", "Secret Person")).post("/api/v1/contacts"));
        String organizationId = created(owner.api().body(Map.of("name", "Secret Works", "kind", "workplace"))
                .post("/api/v1/organizations"));
        String workId = created(owner.api().body(Map.of("name", "Secret campaign", "focus", "bring-in-new"))
                .post("/api/v1/works"));

        Map<String, String[]> foreign = Map.ofEntries(
                Map.entry("/api/v1/conversations?contact=", new String[] {contactId, "contact"}),
                Map.entry("/api/v1/conversations?organizer=", new String[] {owner.adminId, "organizer"}),
                Map.entry("/api/v1/conversations?work=", new String[] {workId, "work"}),
                Map.entry("/api/v1/followups?assignee=", new String[] {owner.adminId, "organizer"}),
                Map.entry("/api/v1/followups?contact=", new String[] {contactId, "contact"}),
                Map.entry("/api/v1/contacts?owner=", new String[] {owner.adminId, "organizer"}),
                Map.entry("/api/v1/contacts?organization=", new String[] {organizationId, "organization"}),
                Map.entry("/api/v1/exports/contacts.csv?owner=", new String[] {owner.adminId, "organizer"}),
                Map.entry("/api/v1/exports/contacts.csv?organization=", new String[] {organizationId, "organization"}),
                Map.entry("/api/v1/audit?organizer=", new String[] {owner.adminId, "organizer"}),
                Map.entry("/api/v1/audit?contact=", new String[] {contactId, "contact"}),
                Map.entry("/api/v1/actions?work=", new String[] {workId, "work"}));
        foreign.forEach((list, idAndWhat) -> {
            String parameter = list.substring(list.indexOf('?') + 1, list.length() - 1);
            // no Accept header: the export answers text/csv, the lists JSON, a refusal problem+json
            given().auth().oauth2(other.token).get(list + idAndWhat[0]).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains(parameter))
                    .body("errors[0].message", is("no " + idAndWhat[1] + " with that id in your team"));
        });

        // the team's own ids filter as before: an erased person's and an inactive organizer's too
        TestTeam.Member gone = other.member("organizer");
        String erased = created(other.api().body(Map.of("fullName", "Erased Person", "ownerId", gone.id()))
                .post("/api/v1/contacts"));
        String mine = created(other.api().body(Map.of("fullName", "Own Person", "ownerId", gone.id()))
                .post("/api/v1/contacts"));
        created(other.api().body(Map.of("contactId", erased, "durationMinutes", 20)).post("/api/v1/conversations"));
        created(other.api().body(Map.of("contactId", mine, "durationMinutes", 20)).post("/api/v1/conversations"));
        created(other.api().body(Map.of("contactId", mine, "dueOn", "2026-12-24", "assigneeId", gone.id()))
                .post("/api/v1/followups"));
        other.api().delete("/api/v1/contacts/" + erased).then().statusCode(204);
        other.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + gone.id()).then().statusCode(200);

        other.api().get("/api/v1/conversations?contact=" + mine).then().statusCode(200).body("items", hasSize(1));
        other.api().get("/api/v1/conversations?organizer=" + other.adminId).then().statusCode(200)
                .body("items", hasSize(2));
        other.api().get("/api/v1/audit?contact=" + erased).then().statusCode(200).body("items", not(empty()));
        other.api().get("/api/v1/followups?assignee=" + gone.id()).then().statusCode(200).body("items", hasSize(1));
        other.api().get("/api/v1/contacts?owner=" + gone.id()).then().statusCode(200)
                .body("items.fullName", contains("Own Person"));
        given().auth().oauth2(other.token).get("/api/v1/exports/contacts.csv?owner=" + gone.id()).then()
                .statusCode(200).body(containsString("Own Person"));

        // the page keeps its form and says which filter it could not use
        String page = other.api().accept("text/html").get("/contacts?owner=" + owner.adminId)
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("No organizer with that id in your team"), page);
        assertTrue(page.contains("<option value=\"" + other.adminId + "\">"), "the owner choices are still drawn");
    }

    private static String created(Response response) {
        return response.then().statusCode(201).extract().path("id");
    }

    private static void notFound(Response response, String what) {
        response.then().statusCode(404).contentType("application/problem+json")
                .body("status", is(404))
                .body(not(containsString("Secret")));
    }
}
