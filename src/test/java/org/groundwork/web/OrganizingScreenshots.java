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
 * Retakes the screenshots of docs/organizing.md from the demo team, logged in as Ana. Not part of
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

        page.setViewportSize(1280, 900);
        page.navigate(url("/login"));
        page.getByLabel("Email").fill(login.admin());
        page.getByLabel("Password").fill(DemoTeam.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));

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
