package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Login sessions live on the server: logging out, "log out everywhere", a new password and disabling end them. */
@QuarkusTest
class SessionsTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0 Mobile Safari/537.36";

    /** A page with the cookie opens; an ended session is sent to the login page (pages) or 401 (API). */
    static void assertLive(Session s) {
        s.request().get("/contacts").then().statusCode(200);
        s.request().accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200);
    }

    static void assertEnded(Session s) {
        s.request().get("/contacts").then().statusCode(anyOf(is(302), is(303)))
                .header("Location", containsString("/login"));
        s.request().accept(ContentType.JSON).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aReplayedCookieDoesNotOpenPagesAfterLogout() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        assertLive(s);
        s.open("/contacts");
        s.form().post("/logout").then().statusCode(303).header("Location", containsString("/login"));
        // the browser forgot the cookie; a copy of it must be worth nothing now
        assertEnded(s);
    }

    @Test
    void aSpanishOrganizersDevicesAreSaidInSpanishAndTheApiKeepsTheStoredWords() {
        TestTeam team = TestTeam.create();
        team.api().body(java.util.Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        Session laptop = Session.logIn(team.adminEmail, TestTeam.PASSWORD, FIREFOX);
        Session.logIn(team.adminEmail, TestTeam.PASSWORD, "Mozilla/5.0 (X11; Linux x86_64) SomeNewBrowser/1.0");
        Session.logIn(team.adminEmail, TestTeam.PASSWORD, "");

        laptop.request().accept(ContentType.JSON).get("/api/v1/sessions").then().statusCode(200)
                .body("items.device", containsInAnyOrder("Firefox on Linux", "Browser on Linux", "Unknown device"));
        String page = laptop.open("/settings");
        org.hamcrest.MatcherAssert.assertThat(page, containsString("Firefox en Linux</strong> <em>(este dispositivo)</em>"));
        org.hamcrest.MatcherAssert.assertThat(page, containsString("Un navegador en Linux"));
        org.hamcrest.MatcherAssert.assertThat(page, containsString("Dispositivo desconocido"));
        org.hamcrest.MatcherAssert.assertThat(page, not(containsString(" on Linux")));
    }

    @Test
    void theSettingsPageListsOnesSessionsAndLogsOutEverywhere() {
        TestTeam team = TestTeam.create();
        Session laptop = Session.logIn(team.adminEmail, TestTeam.PASSWORD, FIREFOX);
        Session phone = Session.logIn(team.adminEmail, TestTeam.PASSWORD, PHONE);
        TestTeam.Member other = team.member("organizer");
        Session someoneElse = Session.logIn(other.email());

        laptop.request().accept(ContentType.JSON).get("/api/v1/sessions").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.device", containsInAnyOrder("Firefox on Linux", "Chrome on Android"))
                .body("items.find { it.current }.device", is("Firefox on Linux"));
        String page = laptop.open("/settings");
        org.hamcrest.MatcherAssert.assertThat(page, containsString("Firefox on Linux</strong> <em>(this device)</em>"));
        org.hamcrest.MatcherAssert.assertThat(page, containsString("Chrome on Android"));
        org.hamcrest.MatcherAssert.assertThat(page, containsString("Log out everywhere"));
        // tokens are not sessions
        team.api().get("/api/v1/sessions").then().statusCode(200).body("items", hasSize(2))
                .body("items.current", not(org.hamcrest.Matchers.hasItem(true)));

        laptop.form().post("/settings/sessions/end-all").then().statusCode(303)
                .header("Location", containsString("/login"));
        assertEnded(laptop);
        assertEnded(phone);
        // audited with how many ended
        team.api().queryParam("organizer", team.adminId).get("/api/v1/audit").then().statusCode(200)
                .body("items.find { it.kind == 'revoked' && it.entityType == 'session' }.count", is(2));
        assertLive(someoneElse);
        team.api().get("/api/v1/sessions").then().statusCode(200).body("items", hasSize(0));
        given().get("/login?ended=1").then().body(containsString("You are logged out everywhere"));
    }

    /**
     * A form sent after the session ended (logged out everywhere from another device, eight idle hours)
     * landed on a bare login page and then on Today: what was typed was lost without a word.
     */
    @Test
    void aFormSentAfterTheSessionEndedSaysItWasNotSaved() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(java.util.Map.of("fullName", "Unsaved Talk")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        Session laptop = Session.logIn(team.adminEmail, TestTeam.PASSWORD, FIREFOX);
        Session phone = Session.logIn(team.adminEmail, TestTeam.PASSWORD, PHONE);
        phone.open("/conversations/new?contact=" + contact);
        laptop.open("/settings");
        laptop.form().post("/settings/sessions/end-all").then().statusCode(303);

        String login = phone.form().formParam("contactId", contact).formParam("durationMinutes", "20")
                .formParam("channel", "phone").formParam("summary", "talked about the rent strike")
                .formParam(Form.KEY, phone.key).post("/conversations").then().statusCode(303).extract().header("Location");
        org.hamcrest.MatcherAssert.assertThat(login, org.hamcrest.Matchers.endsWith("/login?unsaved=1"));
        given().header("Accept-Language", "es").get(login).then().statusCode(200)
                .body(containsString("Tu sesión había terminado, así que lo que acabas de enviar no se guardó"));
        given().get(login).then().body(containsString("You were logged out, so what you just sent was not saved"));
        team.api().get("/api/v1/conversations?contact=" + contact).then().body("items", hasSize(0));
        // a page only opened after the session ended lost nothing: the plain login page
        phone.request().get("/contacts").then().statusCode(303).header("Location",
                org.hamcrest.Matchers.not(containsString("unsaved")));
    }

    @Test
    void oneSessionCanBeLoggedOutFromAnother() {
        TestTeam team = TestTeam.create();
        Session laptop = Session.logIn(team.adminEmail, TestTeam.PASSWORD, FIREFOX);
        Session phone = Session.logIn(team.adminEmail, TestTeam.PASSWORD, PHONE);
        String phoneId = phone.request().accept(ContentType.JSON).get("/api/v1/sessions").then()
                .extract().path("items.find { it.current }.id");

        laptop.open("/settings");
        String back = laptop.form().post("/settings/sessions/" + phoneId + "/end").then().statusCode(303)
                .header("Location", containsString("/settings")).extract().header("Location");
        assertEnded(phone);
        assertLive(laptop);
        // audited as a token's revocation is (a walk: a stolen session could end its owner's others without a trace)
        team.api().queryParam("organizer", team.adminId).get("/api/v1/audit").then().statusCode(200)
                .body("items.find { it.kind == 'revoked' && it.entityType == 'session' }.entityId", is(phoneId));
        // the walk: it was done without a word; so was a token revoked
        laptop.request().get(back).then().statusCode(200).body(containsString("That device is logged out"));
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("email", team.adminEmail, "password", TestTeam.PASSWORD, "name", "script"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("id");
        laptop.open("/settings");
        String revoked = laptop.form().post("/settings/tokens/" + token + "/revoke").then().statusCode(303)
                .extract().header("Location");
        laptop.request().get(revoked).then().statusCode(200).body(containsString("The token is revoked"));
        // a second tab's revoke of the same token: what it asked for is so, said as that (it said "This was deleted
        // meanwhile … nothing was saved", which read as a failure: a walk)
        String again = laptop.form().post("/settings/tokens/" + token + "/revoke").then().statusCode(303)
                .header("Location", containsString("saved=token-gone")).extract().header("Location");
        laptop.request().get(again).then().statusCode(200).body(containsString("That token was revoked already"));
        again = laptop.form().post("/settings/sessions/" + phoneId + "/end").then().statusCode(303)
                .header("Location", containsString("saved=session-gone")).extract().header("Location");
        laptop.request().get(again).then().statusCode(200).body(containsString("That device was logged out already"));
        // the API's DELETE: still the 404 of an id that names none, saying why
        team.api().delete("/api/v1/sessions/" + phoneId).then().statusCode(404)
                .body("detail", is("This session of yours was logged out already"));
        team.api().delete("/api/v1/tokens/" + token).then().statusCode(404)
                .body("detail", is("This token of yours was revoked already"));

        // another team's session id is unknown here, on the page and in the API
        TestTeam other = TestTeam.create();
        Session theirs = Session.logIn(other);
        String theirId = theirs.request().accept(ContentType.JSON).get("/api/v1/sessions").then()
                .extract().path("items[0].id");
        laptop.open("/settings");
        laptop.form().post("/settings/sessions/" + theirId + "/end").then().statusCode(404);
        team.api().delete("/api/v1/sessions/" + theirId).then().statusCode(404).contentType("application/problem+json");
        team.api().delete("/api/v1/sessions/not-an-id").then().statusCode(404);
        assertLive(theirs);
        other.api().delete("/api/v1/sessions/" + theirId).then().statusCode(204);
        assertEnded(theirs);
    }

    @Test
    void aNewPasswordEndsEverySessionAndToken() {
        TestTeam team = TestTeam.create();
        Session laptop = Session.logIn(team.adminEmail, TestTeam.PASSWORD, FIREFOX);
        Session phone = Session.logIn(team.adminEmail, TestTeam.PASSWORD, PHONE);
        String token = TestTeam.tokenFor(team.adminEmail);

        laptop.open("/settings");
        String wrong = laptop.form().formParam("currentPassword", "not my password")
                .formParam("newPassword", "a brand new password").post("/settings/password")
                .then().statusCode(400).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(wrong, containsString("is not your current password"));
        assertLive(phone);

        laptop.form().formParam("currentPassword", TestTeam.PASSWORD)
                .formParam("newPassword", "a brand new password").post("/settings/password")
                .then().statusCode(303).header("Location", containsString("/login?changed"));
        assertEnded(laptop);
        assertEnded(phone);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        team.api().get("/api/v1/me").then().statusCode(401);

        given().contentType(ContentType.JSON).body(Map.of("email", team.adminEmail, "password", TestTeam.PASSWORD, "name", "x"))
                .post("/api/v1/tokens").then().statusCode(401);
        Session again = Session.logIn(team.adminEmail, "a brand new password", FIREFOX);
        assertLive(again);
    }

    /**
     * A password change moves the account's version on, so an admin's save of the account read before it is stale
     * (412), not a write of the old hash back over the new one (the review: the change was a bulk update that left
     * the version, and a whole-row save restored the old password).
     */
    @Test
    void aPasswordChangeMovesTheAccountsVersionOn() {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        String etag = team.api().get("/api/v1/organizers/" + member.id()).then().statusCode(200).extract().header("ETag");
        member.api().body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", "a newer solidarity"))
                .post("/api/v1/me/password").then().statusCode(204);
        team.api().header("If-Match", etag).body(Map.of("displayName", "Renamed Meanwhile"))
                .patch("/api/v1/organizers/" + member.id()).then().statusCode(412);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.46.1.1")
                .body(Map.of("email", member.email(), "password", "a newer solidarity", "name", "after"))
                .post("/api/v1/tokens").then().statusCode(201);
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /**
     * A token made from a browser's session while the password is changed elsewhere: the change ends the session,
     * and the token asked for in that moment is refused, not made after the end to outlive it (the review). The
     * account's row is held here until the request waits for it, then changed as a password change does.
     */
    @Test
    void aTokenAskedForFromASessionAsThePasswordChangesIsRefused() throws Exception {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/settings");
        java.util.concurrent.CompletableFuture<io.restassured.response.Response> asked;
        try (java.sql.Connection holding = org.groundwork.support.AllTeams.connection(dataSource)) {
            holding.setAutoCommit(false);
            org.groundwork.support.HeldLocks.execute(holding, "select 1 from organizer where id = ? for update", team.adminId);
            asked = java.util.concurrent.CompletableFuture.supplyAsync(() -> s.request().header("X-CSRF-TOKEN", s.csrfToken)
                    .contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("name", "in the gap"))
                    .post("/api/v1/tokens"));
            org.groundwork.support.HeldLocks.waitUntilBlocked(dataSource, holding, asked);
            org.groundwork.support.HeldLocks.execute(holding,
                    "update login_session set revoked_at = now() where organizer_id = ? and revoked_at is null", team.adminId);
            holding.commit();
        }
        assertEquals(401, asked.join().statusCode(), asked.join().asString());
        assertEquals(List.of("0"), org.groundwork.support.AllTeams.rows(dataSource,
                "select count(*) from api_token where organizer_id = ?1 and name = 'in the gap'", team.adminId));
    }

    @Test
    void theApiChangesThePasswordToo() {
        TestTeam team = TestTeam.create();
        Session laptop = Session.logIn(team);
        team.api().body(Map.of("currentPassword", "wrong one", "newPassword", "another new password"))
                .post("/api/v1/me/password").then().statusCode(400).body("errors[0].field", is("currentPassword"));
        team.api().body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", "short"))
                .post("/api/v1/me/password").then().statusCode(400).body("errors[0].field", is("newPassword"));
        // empty: too short, not "one of the passwords tried first"; an empty current password is a box left
        // empty, not a wrong password (which counts as a failed login) (the walk)
        team.api().body(Map.of("currentPassword", "", "newPassword", ""))
                .post("/api/v1/me/password").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("currentPassword", "newPassword"))
                .body("errors.message", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(containsString("tried first"))))
                .body("errors.message", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(containsString("current password"))));
        // too long, even one character repeated: said as too long, its one message (it was "tried first": a walk)
        team.api().body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", "x".repeat(300)))
                .post("/api/v1/me/password").then().statusCode(400).body("errors", hasSize(1))
                .body("errors[0].field", is("newPassword")).body("errors[0].message", containsString("200"));
        // long enough but among the first an attacker tries (the walk set "password")
        for (String guessable : List.of("password", "Password1!", "12345678", "87654321", "qwertyuiop", "aaaaaaaaaa",
                "abababab", "iloveyou2024", "Qwerty123!", "dragon12", "monkey12345", "zxcvbnm123", "abcabcabc")) {
            team.api().body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", guessable))
                    .post("/api/v1/me/password").then().statusCode(400).body("errors[0].field", is("newPassword"))
                    .body("errors[0].message", containsString("tried first"));
        }
        assertLive(laptop);
        laptop.open("/settings");
        String page = laptop.form().formParam("currentPassword", TestTeam.PASSWORD).formParam("newPassword", "password")
                .post("/settings/password").then().statusCode(400).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(page, containsString("This is one of the passwords tried first"));
        assertLive(laptop);
        // the password one has, "changed" to itself: said, and nothing ends (the walk took it for a change)
        team.api().body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", TestTeam.PASSWORD))
                .post("/api/v1/me/password").then().statusCode(400).body("errors[0].field", is("newPassword"))
                .body("errors[0].message", containsString("the password you have now"));
        laptop.open("/settings");
        String same = laptop.form().formParam("currentPassword", TestTeam.PASSWORD).formParam("newPassword", TestTeam.PASSWORD)
                .post("/settings/password").then().statusCode(400).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(same, containsString("This is the password you have now"));
        assertLive(laptop);
        team.api().body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", "another new password"))
                .post("/api/v1/me/password").then().statusCode(204);
        assertEnded(laptop);
        team.api().get("/api/v1/me").then().statusCode(401);
    }

    /**
     * The probe: bcrypt reads 72 bytes and no more, so a long passphrase was as good as its first 72
     * bytes, and anything after them logged in too. The whole of it counts now.
     */
    @Test
    void everyCharacterOfALongPasswordCounts() {
        TestTeam team = TestTeam.create();
        String start = "the rent strike starts on monday at the laundry room of building seven!!"; // 72 bytes
        org.junit.jupiter.api.Assertions.assertEquals(72, start.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        team.api().body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", start + " bring the neighbours"))
                .post("/api/v1/me/password").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("email", team.adminEmail, "password", start + " and something else",
                "name", "x")).post("/api/v1/tokens").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", team.adminEmail, "password", start, "name", "x"))
                .post("/api/v1/tokens").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", team.adminEmail, "password", start + " bring the neighbours",
                "name", "x")).post("/api/v1/tokens").then().statusCode(201);
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeLogins() {
        TestTeam team = TestTeam.create();
        String address = "10.78.0." + (1 + Math.abs(TestTeam.unique().hashCode()) % 250);
        for (int i = 0; i < 5; i++) {
            team.api().header("X-Forwarded-For", address)
                    .body(Map.of("currentPassword", "guess " + i, "newPassword", "taken over now"))
                    .post("/api/v1/me/password").then().statusCode(400);
        }
        team.api().header("X-Forwarded-For", address)
                .body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", "taken over now"))
                .post("/api/v1/me/password").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        team.api().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void disablingAnOrganizerEndsTheirSessionsAndTokensAtOnce() {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        Session theirs = Session.logIn(member.email());
        assertLive(theirs);

        // only an admin disables, and not themself
        member.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + team.adminId).then().statusCode(403);
        team.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + team.adminId).then().statusCode(409);
        team.api().body(Map.of("active", "no")).patch("/api/v1/organizers/" + member.id()).then().statusCode(400)
                .body("errors[0].field", is("active"));

        team.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + member.id()).then().statusCode(200)
                .body("active", is(false));
        assertEnded(theirs);
        member.api().get("/api/v1/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", member.email(), "password", TestTeam.PASSWORD, "name", "x"))
                .post("/api/v1/tokens").then().statusCode(401);
        given().redirects().follow(false).formParam("email", member.email()).formParam("password", TestTeam.PASSWORD)
                .post("/login").then().header("Location", containsString("/login?error"));

        team.api().body(Map.of("active", true)).patch("/api/v1/organizers/" + member.id()).then().statusCode(200)
                .body("active", is(true));
        Session back = Session.logIn(member.email());
        assertLive(back);

        // the same from the organizers page
        Session admin = Session.logIn(team);
        admin.open("/organizers");
        // the button's word is exactly true or false: anything else disabled the account (the probe); now a 400 that
        // leaves it as it is
        for (String odd : new String[] {"TRUE", "yes", "1", "\u0000", ""}) {
            admin.form().formParam("active", odd).post("/organizers/" + member.id() + "/active").then().statusCode(400);
        }
        admin.form().post("/organizers/" + member.id() + "/active").then().statusCode(400);
        assertLive(back);
        String next = admin.form().formParam("active", "false").post("/organizers/" + member.id() + "/active")
                .then().statusCode(303).extract().header("Location");
        assertEnded(back);
        admin.request().get(next).then().statusCode(200)
                .body(containsString("Account disabled: its sessions and API tokens have ended."));
        org.hamcrest.MatcherAssert.assertThat(admin.open("/organizers"), containsString("<strong>Disabled</strong>"));
        // an admin cannot lock themself out
        String self = admin.form().formParam("active", "false").post("/organizers/" + team.adminId + "/active")
                .then().statusCode(409).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(self, containsString("You cannot disable your own account"));
        assertLive(admin);
    }

    @Test
    void loggingInStillWorksAndTheCookieNamesNoOrganizer() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.request().accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200)
                .body("organizer.id", is(team.adminId)).body("team.id", is(team.teamId));
        // a session may still make a token without the password, with the page's security token as any write
        s.open("/");
        s.request().header("X-CSRF-TOKEN", s.csrfToken).contentType(ContentType.JSON)
                .body(Map.of("name", "from the browser")).post("/api/v1/tokens")
                .then().statusCode(201).body("token", startsWith("gw_"));
    }
}
