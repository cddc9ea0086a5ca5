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
 * save, read before the first, still does not overwrite it (412), but now comes back with what was
 * typed in it, at the version stored now, with what is saved now under each field that differs: the
 * organizer saves again deliberately. One place does it for every edit form (Form.onConflict).
 */
@QuarkusTest
class EditConflictPagesTest {

    /** What is saved now under a field, as the form says it after the conflict. */
    static String savedNow(String field, String shown) {
        return "(?s).*id=\"f-" + field + "-saved\">[^<]*<strong>" + shown + "</strong>.*";
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
        tab2.then().statusCode(200)
                .body(containsString("Someone else saved this while you were editing"))
                // what tab 2 typed is on the form
                .body(containsString("value=\"Rosa María Díaz\""))
                .body(containsString("Chairs the tenants meeting</textarea>"))
                .body(matchesPattern("(?s).*<option value=\"base\" selected>.*"))
                // at the version stored now, so saving it again goes through
                .body(containsString("name=\"version\" value=\"1\""))
                // under each field that differs, what is saved now (a choice by its label)
                .body(matchesPattern(savedNow("fullName", "Rosa Diaz")))
                .body(matchesPattern(savedNow("phone", "718 555 0199")))
                .body(matchesPattern(savedNow("position", "Officer")))
                .body(matchesPattern(savedNow("notes", "Met at the laundromat")))
                .body(matchesPattern("(?s).*aria-describedby=\"f-phone-saved\".*"))
                // and nothing under a field both say the same
                .body(not(containsString("id=\"f-email-saved\"")));
        team.api().get("/api/v1/contacts/" + id).then().body("fullName", equalTo("Rosa Diaz"))
                .body("phone", equalTo("718 555 0199")).body("position", equalTo("officer"));

        // the organizer keeps tab 1's phone and their own words, and saves again
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
                .formParam("email", "sam@example.org").post("/contacts/" + id + "/edit").then().statusCode(200)
                .body(containsString("value=\"sam@example.org\""))
                .body(matchesPattern(savedNow("notes", "Changed by a script")))
                .body(matchesPattern(savedNow("email", "\\(empty\\)")));
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
