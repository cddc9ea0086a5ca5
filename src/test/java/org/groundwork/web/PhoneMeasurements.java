package org.groundwork.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.demo.DemoTeam;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures what issue 12's friction 5 is about, on the demo team logged in as its admin: the
 * header's height, the contacts list's page height and the controls shown per Today item, at
 * 375 px and 1280 px. Not part of the default run:
 * {@code ./mvnw -B test -Dtest=PhoneMeasurements -Dmeasure=true}; the figures are printed, and README's
 * Today screenshots (docs/screenshots/today.png, today-phone.png) are retaken.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "measure", matches = "true")
class PhoneMeasurements extends BrowserTest {

    @Inject
    DemoTeam demo;

    @Test
    void measure() {
        TestTeam.setup();
        DemoTeam.Credentials login = demo.seed("demo-" + TestTeam.unique() + ".test", false);
        page.navigate(url("/login"));
        page.getByLabel("Email").fill(login.admin());
        page.getByLabel("Password").fill(DemoTeam.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
        StringBuilder out = new StringBuilder("\nPHONE MEASUREMENTS (demo team, admin)\n");
        for (int width : new int[]{375, 1280}) {
            page.setViewportSize(width, 800);
            page.navigate(url("/"));
            Object header = page.evaluate("() => Math.round(document.querySelector('header.top').getBoundingClientRect().height)");
            Object controls = page.evaluate("""
                    () => [...document.querySelectorAll('ul.items > li')].map(li =>
                        [...li.querySelectorAll('a, button, input, select, summary')]
                          .filter(e => e.checkVisibility() && !e.closest('.skip')).length)""");
            Object todayHeight = page.evaluate("() => document.documentElement.scrollHeight");
            page.navigate(url("/contacts"));
            Object contactsHeight = page.evaluate("() => document.documentElement.scrollHeight");
            Object rows = page.evaluate("() => document.querySelectorAll('#results tbody tr').length");
            out.append(width).append(" px: header ").append(header).append(" px; Today page ").append(todayHeight)
                    .append(" px; controls per Today item ").append(controls).append("; contacts page ")
                    .append(contactsHeight).append(" px with ").append(rows).append(" rows\n");
        }
        System.out.println(out);

        // README's Today screenshots: the page at 1100 px, and the top of it on a phone
        page.setViewportSize(1100, 900);
        page.navigate(url("/"));
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("docs", "screenshots", "today.png"))
                .setFullPage(true));
        page.setViewportSize(375, 800);
        page.navigate(url("/"));
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("docs", "screenshots", "today-phone.png")));
    }
}
