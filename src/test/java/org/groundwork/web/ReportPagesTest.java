package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
            // a period the page never offers, without dates: the default period, not "enter a date"
            admin.request().get(path + "?period=abc").then().statusCode(200)
                    .body(containsString("id=\"summary\"")).body(not(containsString("Enter a date like")));
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
}
