package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The walk: a Remove on the check-in page for someone not on the list (taken off on another phone, or never
 * on it) said "… was taken off the list" and wrote a new version and an attendance event; an attendance PUT
 * of the list as stored did the same. A list that changes nothing now writes nothing, as a PATCH that
 * changes nothing, and the Remove says the person is not on the list.
 */
@QuarkusTest
class AttendanceUnchangedTest {

    private static long attendanceEvents(TestTeam team, String action) {
        return team.api().get("/api/v1/audit?limit=200").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(e -> "attendance-changed".equals(e.get("kind")) && action.equals(e.get("entityId"))).count();
    }

    @Test
    void aListThatChangesNothingWritesNothingAndARemoveForSomeoneNotOnItSaysSo() {
        TestTeam team = TestTeam.create();
        String ana = PageFormsTest.contact(team, "Ana Ruiz");
        String chen = PageFormsTest.contact(team, "Chen Zhang");
        String action = team.api().body(Map.of("title", "March to City Hall", "kind", "march",
                        "startsAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        String etag = team.api().body(List.of(Map.of("contactId", ana, "notes", "brought a neighbour")))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200).extract().header("ETag");
        assertEquals(1, attendanceEvents(team, action));

        // the API: the list as stored, with and without its stored first-time mark
        team.api().header("If-Match", etag).body(List.of(Map.of("contactId", ana, "notes", "brought a neighbour")))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200).header("ETag", etag);
        team.api().body(List.of(Map.of("contactId", ana, "firstTime", true, "notes", "brought a neighbour")))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200).header("ETag", etag);
        assertEquals(1, attendanceEvents(team, action));
        // a change of the notes alone is one
        String changed = team.api().body(List.of(Map.of("contactId", ana, "notes", "brought two")))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200).extract().header("ETag");
        assertEquals(2, attendanceEvents(team, action));

        // the page: Remove for Chen, who is not on the list, says so and changes nothing
        Session s = Session.onPage(team, "/actions/" + action);
        s.form().formParam("contactId", chen).post("/actions/" + action + "/attendance/remove").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("They are not on the list"));
        team.api().get("/api/v1/actions/" + action).then().statusCode(200).header("ETag", changed)
                .body("attendance", hasSize(1)).body("attendance[0].contactId", equalTo(ana));
        assertEquals(2, attendanceEvents(team, action));
        // Ana's Remove takes her off, as ever; a second tab's Remove for her then says she is not on it
        s.open("/actions/" + action);
        s.form().formParam("contactId", ana).post("/actions/" + action + "/attendance/remove").then().statusCode(303);
        team.api().get("/api/v1/actions/" + action).then().body("attendance", hasSize(0));
        s.form().formParam("contactId", ana).post("/actions/" + action + "/attendance/remove").then().statusCode(400)
                .body(containsString("They are not on the list"));
        assertEquals(3, attendanceEvents(team, action));
    }
}
