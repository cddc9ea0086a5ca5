package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input on the report pages: a readable message on the page, not an error page. */
@QuarkusTest
class ReportPagesTest {

    @Test
    void badPeriodsAndRefusedScopesShowAReadableMessage() {
        TestTeam team = TestTeam.create();
        Session admin = Session.logIn(team);
        for (String path : new String[]{"/reports/time", "/reports/movement"}) {
            PageFormsTest.assertFieldError(admin.request().get(path + "?period=custom&from=yesterday&to=2026-03-31"),
                    "from", "is not a date (YYYY-MM-DD)");
            PageFormsTest.assertFieldError(admin.request().get(path + "?period=custom&from=2026-03-31&to=2026-03-01"),
                    "to", "Must not be before the From date");
            admin.request().get(path + "?period=custom&from=2026-03-01&to=2026-03-31").then().statusCode(200)
                    .body(containsString("id=\"summary\""))
                    // the link line's separator once ("Time report · · who your time goes to" was twice)
                    .body(not(containsString("· ·")))
                    // the period in words, as every other date on the pages ("From 2026-03-01 to …" was ISO)
                    .body(containsString("Sun 1 Mar 2026")).body(containsString("Tue 31 Mar 2026"));
            // a period the page never offers: refused beside its box, not silently another period's report
            PageFormsTest.assertFieldError(admin.request().get(path + "?period=banana"), "period", "Choose one from the list");
            admin.request().get(path + "?period=banana").then().body(not(containsString("id=\"summary\"")));
            // a one-day period's sentence says its day the same way ("On 2026-03-10 …" was ISO)
            admin.request().get(path + "?period=custom&from=2026-03-10&to=2026-03-10").then().statusCode(200)
                    .body(containsString("On Tue 10 Mar 2026")).body(not(containsString("2026-03-10 ")));
        }

        TestTeam.Member plain = team.member("organizer");
        String cookie = given().redirects().follow(false)
                .formParam("email", plain.email()).formParam("password", TestTeam.PASSWORD)
                .post("/login").getCookie("quarkus-credential");
        assertNotNull(cookie);
        for (String path : new String[]{"/reports/time", "/reports/movement"}) {
            Response page = given().redirects().follow(false).cookie("quarkus-credential", cookie)
                    .get(path + "?organizer=all");
            page.then().statusCode(403)
                    .body(containsString("role=\"alert\">Only coordinators and admins see the whole team"))
                    .body(containsString("id=\"f-period\""));
        }
    }

    /** A work's verdict names the level's people as a sentence does ("más tiempo con cuadro" was the level's heading word). */
    @Test
    void theVerdictNamesTheLevelsPeople() {
        TestTeam team = TestTeam.create();
        String at = Instant.now().minus(2, ChronoUnit.HOURS).toString();
        String[][] works = {{"Cadre school", "work-with-cadre", "cadre"}, {"Door knocking", "bring-in-new", "less-involved"},
                {"Depot drive", "deepen-involvement", "new"}};
        for (String[] w : works) {
            String work = team.api().body(Map.of("name", w[0], "focus", w[1])).post("/api/v1/works")
                    .then().statusCode(201).extract().path("id");
            String contact = team.api().body(Map.of("fullName", "Someone " + w[2], "engagementLevel", w[2]))
                    .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            team.api().body(Map.of("contactId", contact, "workId", work, "durationMinutes", 30, "occurredAt", at))
                    .post("/api/v1/conversations").then().statusCode(201);
        }
        String english = Session.logIn(team).request().get("/reports/time?period=30").then().statusCode(200).extract().asString();
        assertTrue(english.contains("Matches its focus (most time with cadre)"), english);
        assertTrue(english.contains("Does not match its focus (most time with less-involved people)"), english);
        assertTrue(english.contains("Does not match its focus (most time with new people)"), english);

        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        String spanish = Session.logIn(team).request().get("/reports/time?period=30").then().statusCode(200).extract().asString();
        assertTrue(spanish.contains("Coincide con su enfoque (más tiempo con cuadros)"), spanish);
        assertTrue(spanish.contains("No coincide con su enfoque (más tiempo con gente menos implicada)"), spanish);
        assertTrue(spanish.contains("No coincide con su enfoque (más tiempo con gente nueva)"), spanish);
        // the team's sentence: "el tiempo de el trabajo del equipo" read wrong ("de el" is "del")
        String team90 = Session.logIn(team).request().get("/reports/time?period=30&organizer=all").then().statusCode(200)
                .extract().asString();
        // (30 minutes with each level: evenly, not "sobre todo", since session 64's walk)
        assertTrue(team90.contains("en el trabajo del equipo (para los organizadores del equipo) el tiempo se repartió por igual"),
                team90);
        assertTrue(!team90.contains(" de el "), team90);
    }
}
