package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saving the team settings and logging a conversation said nothing: the page came back as it was,
 * and a new organizer could not tell it had worked. Both now say so on the page they go on to,
 * through the one "saved" mark of the address (web/Form.saved, read by web/Here.saved).
 */
@QuarkusTest
class SavedNoticeTest {

    @Test
    void savedTeamSettingsAreSaidOnTheSettingsPage() {
        TestTeam team = TestTeam.create();
        String name = team.api().get("/api/v1/team").then().extract().path("name");
        Session s = Session.onPage(team, "/settings");
        s.form().formParam("name", name).formParam("timeZone", "Europe/Berlin").formParam("heatWindowDays", "3")
                .formParam("coolingDays", "30").formParam("phoneCountryCode", "49").post("/settings/team")
                .then().statusCode(303).header("Location", endsWith("/settings?saved=team"));
        s.request().get("/settings?saved=team").then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\">Team settings saved.</p>"));
        s.request().get("/settings").then().statusCode(200).body(not(containsString("id=\"saved\"")));
        // a word the page does not know, or one made by hand, says nothing and fails nothing
        for (String other : new String[] {"saved=conversation", "saved=", "saved=%00team", "saved"}) {
            int status = s.request().urlEncodingEnabled(false).get("/settings?" + other).then().extract().statusCode();
            assertTrue(status == 200 || status == 400, other + " answered " + status);
            if (status == 200) {
                s.request().urlEncodingEnabled(false).get("/settings?" + other).then()
                        .body(not(containsString("id=\"saved\"")));
            }
        }
        // a refusal is no save: the form again, without the notice
        s.form().formParam("name", name).formParam("timeZone", "Mars/Olympus").formParam("heatWindowDays", "3")
                .formParam("coolingDays", "30").formParam("phoneCountryCode", "49").post("/settings/team")
                .then().statusCode(400).body(not(containsString("Team settings saved.")));

        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        s.request().get("/settings?saved=team").then().statusCode(200)
                .body(containsString("Ajustes del equipo guardados."));
    }

    /**
     * A contact's details, a unit added or renamed, an organizer added: each said on the page it goes on to (the
     * forty-sixth session's walk: these saves said nothing, and the focus stayed on a page that looked unchanged).
     */
    @Test
    void detailsUnitsAndOrganizersSavedAreSaid() {
        TestTeam team = TestTeam.create();
        String rosa = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Schmidt"));
        Session s = Session.logIn(team);
        String edit = s.open("/contacts/" + rosa + "/edit");
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"([^\"]*)\"").matcher(edit);
        assertTrue(version.find(), "the edit form carries its version");
        String details = s.form().formParam("version", version.group(1)).formParam("fullName", "Rosa Schmidt")
                .formParam("position", "base").formParam("notes", "Night shift").post("/contacts/" + rosa + "/edit")
                .then().statusCode(303).header("Location", endsWith("/contacts/" + rosa + "?saved=details"))
                .extract().header("Location");
        s.request().get(details).then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\" tabindex=\"-1\" autofocus>Details saved.</p>"));

        String org = team.organization("Harbor Depot " + TestTeam.unique(), "workplace");
        s.open("/organizations/" + org);
        String added = s.form().formParam("unitName", "Nights").formParam("unitKind", "shift")
                .post("/organizations/" + org + "/units").then().statusCode(303)
                .header("Location", endsWith("/organizations/" + org + "?saved=unit-added")).extract().header("Location");
        s.request().get(added).then().statusCode(200).body(containsString("<p class=\"notice\" tabindex=\"-1\" autofocus>Unit added.</p>"));
        String nights = team.api().get("/api/v1/organizations/" + org + "/units").then().extract().path("items[0].id");
        s.open("/organizations/" + org + "/units/" + nights);
        String renamed = s.form().formParam("unitName", "Night shift").formParam("unitKind", "shift")
                .post("/organizations/" + org + "/units/" + nights + "/rename").then().statusCode(303)
                .header("Location", endsWith("/organizations/" + org + "?saved=unit-saved")).extract().header("Location");
        s.request().get(renamed).then().statusCode(200)
                .body(containsString("<p class=\"notice\" tabindex=\"-1\" autofocus>Unit saved.</p>"));
        // a refused unit is no save
        s.form().formParam("unitName", "").formParam("unitKind", "shift").post("/organizations/" + org + "/units")
                .then().statusCode(400).body(not(containsString("Unit added.")));

        s.open("/organizers");
        String organizer = s.form().formParam("displayName", "Bea").formParam("email", "bea-" + TestTeam.unique() + "@groundwork.test")
                .formParam("role", "organizer").formParam("password", TestTeam.PASSWORD).post("/organizers")
                .then().statusCode(303).header("Location", endsWith("/organizers?saved=organizer-added")).extract().header("Location");
        s.request().get(organizer).then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\" tabindex=\"-1\" autofocus>Organizer added.</p>"));
    }

    @Test
    void aLoggedConversationIsSaidAboveTheTimelineItLandsOn() {
        TestTeam team = TestTeam.create();
        String rosa = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Schmidt"));
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + rosa);
        String next = OneTimeKeyPagesTest.logForm(s, rosa, s.key, "Talked about the rent strike").post("/conversations")
                .then().statusCode(303).header("Location", endsWith("/contacts/" + rosa + "?saved=conversation#timeline"))
                .extract().header("Location");
        String page = s.request().get(next.substring(0, next.indexOf('#'))).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p class=\"notice\" role=\"status\" id=\"saved\">Conversation with Rosa Schmidt logged.</p>"),
                page);
        // said in the timeline's section, which the address's #timeline scrolls to
        assertTrue(page.indexOf("id=\"timeline\"") < page.indexOf("id=\"saved\""), "under the timeline's heading");
        assertEquals(1, OneTimeKeyPagesTest.conversations(team, rosa));
        s.request().get("/contacts/" + rosa).then().statusCode(200).body(not(containsString("id=\"saved\"")));

        // sent again (Back, submit): the first address, now saying it was saved already, and only that
        OneTimeKeyPagesTest.logForm(s, rosa, s.key, "Talked about the rent strike").post("/conversations")
                .then().statusCode(303).header("Location", endsWith("/contacts/" + rosa + "?saved=already"));
        s.request().get("/contacts/" + rosa + "?saved=already").then().statusCode(200)
                .body(containsString("This was saved already")).body(not(containsString("Rosa Schmidt logged")));

        // another team's contact with the mark: a 404, as without it
        TestTeam other = TestTeam.create();
        String theirs = PagesBrowserTest.contact(other, Map.of("fullName", "Other Team Person"));
        s.request().get("/contacts/" + theirs + "?saved=conversation").then().statusCode(404)
                .body(not(containsString("Other Team Person")));

        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        s.request().get("/contacts/" + rosa + "?saved=conversation").then().statusCode(200)
                .body(containsString("Conversación con Rosa Schmidt anotada."));
    }

    /** A level change landed on the timeline without a word; it now says the level they are at, as the page words it. */
    @Test
    void aLevelChangeIsSaidWithTheNewLevel() {
        TestTeam team = TestTeam.create();
        String rosa = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Schmidt", "engagementLevel", "new"));
        Session s = Session.onPage(team, "/contacts/" + rosa);
        String next = s.form().formParam("level", "cadre").formParam("reason", "Led the building meeting")
                .post("/contacts/" + rosa + "/level")
                .then().statusCode(303).header("Location", endsWith("/contacts/" + rosa + "?saved=level#timeline"))
                .extract().header("Location");
        String page = s.request().get(next.substring(0, next.indexOf('#'))).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p class=\"notice\" role=\"status\" id=\"saved\">Rosa Schmidt is now cadre.</p>"), page);
        assertTrue(page.indexOf("id=\"timeline\"") < page.indexOf("id=\"saved\""), "under the timeline's heading");
        s.request().get("/contacts/" + rosa).then().statusCode(200).body(not(containsString("id=\"saved\"")));
        // a refusal is no change: the page again, without the notice
        s.form().formParam("level", "cadre").formParam("reason", "Again").post("/contacts/" + rosa + "/level")
                .then().statusCode(409).body(containsString("Their level is already cadre: choose another level"))
                .body(not(containsString("id=\"saved\"")), not(containsString("is now cadre")));

        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        s.request().get("/contacts/" + rosa + "?saved=level").then().statusCode(200)
                .body(containsString("Rosa Schmidt está ahora en el nivel cuadro."));
    }

    /** Saving the language said nothing; it now says so, in the language just chosen. */
    @Test
    void aSavedLanguageIsSaidInTheNewLanguage() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/settings");
        String next = s.form().formParam("language", "es").post("/settings/language")
                .then().statusCode(303).header("Location", endsWith("/settings?saved=language"))
                .extract().header("Location");
        s.request().get(next).then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\">Idioma guardado: tus páginas están ahora en español.</p>"));
        s.form().formParam("language", "en").post("/settings/language").then().statusCode(303);
        s.request().get("/settings?saved=language").then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\">Language saved: your pages are now in English.</p>"));
        s.request().get("/settings").then().statusCode(200).body(not(containsString("id=\"saved\"")));
    }

    /**
     * A new contact, a tie added and removed, a conversation corrected: each said on the person's page (a walk: these
     * saves said nothing, where logging and deleting a conversation say so).
     */
    @Test
    void aNewContactATieAndAConversationCorrectedAreSaid() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/contacts/new");
        String added = s.form().formParam("fullName", "Rosa Schmidt " + TestTeam.unique()).formParam("position", "base")
                .post("/contacts").then().statusCode(303)
                .header("Location", containsString("?saved=contact-added")).extract().header("Location");
        String rosa = added.replaceAll(".*/contacts/([^?#]*).*", "$1");
        s.request().get(added).then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\">Contact added.</p>"));

        String ben = PagesBrowserTest.contact(team, Map.of("fullName", "Ben Okafor"));
        s.open("/contacts/" + rosa);
        String tied = s.form().formParam("otherContactId", ben).formParam("tieKind", "listens-to").formParam("note", "")
                .post("/contacts/" + rosa + "/ties").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + rosa + "?saved=tie-added#ties")).extract().header("Location");
        s.request().get(tied.replaceAll("#.*", "")).then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\">Tie added.</p>"));
        String tie = team.api().get("/api/v1/contacts/" + rosa + "/ties").then().extract().path("items[0].id");
        String removed = s.form().post("/contacts/" + rosa + "/ties/" + tie + "/remove").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + rosa + "?saved=tie-removed#ties")).extract().header("Location");
        s.request().get(removed.replaceAll("#.*", "")).then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\">Tie removed.</p>"));

        String talk = team.api().body(Map.of("contactId", rosa, "durationMinutes", 20)).post("/api/v1/conversations")
                .then().statusCode(201).extract().path("id");
        s.open("/conversations/" + talk + "/edit");
        String changed = s.form().formParam("version", "0").formParam("occurredAt", "2026-11-20T18:30")
                .formParam("durationMinutes", "45").formParam("channel", "phone").post("/conversations/" + talk + "/edit")
                .then().statusCode(303).header("Location", endsWith("/contacts/" + rosa + "?saved=changed#timeline"))
                .extract().header("Location");
        s.request().get(changed.replaceAll("#.*", "")).then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\" id=\"saved\">Conversation saved.</p>"));
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        s.request().get(changed.replaceAll("#.*", "")).then().statusCode(200).body(containsString("Conversación guardada."));
    }
}
