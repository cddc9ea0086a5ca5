package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.platform.AllowedMethods;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every HTML answer says its charset. The contacts list and the reports went out as bare text/html,
 * which leaves the browser to guess how to decode them; walked here over every page the app has (each
 * GET of the REST layer outside /api/, with the team's own ids), whole and as htmx asks for it.
 */
@QuarkusTest
class PageCharsetTest {

    @Test
    void everyPageSaysTextHtmlInUtf8() {
        TestTeam team = TestTeam.create();
        String contact = created(team.api().body(Map.of("fullName", "Rosa Parks")).post("/api/v1/contacts"));
        String org = created(team.api().body(Map.of("name", "Depot", "kind", "workplace")).post("/api/v1/organizations"));
        String unit = created(team.api().body(Map.of("name", "Night shift", "kind", "shift"))
                .post("/api/v1/organizations/" + org + "/units"));
        String work = created(team.api().body(Map.of("name", "Strike support", "focus", "bring-in-new", "mode", "building",
                "justification", "New people")).post("/api/v1/works"));
        String action = created(team.api().body(Map.of("title", "Picket", "kind", "picket",
                "startsAt", Instant.now().toString(), "durationMinutes", 60)).post("/api/v1/actions"));
        String conversation = created(team.api().body(Map.of("contactId", contact, "durationMinutes", 10))
                .post("/api/v1/conversations"));
        String followUp = created(team.api().body(Map.of("contactId", contact, "dueOn", LocalDate.now().toString(),
                "purpose", "Ask about the rent")).post("/api/v1/followups"));
        Map<String, String> ids = Map.of("contacts", contact, "organizations", org, "works", work, "actions", action,
                "conversations", conversation, "followups", followUp, "organizers", team.adminId);

        Session s = Session.logIn(team);
        List<String> wrong = new ArrayList<>();
        int pages = 0;
        for (Map.Entry<String, java.util.Set<String>> t : AllowedMethods.templates().entrySet()) {
            if (t.getKey().startsWith("/api/") || !t.getValue().contains("GET")) {
                continue;
            }
            String first = t.getKey().split("/").length > 1 ? t.getKey().split("/")[1] : "";
            String path = t.getKey().replace("{unitId}", unit)
                    .replace("{id}", ids.getOrDefault(first, UUID.randomUUID().toString()))
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (boolean htmx : List.of(false, true)) {
                var request = s.request().accept("text/html");
                Response answer = (htmx ? request.header("HX-Request", "true") : request).get(path);
                String type = answer.contentType();
                if (type != null && type.toLowerCase().startsWith("text/html")) {
                    pages += answer.statusCode() == 200 ? 1 : 0;
                    if (!type.equals("text/html;charset=UTF-8")) {
                        wrong.add(path + (htmx ? " (htmx)" : "") + ": " + answer.statusCode() + " " + type);
                    }
                }
            }
        }
        assertTrue(pages > 40, "pages drawn: " + pages);
        assertEquals(List.of(), wrong);
    }

    private static String created(Response answer) {
        return answer.then().statusCode(201).extract().path("id");
    }
}
