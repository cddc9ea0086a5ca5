package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * Values the JSON door took quietly, each read as something the client did not write: an enum word with a
 * space around it ("cadre " stored as cadre), an id given as "" (read as none: the organization cleared),
 * a null in a list of text ("tags": [null], dropped without a word). Each is a 400 naming the field, from
 * the one reader of every body (SafeJson), and nothing is written.
 */
@QuarkusTest
class JsonOddValuesTest {

    /**
     * A write's answer says its times as they are stored, to the microsecond: it said them to the nanosecond, as held in
     * memory, and the next read said the stored, rounded ones (a walk: a change that never happened, to a client
     * comparing the two). Five contacts, so a clock that happened to land on a whole microsecond cannot pass it alone.
     */
    @Test
    void aWritesAnswerSaysItsTimesAsTheNextReadDoes() {
        TestTeam team = TestTeam.create();
        for (int i = 0; i < 5; i++) {
            var made = team.api().body(Map.of("fullName", "Timed " + i)).post("/api/v1/contacts").then().statusCode(201).extract();
            String id = made.path("id");
            var read = team.api().get("/api/v1/contacts/" + id).then().statusCode(200).extract();
            org.junit.jupiter.api.Assertions.assertEquals((String) made.path("createdAt"), read.path("createdAt"));
            org.junit.jupiter.api.Assertions.assertEquals((String) made.path("updatedAt"), read.path("updatedAt"));
            var changed = team.api().header("If-Match", read.header("ETag")).body(Map.of("notes", "again " + i))
                    .patch("/api/v1/contacts/" + id).then().statusCode(200).extract();
            org.junit.jupiter.api.Assertions.assertEquals((String) changed.path("updatedAt"),
                    team.api().get("/api/v1/contacts/" + id).then().extract().path("updatedAt"));
        }
    }

    @Test
    void anEnumWordWithASpaceAroundItIsRefused() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Lucy Parsons", "engagementLevel", "cadre ")).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", is("engagementLevel"))
                .body("errors[0].message", is("'cadre ' is not one of new, less-involved, cadre"));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(0));

        String contact = team.api().body(Map.of("fullName", "Lucy Parsons")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        team.api().body(Map.of("level", " cadre")).post("/api/v1/contacts/" + contact + "/level")
                .then().statusCode(400).body("errors[0].field", is("level"));
        team.api().body(Map.of("position", "officer\t")).patch("/api/v1/contacts/" + contact)
                .then().statusCode(400).body("errors[0].field", is("position"));
        team.api().get("/api/v1/contacts/" + contact).then().body("engagementLevel", is("new")).body("position", is("base"));
        // a list or an object where the word goes said "expected value" (the probe): the words are named
        team.api().body(Map.of("level", java.util.List.of("cadre"))).post("/api/v1/contacts/" + contact + "/level")
                .then().statusCode(400).body("errors[0].field", is("level"))
                .body("errors[0].message", is("expected one of new, less-involved, cadre (as text)"));
        team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "channel", Map.of("kind", "phone")))
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("channel"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("expected one of in-person, house-visit, phone"));
        // the word as written still goes
        team.api().body(Map.of("level", "cadre")).post("/api/v1/contacts/" + contact + "/level").then().statusCode(201);
    }

    /** The probe: a list where an attendance's object goes said "[0]: expected value". */
    @Test
    void aListWhereAnObjectGoesSaysAnObject() {
        TestTeam team = TestTeam.create();
        String action = team.api().body(Map.of("title", "Picket", "startsAt", "2026-05-01T16:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body("[[\"" + action + "\"]]").put("/api/v1/actions/" + action + "/attendance").then().statusCode(400)
                .body("errors[0].field", is("[0]")).body("errors[0].message", is("expected object ({…})"));
    }

    @Test
    void anIdGivenAsEmptyTextIsRefusedNotReadAsNone() {
        TestTeam team = TestTeam.create();
        String org = team.organization("Acme Laundry", "workplace");
        team.api().body(Map.of("fullName", "Lucy Parsons", "organizationId", "")).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", is("organizationId"));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(0));

        String contact = team.api().body(Map.of("fullName", "Lucy Parsons", "organizationId", org)).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        team.api().body(Map.of("organizationId", "")).patch("/api/v1/contacts/" + contact)
                .then().statusCode(400).body("errors[0].field", is("organizationId"));
        team.api().get("/api/v1/contacts/" + contact).then().body("organizationId", is(org));
        team.api().body(Map.of("contactId", contact, "workId", "", "durationMinutes", 20, "channel", "phone"))
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("workId"));
        // an id with spaces around it is not taken either (words and ids only as written)
        team.api().body(Map.of("organizationId", " " + org + " ")).patch("/api/v1/contacts/" + contact)
                .then().statusCode(400).body("errors[0].field", is("organizationId"));
        team.api().body(Map.of("contactId", " " + contact, "durationMinutes", 20, "channel", "phone"))
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("contactId"));
        // null is how none is said, and still clears it
        team.api().body("{\"organizationId\": null}").patch("/api/v1/contacts/" + contact)
                .then().statusCode(200).body("organizationId", nullValue());
    }

    @Test
    void aNullTagIsRefusedNotDropped() {
        TestTeam team = TestTeam.create();
        team.api().body("{\"fullName\": \"Lucy Parsons\", \"tags\": [null]}").post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", is("tags[0]"))
                .body("errors[0].message", is("expected text, not null"));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(0));

        String contact = team.api().body(Map.of("fullName", "Lucy Parsons", "tags", List.of("night shift")))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        team.api().body("{\"tags\": [\"day shift\", null]}").patch("/api/v1/contacts/" + contact)
                .then().statusCode(400).body("errors[0].field", is("tags[1]"));
        team.api().get("/api/v1/contacts/" + contact).then().body("tags", is(List.of("night shift")));
        // what docs/api.md says of tags stays: spaces around one trimmed, an empty one dropped; a field's null is none
        team.api().body(Map.of("tags", List.of(" day shift ", ""))).patch("/api/v1/contacts/" + contact)
                .then().statusCode(200).body("tags", is(List.of("day shift")));
        team.api().body("{\"notes\": null}").patch("/api/v1/contacts/" + contact).then().statusCode(200);
    }
}
