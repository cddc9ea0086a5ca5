package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At the door, a phone number is often a household's: someone new typed in with the phone of a
 * contact under another name is asked about ("same person or someone else?"), never checked in as
 * that contact without a word. Before, Rosa was checked in for Zed, and Zed, a first-timer, was never
 * recorded; with two contacts sharing a phone, typing Marisol checked in Tomasz.
 */
@QuarkusTest
class CheckInSharedPhoneTest {

    private static String contact(TestTeam team, String name, String phone) {
        return team.api().body(Map.of("fullName", name, "phone", phone)).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static List<String> attendance(TestTeam team, String action) {
        return team.api().get("/api/v1/actions/" + action).then().statusCode(200).extract().path("attendance.contactId");
    }

    private static Response newAtTheDoor(Session s, String action, String name, String phone, String... more) {
        var post = s.form().formParam("fullName", name).formParam("phone", phone).formParam("email", "")
                .formParam("firstTime", "true");
        for (int i = 0; i < more.length; i += 2) {
            post.formParam(more[i], more[i + 1]);
        }
        return post.post("/actions/" + action + "/attendance/new");
    }

    @Test
    void theSamePhoneUnderAnotherNameIsAskedAboutAndSomeoneElseIsAdded() {
        TestTeam team = TestTeam.create();
        String rosa = contact(team, "Rosa Schmidt", "(718) 555-0110");
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session s = Session.onPage(team, "/actions/" + action);

        Response asked = newAtTheDoor(s, action, "Zed Smith", "718 555 0110");
        asked.then().statusCode(200);
        String page = asked.asString();
        assertTrue(page.contains("Is Zed Smith someone you already know?"), page);
        assertTrue(page.contains("Rosa Schmidt, in your contacts, has the same phone number."), page);
        assertTrue(page.contains("name=\"contactId\" value=\"" + rosa + "\""), "Rosa can be chosen");
        assertTrue(page.contains("Someone else: add Zed Smith as a new person"), page);
        assertEquals(List.of(), attendance(team, action), "no one checked in while asking");

        // someone else: Zed is added and checked in as a first-timer, with his own follow-up; the button's form
        // holds a one-time key, so sent twice (a double tap, Back and resend) he is added once (the walk: two Zeds)
        java.util.regex.Matcher key = java.util.regex.Pattern
                .compile("name=\"" + Form.KEY + "\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(key.find(), "the someone-else form holds a one-time key");
        for (int i = 0; i < 2; i++) {
            newAtTheDoor(s, action, "Zed Smith", "718 555 0110", "someoneElse", "true", Form.KEY, key.group(1))
                    .then().statusCode(303);
        }
        List<String> here = attendance(team, action);
        assertEquals(1, here.size());
        assertFalse(here.contains(rosa), "Rosa is not checked in for Zed");
        team.api().get("/api/v1/contacts?q=Zed").then().body("items.fullName", org.hamcrest.Matchers.contains("Zed Smith"));
        team.api().get("/api/v1/actions/" + action).then().body("attendance[0].firstTime", org.hamcrest.Matchers.is(true));
    }

    @Test
    void ofAHouseholdSharingAPhoneTheNameTypedIsCheckedIn() {
        TestTeam team = TestTeam.create();
        String tomasz = contact(team, "Tomasz Patel", "(718) 555-0120");
        String marisol = contact(team, "Marisol Vega", "(718) 555-0120");
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session s = Session.onPage(team, "/actions/" + action);

        // her name and the household's phone: she is checked in, not the first contact with that phone
        newAtTheDoor(s, action, "marisol vega", "7185550120").then().statusCode(303);
        assertEquals(List.of(marisol), attendance(team, action));

        // another name with that phone: the phone's contact is offered, no one is checked in while asking
        String third = CheckInAtTheDoorBrowserTest.action(team);
        String page = newAtTheDoor(s, third, "Ana Vega", "718-555-0120").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"contactId\" value=\"" + tomasz + "\""), page);
        assertEquals(List.of(), attendance(team, third));

        // the same phone with the same name, written otherwise: the known person, with no question
        String other = CheckInAtTheDoorBrowserTest.action(team);
        newAtTheDoor(s, other, "TOMASZ  PATEL", "+1 718 555 0120").then().statusCode(303);
        assertEquals(List.of(tomasz), attendance(team, other));
        team.api().get("/api/v1/contacts?q=Patel").then().body("items.size()", org.hamcrest.Matchers.is(1));

        // the same name as heard, spaces and punctuation aside (V28_24): asked about, not added (a walk: "Sean O Brien"
        // was checked in as a second, first-time Seán O'Brien)
        String sean = team.api().body(java.util.Map.of("fullName", "Se\u00e1n O'Brien")).post("/api/v1/contacts").then()
                .statusCode(201).extract().path("id");
        String fourth = CheckInAtTheDoorBrowserTest.action(team);
        String asked = newAtTheDoor(s, fourth, "Sean O Brien", "").then().statusCode(200).extract().asString();
        assertTrue(asked.contains("name=\"contactId\" value=\"" + sean + "\""), asked);
        assertEquals(List.of(), attendance(team, fourth));
    }
}
