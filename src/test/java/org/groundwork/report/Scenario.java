package org.groundwork.report;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.groundwork.support.TestTeam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Report test data, written through the real API as the given organizer. */
final class Scenario {

    private final TestTeam team;

    Scenario(TestTeam team) {
        this.team = team;
    }

    String contact(Supplier<RequestSpecification> as, String name, String level, String position) {
        return as.get().body(Map.of("fullName", name, "engagementLevel", level, "position", position))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    String contact(String name, String level, String position) {
        return contact(team::api, name, level, position);
    }

    String work(String name, String focus, String justification) {
        return team.api().body(Map.of("name", name, "focus", focus, "justification", justification))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
    }

    void level(String contactId, String level, String changedAt) {
        team.api().body(Map.of("level", level, "changedAt", changedAt))
                .post("/api/v1/contacts/" + contactId + "/level").then().statusCode(201);
    }

    String conversation(Supplier<RequestSpecification> as, String contactId, String at, int minutes, String workId) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactId", contactId);
        body.put("occurredAt", at);
        body.put("durationMinutes", minutes);
        body.put("channel", "in-person");
        if (workId != null) {
            body.put("workId", workId);
        }
        return as.get().body(body).post("/api/v1/conversations").then().statusCode(201).extract().path("id");
    }

    String conversation(String contactId, String at, int minutes, String workId) {
        return conversation(team::api, contactId, at, minutes, workId);
    }

    /** An action with these organizers present; attendees as contactId → firstTime. */
    String action(String at, int minutes, String workId, List<String> organizerIds, Map<String, Boolean> attendees) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Action " + TestTeam.unique());
        body.put("startsAt", at);
        body.put("durationMinutes", minutes);
        body.put("organizerIds", organizerIds);
        if (workId != null) {
            body.put("workId", workId);
        }
        String id = team.api().body(body).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        if (!attendees.isEmpty()) {
            List<Map<String, Object>> items = new ArrayList<>();
            attendees.forEach((contact, first) -> items.add(Map.of("contactId", contact, "firstTime", first)));
            team.api().body(items).put("/api/v1/actions/" + id + "/attendance").then().statusCode(200);
        }
        return id;
    }

    static JsonPath report(RequestSpecification as, String path, String query) {
        return as.get("/api/v1/reports/" + path + "?" + query).then().statusCode(200).extract().jsonPath();
    }
}
