package org.groundwork.web;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two-factor login: enrolment with a QR code, the code step, recovery codes, the team's requirement, the admin's reset. */
@QuarkusTest
class TwoFactorTest {

    private static final Pattern SECRET = Pattern.compile("<code id=\"totp-secret\">([A-Z2-7]+)</code>");
    private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>");

    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    /** The code an authenticator app shows, {@code stepsAhead} 30-second steps from now. */
    static String code(String secret, int stepsAhead) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                    .generate(secret, Instant.now().getEpochSecond() / 30 + stepsAhead);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Enrolled enrol(Session s) {
        s.open("/settings/two-factor");
        String page = s.form().post("/settings/two-factor/start").then().statusCode(200).extract().asString();
        assertThat(page, containsString("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertThat(page, containsString("<path d=\"M"));
        Matcher m = SECRET.matcher(page);
        assertTrue(m.find(), "the key is shown for typing");
        String secret = m.group(1);

        String wrong = s.form().formParam("code", "12345").post("/settings/two-factor/confirm")
                .then().statusCode(400).extract().asString();
        assertThat(wrong, containsString("is not the code your app shows now"));
        assertThat(wrong, containsString(secret));
        // the message sits under the field's label, without repeating it (the walk: "Code: This is not…")
        assertThat(wrong, org.hamcrest.Matchers.not(containsString("Code: ")));
        // nothing typed is said as that, not blamed on the phone's clock
        String empty = s.form().formParam("code", "").post("/settings/two-factor/confirm")
                .then().statusCode(400).extract().asString();
        assertThat(empty, containsString("Fill this in"));
        assertThat(empty, org.hamcrest.Matchers.not(containsString("phone's clock")));

        // typed as an app shows it, with a dash, as the login's code step takes it (a walk: refused here)
        String shown = code(secret, 0);
        String done = s.form().formParam("code", shown.substring(0, 3) + "-" + shown.substring(3))
                .post("/settings/two-factor/confirm")
                .then().statusCode(200).extract().asString();
        List<String> recovery = new ArrayList<>();
        Matcher r = RECOVERY.matcher(done);
        while (r.find()) {
            recovery.add(r.group(1));
        }
        assertEquals(10, recovery.size(), "ten recovery codes, shown once");
        assertThat(done, containsString("href=\"/login/continue\"")); // on to the page first asked for
        assertEquals(10, recovery.stream().distinct().count());
        return new Enrolled(secret, recovery);
    }

    static void assertWaitsForTheCode(Session s) {
        s.request().get("/contacts").then().statusCode(303).header("Location", containsString("/login/code"));
        s.request().accept(ContentType.JSON).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
        // a door for some roles only says the same, not "Your role does not allow this" (the walk)
        s.request().get("/api/v1/exports/contacts.csv").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("second factor"));
        s.request().get("/audit").then().statusCode(303).header("Location", containsString("/login/code"));
    }

    @Test
    void enrolThenLogInWithTheAppsCode() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        Enrolled enrolled = enrol(s);
        team.api().get("/api/v1/organizers/" + team.adminId).then().body("twoFactor", is(true));
        // the session that enrolled goes on; tokens made before are not affected
        s.request().get("/contacts").then().statusCode(200);
        team.api().get("/api/v1/me").then().statusCode(200);
        // but a password alone no longer makes a token: that would skip the second factor
        io.restassured.RestAssured.given().contentType(ContentType.JSON)
                .body(java.util.Map.of("email", team.adminEmail, "password", TestTeam.PASSWORD, "name", "x"))
                .post("/api/v1/tokens").then().statusCode(403);

        Session next = Session.logIn(team);
        assertWaitsForTheCode(next);
        // an extra header beside the cookie gets no further than the cookie alone
        next.request().header("Authorization", "x").accept(ContentType.JSON).get("/api/v1/contacts")
                .then().statusCode(401);
        next.open("/login/code");
        String wrong = next.form().formParam("code", "000000").post("/login/code").then().statusCode(400)
                .extract().asString();
        assertThat(wrong, containsString("is not right"));
        assertThat(next.form().formParam("code", " ").post("/login/code").then().statusCode(400)
                .extract().asString(), containsString("Fill this in"));
        assertThat(next.form().formParam("code", " - ").post("/login/code").then().statusCode(400)
                .extract().asString(), containsString("Fill this in"));
        assertWaitsForTheCode(next);
        // the step the enrolment used is spent; the next one is what the app shows next
        // computed once: the same code, though a 30-second step may pass between the two posts
        String nextCode = code(enrolled.secret(), 1);
        next.form().formParam("code", nextCode).post("/login/code").then().statusCode(303)
                .header("Location", containsString("/"));
        next.request().get("/contacts").then().statusCode(200);
        next.request().accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200);

        // the same code does not open a third session
        Session third = Session.logIn(team);
        third.open("/login/code");
        // said as taken a moment ago, not as "not right" (a walk: a login on a second device in the same half-minute)
        third.form().formParam("code", nextCode).post("/login/code").then().statusCode(400)
                .body(containsString("was used a moment ago, and each code works once"))
                .body(org.hamcrest.Matchers.not(containsString("is not right")));
        assertWaitsForTheCode(third);
    }

    /**
     * The walk: the code page, and the set-up page a team's rule sends a login to, followed the browser's language,
     * every other page the organizer's. The password was right: both are in the organizer's language now, whatever a
     * new browser asks for.
     */
    @Test
    void theSecondFactorsPagesAreInTheOrganizersLanguage() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        enrol(s);
        s.open("/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        Session next = Session.logIn(team);
        next.request().header("Accept-Language", "en").get("/login/code").then().statusCode(200)
                .body(containsString("<html lang=\"es\">")).body(containsString("Tu código"));

        TestTeam.Member member = team.member("organizer");
        Session theirs = Session.logIn(member.email());
        theirs.open("/settings");
        theirs.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        team.api().body(Map.of("twoFactorRequired", true)).patch("/api/v1/team").then().statusCode(200);
        Session asked = Session.logIn(member.email());
        asked.request().header("Accept-Language", "en").get("/settings/two-factor").then().statusCode(200)
                .body(containsString("<html lang=\"es\">"));
    }

    /**
     * Set up in two tabs (a walk): the second start replaced the first one's secret, and the first tab's right code
     * was said to be wrong, "check the phone's clock". It is said as what happened, with the newer QR code shown.
     */
    @Test
    void aSetUpStartedAgainInAnotherTabIsSaidAsThat() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/settings/two-factor");
        String first = s.form().post("/settings/two-factor/start").then().statusCode(200).extract().asString();
        String second = s.form().post("/settings/two-factor/start").then().statusCode(200).extract().asString();
        Matcher a = SECRET.matcher(first);
        Matcher b = SECRET.matcher(second);
        assertTrue(a.find() && b.find());
        String shownFirst = setup(first);
        String shownSecond = setup(second);
        assertTrue(!shownFirst.equals(shownSecond), "each set-up is told apart");

        String replaced = s.form().formParam("setup", shownFirst).formParam("code", code(a.group(1), 0))
                .post("/settings/two-factor/confirm").then().statusCode(400).extract().asString();
        assertThat(replaced, containsString("started again since, in another tab or window"));
        assertThat(replaced, org.hamcrest.Matchers.not(containsString("phone's clock")));
        assertThat(replaced, containsString(b.group(1))); // the newer QR code and key, to scan
        assertThat(replaced, containsString("value=\"" + shownSecond + "\""));
        team.api().get("/api/v1/organizers/" + team.adminId).then().body("twoFactor", is(false));

        s.form().formParam("setup", shownSecond).formParam("code", code(b.group(1), 0))
                .post("/settings/two-factor/confirm").then().statusCode(200)
                .body(containsString("recovery-codes"));
        team.api().get("/api/v1/organizers/" + team.adminId).then().body("twoFactor", is(true));
    }

    private static String setup(String page) {
        Matcher m = Pattern.compile("name=\"setup\" value=\"([0-9a-f]+)\"").matcher(page);
        assertTrue(m.find(), "the form says which set-up it shows");
        return m.group(1);
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        TestTeam team = TestTeam.create();
        Enrolled enrolled = enrol(Session.logIn(team));
        String recovery = enrolled.recoveryCodes().get(3);

        Session phoneLost = Session.logIn(team);
        phoneLost.open("/login/code");
        phoneLost.form().formParam("code", recovery.toUpperCase()).post("/login/code").then().statusCode(303);
        phoneLost.request().get("/contacts").then().statusCode(200);
        phoneLost.request().get("/settings/two-factor").then().statusCode(200)
                .body(containsString("9 of your recovery codes are left"));

        Session again = Session.logIn(team);
        again.open("/login/code");
        again.form().formParam("code", recovery).post("/login/code").then().statusCode(400)
                .body(containsString("This recovery code was used already: each works once."));
        again.form().formParam("code", "zzzzzzzzzz").post("/login/code").then().statusCode(400)
                .body(containsString("This is not right"));
        assertWaitsForTheCode(again);
    }

    @Test
    void aTeamThatRequiresItSendsEveryoneToSetItUpFirst() {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        member.api().body(Map.of("twoFactorRequired", true)).patch("/api/v1/team").then().statusCode(403);
        team.api().body(Map.of("twoFactorRequired", true)).patch("/api/v1/team").then().statusCode(200)
                .body("twoFactorRequired", is(true));

        Session s = Session.logIn(member.email());
        s.request().get("/contacts").then().statusCode(303).header("Location", containsString("/settings/two-factor"));
        s.request().accept(ContentType.JSON).get("/api/v1/me").then().statusCode(401);
        String setUp = s.request().get("/settings/two-factor").then().statusCode(200)
                .body(containsString("Your team requires two-factor login")).extract().asString();
        // the menu is Log out alone, once: its pages would only send the login back here (the walk)
        assertFalse(setUp.contains("href=\"/contacts\"") || setUp.contains("href=\"/works\""), setUp);
        assertEquals(1, setUp.split("action=\"/logout\"", -1).length - 1, setUp);
        // an error page of that step (a GET of the set-up's POST): Log out alone too, not the two links
        String refused = s.request().accept("text/html").get("/settings/two-factor/start").then().statusCode(405)
                .extract().asString();
        assertTrue(refused.contains("action=\"/logout\"") && !refused.contains("href=\"/contacts\""), refused);
        enrol(s);
        String open = s.request().get("/contacts").then().statusCode(200).extract().asString();
        assertTrue(open.contains("href=\"/works\""), "the whole menu once set up: " + open);
        // scripts with tokens are not asked
        member.api().get("/api/v1/me").then().statusCode(200);

        // the settings page sets it too
        Session admin = Session.logIn(team);
        admin.request().get("/contacts").then().statusCode(303);
        enrol(admin);
        String settings = admin.open("/settings");
        assertThat(settings, containsString("Your team requires a code from an authenticator app"));
    }

    /**
     * A login that began while the team required two-factor login opens once the team stops requiring it, as a login
     * then would: a walk's stayed on the set-up page, every link sending it back there, until it logged out.
     */
    @Test
    void aSessionWaitingToSetItUpOpensWhenTheTeamNoLongerRequiresIt() {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        team.api().body(Map.of("twoFactorRequired", true)).patch("/api/v1/team").then().statusCode(200);
        Session s = Session.logIn(member.email());
        s.request().get("/contacts").then().statusCode(303).header("Location", containsString("/settings/two-factor"));
        team.api().body(Map.of("twoFactorRequired", false)).patch("/api/v1/team").then().statusCode(200);
        s.request().get("/contacts").then().statusCode(200);
        s.request().accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200);
        // a full session: it lasts as one does, not the few minutes a waiting one has
        s.request().accept(ContentType.JSON).get("/api/v1/sessions").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void anAdminResetsSomeonesTwoFactorLogin() {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        enrol(Session.logIn(member.email()));
        assertWaitsForTheCode(Session.logIn(member.email()));

        member.api().delete("/api/v1/organizers/" + member.id() + "/two-factor").then().statusCode(403);
        TestTeam other = TestTeam.create();
        other.api().delete("/api/v1/organizers/" + member.id() + "/two-factor").then().statusCode(404);
        assertWaitsForTheCode(Session.logIn(member.email()));

        Session admin = Session.logIn(team);
        String page = admin.open("/organizers");
        assertThat(page, containsString("/organizers/" + member.id() + "/two-factor/reset"));
        String next = admin.form().post("/organizers/" + member.id() + "/two-factor/reset").then().statusCode(303)
                .extract().header("Location");
        team.api().get("/api/v1/organizers/" + member.id()).then().body("twoFactor", is(false));
        admin.request().get(next).then().statusCode(200).body(containsString("Two-factor login reset"));

        // the same button again, from the page drawn before (another tab, a second admin): nothing was on, so
        // nothing is said as reset and the trail holds the one reset (it said two)
        String again = admin.form().post("/organizers/" + member.id() + "/two-factor/reset").then().statusCode(303)
                .extract().header("Location");
        admin.request().get(again).then().statusCode(200)
                .body(containsString("They had no two-factor login set up (already reset, or never set up); nothing changed."))
                .body(not(containsString("Two-factor login reset")));

        Session back = Session.logIn(member.email());
        back.request().get("/contacts").then().statusCode(200);
        team.api().delete("/api/v1/organizers/" + member.id() + "/two-factor").then().statusCode(204);
        given().get("/login").then().statusCode(anyOf(is(200)));
        List<Object> resets = team.api().get("/api/v1/audit?limit=200").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.kind == 'two-factor-reset' }.entityId");
        assertEquals(List.of(member.id().toString()), resets, "one reset, one event");
    }

    /** Admins pressing Reset at the same moment: each is answered, and the trail holds one reset. */
    @Test
    void resetsAtTheSameMomentMakeOneReset() throws Exception {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        enrol(Session.logIn(member.email()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> team.api().delete("/api/v1/organizers/" + member.id() + "/two-factor")
                        .then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(204, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        team.api().get("/api/v1/organizers/" + member.id()).then().body("twoFactor", is(false));
        List<Object> resets = team.api().get("/api/v1/audit?limit=200").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.kind == 'two-factor-reset' }.entityId");
        assertEquals(List.of(member.id().toString()), resets, "one reset, one event");
    }
}
