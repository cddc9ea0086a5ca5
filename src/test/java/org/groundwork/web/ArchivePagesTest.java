package org.groundwork.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.archive.Archives;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings page's "Moving this team" section and the instance admin's restore page. */
@QuarkusTest
class ArchivePagesTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void adminsDownloadTheArchiveFromSettings() {
        TestTeam team = TestTeam.create();
        Session admin = Session.logIn(team);
        String settings = admin.open("/settings");
        assertTrue(settings.contains("href=\"/api/v1/team/archive\""));
        assertTrue(settings.contains("Download this team&#39;s archive"), "the link's words (Qute escapes the apostrophe of a message)");
        assertFalse(settings.contains("/settings/restore"), "only the instance admin restores");
        // the link works with the session cookie: the zip, starting with its manifest
        byte[] zip = admin.request().get("/api/v1/team/archive").then().statusCode(200)
                .contentType("application/zip").header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract().asByteArray();
        assertEquals("manifest.json", Archives.open(zip).keySet().iterator().next());
        admin.request().get("/settings/restore").then().statusCode(403);

        TestTeam.Member organizer = team.member("organizer");
        String theirs = Session.logIn(organizer.email()).open("/settings");
        assertFalse(theirs.contains("/api/v1/team/archive"), "organizers get no archive link");
    }

    @Test
    void theArchivesFileIsNamedForTheTeamsDay() {
        // at any hour one of the two is on another day than UTC (UTC-11 before 11:00, UTC+14 from 10:00)
        for (String zone : List.of("Pacific/Pago_Pago", "Pacific/Kiritimati")) {
            TestTeam team = TestTeam.create(zone);
            String day = java.time.LocalDate.now(java.time.ZoneId.of(zone)).toString();
            io.restassured.RestAssured.given().auth().oauth2(team.token).get("/api/v1/team/archive").then().statusCode(200)
                    .header("Content-Disposition", org.hamcrest.Matchers.containsString("groundwork-team-" + day + ".zip"));
        }
    }

    @Test
    void theInstanceAdminRestoresATeamOnThePage() throws Exception {
        TestTeam team = TestTeam.create();
        team.member("coordinator");
        LinkedHashMap<String, String> copy = Archives.copy(Archives.open(Archives.download(team.token)));
        JsonNode organizer = new ObjectMapper().readTree(java.util.Arrays.stream(copy.get("organizer.jsonl").split("\n"))
                .filter(line -> line.contains("\"role\":\"admin\"")).findFirst().orElseThrow());
        // the copy's ids are new ones
        String beaId = new ObjectMapper().readTree(java.util.Arrays.stream(copy.get("organizer.jsonl").split("\n"))
                .filter(line -> line.contains("\"role\":\"coordinator\"")).findFirst().orElseThrow()).get("id").asText();
        JsonNode teamRow = new ObjectMapper().readTree(copy.get("team.jsonl"));

        Session root = Session.logIn(TestTeam.setup().getString("organizer.email"));
        assertTrue(root.open("/settings").contains("href=\"/settings/restore\""));
        root.open("/settings/restore");
        // without the form's token: refused, nothing restored
        Response forged = root.request().multiPart("archive", "team.zip", Archives.zip(copy), "application/zip")
                .post("/settings/restore");
        assertNotEquals(200, forged.statusCode());

        String refused = upload(root, "hello".getBytes(StandardCharsets.UTF_8), 400);
        assertTrue(refused.contains("not a Groundwork team archive"), refused);
        assertTrue(refused.contains("or an empty one. Nothing was restored."), refused);
        assertTrue(refused.contains("aria-invalid=\"true\""));

        root.open("/settings/restore");
        String done = upload(root, Archives.zip(copy), 200);
        assertTrue(done.contains("restored"), done);
        assertTrue(done.contains(teamRow.get("name").asText()), "the result names the team");
        assertTrue(done.contains("organizer.jsonl"), "and what was created");
        assertTrue(done.contains(organizer.get("email").asText()), "and its organizers");

        // the same archive again: its own words say nothing was restored, and the page says it once
        root.open("/settings/restore");
        String again = upload(root, Archives.zip(copy), 409);
        assertTrue(again.contains("already"), again);
        assertEquals(1, again.toLowerCase(java.util.Locale.ROOT).split("nothing was restored", -1).length - 1, again);

        // a first password for the restored admin, from the result page's form
        Matcher m = TOKEN.matcher(done);
        assertTrue(m.find());
        root.csrfToken = m.group(1);
        String path = "/settings/restore/" + teamRow.get("id").asText() + "/organizers/" + organizer.get("id").asText()
                + "/password";
        // refused: said beside that organizer's form, the others' forms still there
        String tooShort = root.form().formParam("password", "short").post(path).then().statusCode(400).extract().asString();
        String admin = organizer.get("id").asText();
        assertTrue(tooShort.contains("<p class=\"error\" id=\"f-password-" + admin + "-error\">"), tooShort);
        assertTrue(tooShort.contains("id=\"f-password-" + beaId + "\""), tooShort);
        // set: back to those still without one (a walk: the answer page had lost them), each role in words
        String list = root.form().formParam("password", TestTeam.PASSWORD).post(path).then().statusCode(303)
                .extract().header("Location");
        assertTrue(list.endsWith("/settings/restore/" + teamRow.get("id").asText() + "/organizers?set=" + admin), list);
        String set = root.request().get(list).then().statusCode(200).extract().asString();
        assertTrue(set.contains("can log in now"), set);
        assertFalse(set.contains("id=\"f-password-" + admin + "\""), "no form for the one who has a password now");
        assertTrue(set.contains("id=\"f-password-" + beaId + "\"") && set.contains(", Coordinator</span>"), set);
        // a second password for the same account: refused above the list, the account kept
        root.form().formParam("password", "another long password").post(path).then().statusCode(409)
                .body(org.hamcrest.Matchers.containsString("has a password already"));
        Session.logIn(organizer.get("email").asText()).open("/settings");
        root.form().formParam("password", TestTeam.PASSWORD).post("/settings/restore/" + teamRow.get("id").asText()
                + "/organizers/" + beaId + "/password").then().statusCode(303);
        root.request().get("/settings/restore/" + teamRow.get("id").asText() + "/organizers").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Every organizer of this team has a password now."));
        // a team the instance does not have, or one not restored here: not found; the page is the instance admin's
        root.request().get("/settings/restore/" + java.util.UUID.randomUUID() + "/organizers").then().statusCode(404);
        root.request().get("/settings/restore/" + team.teamId + "/organizers?set=" + team.adminId).then().statusCode(404);
        Session.logIn(team).request().get("/settings/restore/" + teamRow.get("id").asText() + "/organizers")
                .then().statusCode(403);
    }

    /**
     * The walk's "a Spanish page lists the allowed values in Spanish": an archive's field takes the archive's own
     * words (new, less-involved, cadre), so its refusal names those, in either language; the rest of the sentence is
     * the page's.
     */
    @Test
    void anArchivesChoicesAreNamedAsTheFileSpellsThemOnASpanishPage() {
        TestTeam team = TestTeam.create();
        team.api().body(java.util.Map.of("fullName", "Rosa Diaz")).post("/api/v1/contacts").then().statusCode(201);
        LinkedHashMap<String, String> copy = Archives.copy(Archives.open(Archives.download(team.token)));
        LinkedHashMap<String, String> edited = new LinkedHashMap<>(copy);
        assertTrue(copy.get("contact.jsonl").contains("\"engagement_level\":\"new\""), copy.get("contact.jsonl"));
        edited.put("contact.jsonl", copy.get("contact.jsonl").replace("\"engagement_level\":\"new\"", "\"engagement_level\":\"hero\""));

        Session root = Session.logIn(TestTeam.setup().getString("organizer.email"));
        root.open("/settings");
        root.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        try {
            root.open("/settings/restore");
            String spanish = upload(root, Archives.zip(edited), 400);
            assertTrue(spanish.contains("contact.jsonl, línea 1: "), spanish);
            assertTrue(spanish.contains("no es una de estas opciones: new, less-involved, cadre"), spanish);
            assertFalse(spanish.contains("nuevo"), spanish);
            // the versions it reads, in Spanish too (a walk: "(2 to 3)" on a Spanish page)
            LinkedHashMap<String, String> newer = new LinkedHashMap<>(copy);
            newer.put("manifest.json", copy.get("manifest.json").replaceFirst("\"formatVersion\"\\s*:\\s*\\d+", "\"formatVersion\":99"));
            root.open("/settings/restore");
            assertTrue(newer.get("manifest.json").contains("\"formatVersion\":99"), newer.get("manifest.json"));
            String version = upload(root, Archives.zip(newer), 400);
            assertTrue(version.contains("la versión de formato 99 no es una de las que lee este Groundwork (de la "), version);
            assertFalse(version.contains(" to "), version);
        } finally {
            root.open("/settings");
            root.form().formParam("language", "en").post("/settings/language").then().statusCode(303);
        }
    }

    /** The page refuses what the API refuses in an archive's rows, in the same words, and writes nothing. */
    @Test
    void thePageRefusesAnArchiveBreakingAFieldRuleNamingTheLineAndTheField() {
        TestTeam team = TestTeam.create();
        team.api().body(java.util.Map.of("fullName", "Rosa Diaz", "tags", List.of("night shift")))
                .post("/api/v1/contacts").then().statusCode(201);
        LinkedHashMap<String, String> copy = Archives.copy(Archives.open(Archives.download(team.token)));
        LinkedHashMap<String, String> edited = new LinkedHashMap<>(copy);
        edited.put("contact.jsonl", copy.get("contact.jsonl").replace("[\"night shift\"]", "[\"" + "t".repeat(120) + "\"]"));

        Session root = Session.logIn(TestTeam.setup().getString("organizer.email"));
        root.open("/settings/restore");
        String refused = upload(root, Archives.zip(edited), 400);
        assertTrue(refused.contains("contact.jsonl line 1: the field &quot;tags[0]&quot;: This must be at most 50 characters. Nothing was restored."),
                refused);
        // a Spanish page says the rule in Spanish, the file's own names kept
        root.open("/settings");
        root.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        root.open("/settings/restore");
        String spanish = upload(root, Archives.zip(edited), 400);
        assertTrue(spanish.contains("contact.jsonl, línea 1: el campo &quot;tags[0]&quot;: "), spanish);
        assertFalse(spanish.contains("must be"), spanish);
        // a value of another JSON type than its field's too (the walk: "el campo \"tags\": expected list")
        LinkedHashMap<String, String> wrongType = new LinkedHashMap<>(copy);
        wrongType.put("contact.jsonl", copy.get("contact.jsonl").replace("[\"night shift\"]", "\"night shift\""));
        root.open("/settings/restore");
        String typed = upload(root, Archives.zip(wrongType), 400);
        assertTrue(typed.contains("contact.jsonl, línea 1: el campo &quot;tags&quot;: se esperaba una lista"), typed);
        root.open("/settings");
        root.form().formParam("language", "en").post("/settings/language").then().statusCode(303);
        // nothing was written: the archive as made restores, its ids unused
        root.open("/settings/restore");
        String done = upload(root, Archives.zip(copy), 200);
        assertTrue(done.contains("organizer.jsonl"), done);
    }

    /**
     * Two archives in one upload: one was restored without a word about the other (found on a walk).
     * Refused, neither restored; and an archive cut short before its closing index is said so on the page.
     */
    @Test
    void thePageRefusesTwoArchivesInOneUploadAndOneCutShort() {
        LinkedHashMap<String, String> first = Archives.copy(Archives.open(Archives.download(TestTeam.create().token)));
        LinkedHashMap<String, String> second = Archives.copy(Archives.open(Archives.download(TestTeam.create().token)));
        Session root = Session.logIn(TestTeam.setup().getString("organizer.email"));
        root.open("/settings/restore");
        String refused = root.request().multiPart("csrf-token", root.csrfToken)
                .multiPart("archive", "first.zip", Archives.zip(first), "application/zip")
                .multiPart("archive", "second.zip", Archives.zip(second), "application/zip")
                .post("/settings/restore").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("Choose one archive: a restore takes one team&#39;s archive at a time. Nothing was restored."),
                refused);
        byte[] whole = Archives.zip(first);
        root.open("/settings/restore");
        String cut = upload(root, java.util.Arrays.copyOf(whole, whole.length - 22), 400);
        assertTrue(cut.contains("The archive is incomplete: the zip&#39;s closing index (its central directory) is missing"
                + " or cut short, as in a download that stopped early; download the archive again. Nothing was restored."), cut);
        // neither was restored: both restore now, their ids unused
        Archives.restore(TestTeam.instanceToken(), Archives.zip(first)).then().statusCode(201);
        Archives.restore(TestTeam.instanceToken(), Archives.zip(second)).then().statusCode(201);
    }

    /** The restore page after an upload, which answers {@code status}: 200 restored, a 4xx refused (nothing restored). */
    private static String upload(Session s, byte[] zip, int status) {
        return s.request().multiPart("csrf-token", s.csrfToken).multiPart("archive", "team.zip", zip, "application/zip")
                .post("/settings/restore").then().statusCode(status).extract().asString();
    }
}
