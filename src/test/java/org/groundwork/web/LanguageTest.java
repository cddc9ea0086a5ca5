package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, languages: before login the browser's language decides; after, the organizer's own choice. */
@QuarkusTest
class LanguageTest {

    @Test
    void beforeLoginTheBrowsersLanguageDecides() {
        given().header("Accept-Language", "es-ES,es;q=0.9").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"es\">"), containsString("Iniciar sesión"), not(containsString("Log in")));
        given().header("Accept-Language", "de-DE,en;q=0.5").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Log in"));
        given().get("/login").then().statusCode(200).body(containsString("<html lang=\"en\">"));
        // a header as an attacker writes it: English or a clear refusal, never a 500
        given().header("Accept-Language", "es;q=nonsense,\u0001").get("/login").then().statusCode(lessThan(500));
        given().header("Accept-Language", "x".repeat(5000) + ";q=9").get("/login").then().statusCode(lessThan(500));
    }

    @Test
    void anOrganizerChoosesSpanishInSettingsAndEveryPageFollows() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Lucía Sánchez", "engagementLevel", "less-involved"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        Session session = Session.logIn(team);
        session.open("/settings");
        // the browser asks for English: the organizer's choice wins once logged in
        session.form().header("Accept-Language", "en").formParam("language", "es").post("/settings/language")
                .then().statusCode(303);
        String today = session.request().header("Accept-Language", "en").get("/").then().statusCode(200).extract().asString();
        assertTrue(today.contains("<html lang=\"es\">"), today);
        assertTrue(today.contains(">Hoy<") && today.contains(">Contactos<"), "the navigation is in Spanish");
        String settings = session.request().get("/settings").then().statusCode(200).extract().asString();
        assertTrue(settings.contains("<h1>Ajustes</h1>"), "Settings is in Spanish");
        String page = session.request().get("/contacts/" + contact).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Menos implicado"), "the level's word is Spanish");

        session.open("/settings");
        session.form().formParam("language", "fr").post("/settings/language").then().statusCode(400)
                .body(containsString("Elige una opción de la lista"));
        session.open("/settings");
        session.form().formParam("language", "en").post("/settings/language").then().statusCode(303);
        session.request().get("/").then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }

    @Test
    void theFollowUpTheAppOpensAfterAFirstActionIsSaidInThePagesLanguage() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Lucía Sánchez")).post("/api/v1/contacts").then()
                .statusCode(201).extract().path("id");
        String action = team.api().body(Map.of("title", "Asamblea", "startsAt", java.time.Instant.now().toString(),
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(java.util.List.of(Map.of("contactId", contact, "firstTime", true)))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200);
        // stored and answered in English, for the API
        team.api().get("/api/v1/followups?contact=" + contact).then().statusCode(200)
                .body("items[0].purpose", org.hamcrest.Matchers.is("Follow up after their first action"));
        Session session = Session.logIn(team);
        session.open("/settings");
        session.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        for (String path : java.util.List.of("/", "/contacts/" + contact, "/conversations/new?contact=" + contact)) {
            // the log form's page goes on to its address with a one-time key (Form.keyedPage)
            session.request().redirects().follow(true).get(path).then().statusCode(200)
                    .body(containsString("Hacer seguimiento tras su primera acción"))
                    .body(not(containsString("Follow up after their first action")));
        }
        // an organizer's own words stay as typed
        team.api().body(Map.of("contactId", contact, "dueOn", java.time.LocalDate.now().plusDays(3).toString(),
                "purpose", "Follow up after their first action, about the rent")).post("/api/v1/followups")
                .then().statusCode(201);
        session.request().get("/contacts/" + contact).then().statusCode(200)
                .body(containsString("Follow up after their first action, about the rent"));
    }

    @Test
    void anUnknownPathIsSaidInTheOrganizersLanguageNotTheBrowsers() {
        TestTeam team = TestTeam.create();
        Session session = Session.logIn(team);
        session.open("/settings");
        session.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        // a page drawn for her leaves the language in a cookie, the browser asking for English
        io.restassured.response.Response today = session.request().header("Accept-Language", "en").get("/");
        today.then().statusCode(200).body(containsString("<html lang=\"es\">"));
        String kept = today.getCookie("gw-language");
        assertTrue("es".equals(kept), "the language cookie: " + kept);
        // an unknown path and a method a path does not take are refused before the login is read: the
        // cookie's language, not the browser's (they were English)
        session.request().header("Accept-Language", "en").header("Accept", "text/html").cookie("gw-language", kept)
                .get("/no-such-page").then().statusCode(404).body(containsString("<html lang=\"es\">"));
        session.request().header("Accept-Language", "en").header("Accept", "text/html").cookie("gw-language", kept)
                .get("/followups/abc/done").then().statusCode(405).body(containsString("<html lang=\"es\">"));
        // for a visitor not logged in, anything else in the cookie is not a language: the browser's then
        given().header("Accept-Language", "en").header("Accept", "text/html").cookie("gw-language", "<x>")
                .get("/no-such-page").then().statusCode(404).body(containsString("<html lang=\"en\">"));
        // once it says so, it is not set again
        assertTrue(session.request().header("Accept-Language", "en").cookie("gw-language", "es").get("/")
                .getCookie("gw-language") == null, "set again");
    }

    /**
     * The walk of session 45: a Spanish organizer who logged out landed on an English login page (her browser asks
     * for English) that said nothing. The page nobody is logged in on takes the cookie her pages left, and says so.
     */
    @Test
    void logOutLandsOnALoginPageInTheOrganizersLanguageThatSaysIt() {
        Session session = Session.logIn(TestTeam.create());
        session.open("/settings");
        session.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        String kept = session.request().header("Accept-Language", "en").get("/").getCookie("gw-language");
        session.open("/settings");
        String landing = session.form().post("/logout").then().statusCode(303).extract().header("Location");
        assertTrue(landing.endsWith("/login?out=1"), landing);
        given().header("Accept-Language", "en").cookie("gw-language", kept).get("/login?out=1").then().statusCode(200)
                .body(containsString("<html lang=\"es\">")).body(containsString("Has cerrado la sesi\u00f3n."));
        // no cookie: the browser's language, as before
        given().header("Accept-Language", "en").get("/login?out=1").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("You are logged out."));
    }

    /**
     * An address no page has was drawn in the browser's language (or the cookie's, which only a page
     * drawn in this browser leaves): a Spanish organizer on a new browser asking for English got an
     * English 404. The login is read for it now, as for every other page; a visitor not logged in
     * keeps the browser's language.
     */
    @Test
    void aPageNotFoundIsSaidInTheOrganizersSavedLanguageWithoutTheCookie() {
        String spanish = "Aquí no hay nada, o nada que puedas ver: revisa la dirección.";
        String english = "Nothing here, or nothing you can see: check the address";
        String unknown = "/contacts/" + java.util.UUID.randomUUID();
        Session es = Session.logIn(TestTeam.create());
        es.open("/settings");
        es.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        for (String path : java.util.List.of("/no-such-page", unknown)) {
            es.request().header("Accept-Language", "en").header("Accept", "text/html").get(path).then().statusCode(404)
                    .body(containsString("<html lang=\"es\">"), containsString(spanish), not(containsString(english)));
        }
        // her saved language over an older cookie's
        es.request().header("Accept-Language", "en").header("Accept", "text/html").cookie("gw-language", "en")
                .get("/no-such-page").then().statusCode(404).body(containsString(spanish));
        Session en = Session.logIn(TestTeam.create());
        en.open("/settings");
        en.form().formParam("language", "en").post("/settings/language").then().statusCode(303);
        for (String path : java.util.List.of("/no-such-page", unknown)) {
            en.request().header("Accept-Language", "es").header("Accept", "text/html").get(path).then().statusCode(404)
                    .body(containsString("<html lang=\"en\">"), not(containsString(spanish)));
        }
        en.request().header("Accept-Language", "es").header("Accept", "text/html").get("/no-such-page").then()
                .body(containsString(english));
        // nobody logged in: the browser's
        given().header("Accept-Language", "es").header("Accept", "text/html").get("/no-such-page").then().statusCode(404)
                .body(containsString(spanish));
    }

    /**
     * The refusals answered before the app's own handling (platform/HttpLimits, on the I/O thread: an
     * address too long, which a long search under htmx sends, a body too large, headers too large, a
     * login post that cannot be read) are pages in the language of the others: the cookie's, which a
     * logged-in organizer's pages leave, else the browser's. They were English whatever was asked.
     */
    @Test
    void aRefusalBeforeTheAppsOwnHandlingIsSaidInThePagesLanguage() {
        String tooLong = "/contacts?q=" + "a".repeat(9000);
        // the browser's language, before anyone logs in
        given().header("Accept-Language", "es-ES,es;q=0.9").header("Accept", "text/html").get(tooLong)
                .then().statusCode(414).body(containsString("<html lang=\"es\">"))
                .body(containsString("La dirección es demasiado larga"));
        given().header("Accept-Language", "es").header("Accept", "text/html").header("X-Big", "b".repeat(40_000))
                .get("/login").then().statusCode(431).body(containsString("<html lang=\"es\">"));
        given().header("Accept-Language", "es").header("Accept", "text/html").contentType("application/x-www-form-urlencoded")
                .body("email=%zz&password=x").post("/login")
                .then().statusCode(400).body(containsString("<html lang=\"es\">"))
                .body(containsString("Algo en la petición no está bien"));
        // English stays English
        given().header("Accept-Language", "en").header("Accept", "text/html").get(tooLong)
                .then().statusCode(414).body(containsString("<html lang=\"en\">"));
        // a logged-in organizer's language, kept in the cookie her pages leave, over the browser's
        TestTeam team = TestTeam.create();
        Session session = Session.logIn(team);
        session.open("/settings");
        session.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        session.request().header("Accept-Language", "en").header("HX-Request", "true").cookie("gw-language", "es")
                .get(tooLong).then().statusCode(414).body(containsString("La dirección es demasiado larga"));
        session.request().header("Accept-Language", "en").header("Accept", "text/html").cookie("gw-language", "es")
                .contentType("application/x-www-form-urlencoded").body("notes=" + "n".repeat(3_000_000))
                .post("/contacts").then().statusCode(413).body(containsString("<html lang=\"es\">"));
    }

    /**
     * The reasons the app writes on the level a contact is added with ("created at an action", "imported") are
     * stored in English for the API and said in the page's language (the walk: English on a Spanish page).
     */
    @Test
    void theAppsOwnFirstLevelReasonsAreSaidInThePagesLanguage() {
        TestTeam team = TestTeam.create();
        String action = team.api().body(Map.of("title", "Asamblea", "startsAt", java.time.Instant.now().toString(),
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        String atDoor = team.api().body(java.util.List.of(Map.of("newContact", Map.of("fullName", "Inés Ramos"))))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200).extract().path("attendance[0].contactId");
        io.restassured.RestAssured.given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body("fullName\nTomás Gil\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/imports/contacts").then().log().ifValidationFails().statusCode(200);
        String imported = team.api().queryParam("q", "Tomás Gil").get("/api/v1/contacts").then().statusCode(200)
                .extract().path("items[0].id");
        String firstChange = team.api().get("/api/v1/contacts/" + atDoor + "/timeline").then().statusCode(200)
                .body("items.find { it.type == 'level-change' }.reason", org.hamcrest.Matchers.is("created at an action"))
                .extract().path("items.find { it.type == 'level-change' }.id");
        Session session = Session.logIn(team);
        session.open("/settings");
        session.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        session.request().get("/contacts/" + atDoor).then().statusCode(200)
                .body(containsString("Registrado en una acción")).body(not(containsString("created at an action")));
        session.request().get("/contacts/" + atDoor + "/level-changes/" + firstChange + "/delete").then().statusCode(200)
                .body(containsString("Registrado en una acción")).body(not(containsString("created at an action")));
        session.request().get("/contacts/" + imported).then().statusCode(200)
                .body(containsString("De un archivo importado")).body(not(containsString("<p>imported</p>")));
    }
}
