package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * The browser walk's "two tabs editing one contact: the second tab's typing is lost". The second
 * save, read before the first, still does not overwrite it (412), but now comes back at the version
 * stored now, showing what is stored, with what was typed under each field where it differs: the
 * organizer copies back what they meant to change and saves again, and nothing the first tab saved
 * is undone by it. One place does it for every edit form (Form.onConflict).
 */
@QuarkusTest
class EditConflictPagesTest {

    /** What was typed, under a field, as the form says it after the conflict. */
    static String youTyped(String field, String shown) {
        return "(?s).*id=\"f-" + field + "-typed\">You typed: <strong>" + shown + "</strong>.*";
    }

    @Test
    void theSecondTabsTypingComesBackWithWhatTheFirstSaved() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz", "phone", "718 555 0101",
                "notes", "Met at the laundromat"));
        Session s = Session.logIn(team);
        // both tabs read the form at version 0
        s.open("/contacts/" + id + "/edit");

        // tab 1 saves a new phone and position
        s.form().formParam("version", "0").formParam("fullName", "Rosa Diaz").formParam("phone", "718 555 0199")
                .formParam("position", "officer").formParam("notes", "Met at the laundromat")
                .post("/contacts/" + id + "/edit").then().statusCode(303);

        // tab 2 had typed her full name and a line of notes (a browser sends a text area's lines with CRLF)
        Response tab2 = s.form().formParam("version", "0").formParam("fullName", "Rosa María Díaz")
                .formParam("phone", "718 555 0101").formParam("position", "base")
                .formParam("notes", "Met at the laundromat\r\nChairs the tenants meeting").post("/contacts/" + id + "/edit");
        tab2.then().statusCode(409)
                .body(containsString("Someone else saved this while you were editing"))
                // the form shows what is stored now, at the version stored now
                .body(containsString("value=\"Rosa Diaz\""))
                .body(containsString("value=\"718 555 0199\""))
                .body(matchesPattern("(?s).*<option value=\"officer\" selected>.*"))
                .body(containsString("name=\"version\" value=\"1\""))
                // and under each field typed otherwise, what was typed (a choice by its label)
                .body(matchesPattern(youTyped("fullName", "Rosa María Díaz")))
                .body(matchesPattern(youTyped("phone", "718 555 0101")))
                .body(matchesPattern(youTyped("position", "Base")))
                .body(matchesPattern(youTyped("notes", "Met at the laundromat\\s+Chairs the tenants meeting")))
                .body(matchesPattern("(?s).*aria-describedby=\"f-phone-typed\".*"))
                // and nothing under a field both say the same
                .body(not(containsString("id=\"f-email-typed\"")));
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Rosa Diaz"))
                .body("phone", equalTo("718 555 0199")).body("position", equalTo("officer"));

        // the form as drawn, saved again with only the name and the notes typed back: the first tab's
        // phone and position stay (saving the stale typing again as it was would have undone them)
        s.form().formParam("version", "1").formParam("fullName", "Rosa María Díaz").formParam("phone", "718 555 0199")
                .formParam("position", "officer").formParam("notes", "Met at the laundromat\r\nChairs the tenants meeting")
                .post("/contacts/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Rosa María Díaz"))
                .body("phone", equalTo("718 555 0199")).body("position", equalTo("officer"))
                .body("notes", containsString("Chairs the tenants meeting"));
    }

    @Test
    void aRefusalOnTheFormDrawnAgainStillKeepsTheTyping() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Sam Okafor"));
        Session s = Session.logIn(team);
        s.open("/contacts/" + id + "/edit");
        team.api().body(Map.of("notes", "Changed by a script")).patch("/api/v1/contacts/" + id).then().statusCode(200);
        s.form().formParam("version", "0").formParam("fullName", "Samuel Okafor").formParam("position", "base")
                .formParam("email", "sam@example.org").post("/contacts/" + id + "/edit").then().statusCode(409)
                .body(not(containsString("value=\"sam@example.org\"")))
                .body(containsString("Changed by a script</textarea>"))
                .body(matchesPattern(youTyped("notes", "\\(empty\\)")))
                .body(matchesPattern(youTyped("email", "sam@example.org")));
        // saved again with a mistake: the field's own message, the typing still there, the version kept
        Response bad = s.form().formParam("version", "1").formParam("fullName", "Samuel Okafor").formParam("position", "base")
                .formParam("email", "not an email").post("/contacts/" + id + "/edit");
        PageFormsTest.assertFieldError(bad, "email", "Enter an email address");
        bad.then().body(containsString("value=\"Samuel Okafor\"")).body(containsString("name=\"version\" value=\"1\""));
        s.form().formParam("version", "1").formParam("fullName", "Samuel Okafor").formParam("position", "base")
                .formParam("email", "sam@example.org").formParam("notes", "Changed by a script")
                .post("/contacts/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Samuel Okafor"))
                .body("notes", equalTo("Changed by a script"));
    }
}
