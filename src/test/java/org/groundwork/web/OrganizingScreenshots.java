package org.groundwork.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.groundwork.demo.DemoTeam;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Retakes the screenshots of docs/organizing.md and README's contact page, time report and import check
 * from the demo team, logged in as Ana (README's Today ones: {@link PhoneMeasurements}). Not part of
 * the default run: {@code ./mvnw -B test -Dtest=OrganizingScreenshots -Dscreenshots=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class OrganizingScreenshots extends BrowserTest {

    @Inject
    DemoTeam demo;

    @Test
    void takeThem() {
        TestTeam.setup();
        String domain = "demo-" + TestTeam.unique() + ".test";
        DemoTeam.Credentials login = demo.seed(domain, false);
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("email", login.admin(), "password", DemoTeam.PASSWORD, "name", "screenshots"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        var orgs = given().auth().oauth2(token).get("/api/v1/organizations").then().extract().jsonPath();
        String river = orgs.getString("items.find { it.name == '1400 River Street' }.id");

        page.navigate(url("/login"));
        page.getByLabel("Email").fill(login.admin());
        page.getByLabel("Password").fill(DemoTeam.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));

        // README's: a contact's page, the time report (the team, last 90 days), an import's check
        page.setViewportSize(1100, 1500);
        var maria = given().auth().oauth2(token).queryParam("q", "Maria").get("/api/v1/contacts").then().extract()
                .jsonPath();
        shot("/contacts/" + maria.getString("items[0].id"), "contact.png", false);
        shot("/reports/time?period=90&organizer=all", "time-report.png", false);
        page.navigate(url("/contacts/import"));
        String known = maria.getString("items[0].phone");
        String file = "Name,Phone,E-mail,Building,Level,Tags,Unit\n"
                + "Maria Santos,(718) 555-0199,maria@example.org,Maple Court,new,\"tenant, maple\",4B\n"
                + "Kwame Mensah,718-555-0142,,Maple Court,cadre,tenant,2A\n"
                + "Lin Zhou,,lin@example.org,Maple Court,boss,,7C\n"
                + maria.getString("items[0].fullName") + "," + (known == null ? "" : known) + ",,,,,\n";
        page.setInputFiles("#f-file", new com.microsoft.playwright.options.FilePayload("tenants.csv", "text/csv",
                file.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Check the file").setExact(true)).click();
        page.waitForURL(u -> u.matches(".*/contacts/import/[0-9a-f-]{36}.*"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "screenshots", "import-check.png")));

        page.setViewportSize(1280, 900);
        shot("/organizations", "organizations.png", false);
        shot("/organizations/" + river + "/chart", "wall-chart.png", false);
        shot("/organizations/" + river + "/leaders", "leaders.png", false);
        // on a phone: the chart's first sections, where the columns became sections
        page.setViewportSize(375, 800);
        page.navigate(url("/organizations/" + river + "/chart"));
        page.locator("section.chart-column").first().evaluate("e => e.scrollIntoView()");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "screenshots", "wall-chart-phone.png")));
    }

    private void shot(String path, String file, boolean full) {
        page.navigate(url(path));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "screenshots", file)).setFullPage(full));
    }
}
