package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.hasItem;

/**
 * One rule for the parameters every list shares, on every list: a {@code limit} that is not a
 * whole number from 1 to 200, a cursor the API did not give out, and an id filter that is not an
 * id are each a 400 problem naming the parameter (never a 404, never a 500).
 */
@QuarkusTest
class ListParametersTest {

    @Test
    void limitsAndCursorsAreCheckedAlikeOnEveryList() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Listed")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        List<String> lists = List.of("/api/v1/contacts", "/api/v1/contacts/" + contact + "/timeline",
                "/api/v1/organizations", "/api/v1/organizers", "/api/v1/works", "/api/v1/followups",
                "/api/v1/conversations", "/api/v1/actions", "/api/v1/audit");
        for (String list : lists) {
            for (String limit : List.of("abc", "0", "201", "-1", "1.5", "99999999999")) {
                refused(team, list + "?limit=" + limit, "limit");
            }
            refused(team, list + "?cursor=not-a-cursor!", "cursor");
            team.api().queryParam("limit", " 200 ").get(list).then().statusCode(200);
        }
    }

    @Test
    void idFiltersThatAreNotIdsAreBadInputEverywhere() {
        TestTeam team = TestTeam.create();
        String month = "from=2026-03-01&to=2026-03-31";
        for (String[] filter : List.of(
                new String[] {"/api/v1/contacts?owner=nope", "owner"},
                new String[] {"/api/v1/contacts?organization=nope", "organization"},
                new String[] {"/api/v1/followups?assignee=nope", "assignee"},
                new String[] {"/api/v1/followups?contact=nope", "contact"},
                new String[] {"/api/v1/followups/queue?organizer=nope", "organizer"},
                new String[] {"/api/v1/conversations?contact=nope", "contact"},
                new String[] {"/api/v1/conversations?organizer=nope", "organizer"},
                new String[] {"/api/v1/conversations?work=nope", "work"},
                new String[] {"/api/v1/actions?work=nope", "work"},
                new String[] {"/api/v1/audit?organizer=nope", "organizer"},
                new String[] {"/api/v1/audit?contact=nope", "contact"},
                new String[] {"/api/v1/reports/time?" + month + "&organizer=nope", "organizer"},
                new String[] {"/api/v1/reports/time?" + month + "&work=nope", "work"},
                new String[] {"/api/v1/reports/movement?" + month + "&organizer=nope", "organizer"})) {
            refused(team, filter[0], filter[1]);
        }
    }

    private static void refused(TestTeam team, String path, String parameter) {
        team.api().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(parameter));
    }
}
