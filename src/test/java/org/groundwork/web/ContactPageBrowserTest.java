package org.groundwork.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.Media;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue 12, friction 2 and 8: the contact page shows what the conversations said and who had
 * them for which work; it follows the system's dark mode and prints without the controls.
 */
@QuarkusTest
class ContactPageBrowserTest extends BrowserTest {

    static String person(TestTeam team) {
        String work = team.api().body(Map.of("name", "Depot drive", "focus", "bring-in-new"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        team.api().body(Map.of("contactId", id, "workId", work, "durationMinutes", 40, "channel", "house-visit",
                        "summary", "Long talk in her kitchen", "issues", "The broken heating, and her rent",
                        "commitments", "Bring two neighbours to Thursday's meeting"))
                .post("/api/v1/conversations").then().statusCode(201);
        return id;
    }

    @Test
    void theTimelineSaysWhoTalkedForWhichWorkAndWhatWasSaid() {
        TestTeam team = TestTeam.create();
        String id = person(team);
        logIn(team);
        page.navigate(url("/contacts/" + id));
        Locator talk = page.locator("#timeline-list li.conversation").first();
        assertThat(talk).containsText("With Admin " + team.adminEmail);
        assertThat(talk).containsText("for Depot drive");
        assertThat(talk.locator("dt").nth(0)).hasText("What they care about");
        assertThat(talk.locator("dd").nth(0)).hasText("The broken heating, and her rent");
        assertThat(talk.locator("dt").nth(1)).hasText("What they committed to");
        assertThat(talk.locator("dd").nth(1)).hasText("Bring two neighbours to Thursday's meeting");
        team.api().get("/api/v1/contacts/" + id + "/timeline").then().statusCode(200)
                .body("items[0].workName", org.hamcrest.Matchers.is("Depot drive"))
                .body("items[0].commitments", org.hamcrest.Matchers.is("Bring two neighbours to Thursday's meeting"));
    }

    /** The other person of a tie is searched in the whole team: the matches come as one types (htmx). */
    @Test
    void theOtherPersonOfATieIsFoundAsOneTypes() {
        TestTeam team = TestTeam.create();
        String id = person(team);
        String hospital = team.organization("General Hospital", "workplace");
        PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Nurse", "organizationId", hospital));
        logIn(team);
        page.navigate(url("/contacts/" + id));
        page.getByLabel("Find the other person in the team: name, phone or email").fill("nurse");
        Locator rosa = page.getByLabel("Rosa Nurse");
        rosa.check();
        // drawn in place: no new page was asked for
        assertEquals(url("/contacts/" + id), page.url());
        page.getByLabel("Tie", new Page.GetByLabelOptions().setExact(true)).selectOption("listens-to");
        List<String> bad = axe(page).getViolations()
                .stream().map(v -> v.getId() + ": " + v.getHelp()).toList();
        assertEquals(List.of(), bad, "the contact page with a tie search's matches");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Add tie")).click();
        assertThat(page.locator("#tie-list")).containsText("Listens to Rosa Nurse");
    }

    @Test
    void darkModeFollowsTheSystemAndStaysReadable() {
        TestTeam team = TestTeam.create();
        String id = person(team);
        logIn(team);
        // the wall chart's column figures are level words in the level's colour (1.6-2.3:1 on dark until fixed)
        String org = team.organization("Depot", "workplace");
        for (String level : List.of("new", "less-involved", "cadre")) {
            team.api().body(java.util.Map.of("fullName", "Chart " + level, "organizationId", org, "engagementLevel", level))
                    .post("/api/v1/contacts").then().statusCode(201);
        }
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        for (String path : List.of("/", "/contacts/" + id, "/reports/time", "/organizations/" + org + "/chart")) {
            for (int width : new int[]{375, 1280}) {
                page.setViewportSize(width, 800);
                page.navigate(url(path));
                Object background = page.evaluate("() => getComputedStyle(document.body).backgroundColor");
                assertEquals("rgb(20, 23, 27)", background, path + " is dark");
                List<String> bad = axe(page).getViolations()
                        .stream().map(v -> v.getId() + ": " + v.getHelp()).toList();
                assertEquals(List.of(), bad, path + " at " + width + " px in dark mode");
            }
        }
    }

    @Test
    void aContactPageAndAReportPrintWithoutTheControls() {
        TestTeam team = TestTeam.create();
        String id = person(team);
        logIn(team);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        page.navigate(url("/contacts/" + id));
        assertThat(page.locator("header.top nav")).isHidden();
        assertThat(page.locator("main form").first()).isHidden();
        assertThat(page.locator("#level")).isHidden();
        assertThat(page.locator("#timeline-list")).isVisible();
        assertThat(page.locator("h1")).hasText("Lucy Parsons");
        page.navigate(url("/reports/time"));
        assertThat(page.locator("header.top nav")).isHidden();
        assertThat(page.locator("#summary")).isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        assertNotEquals(false, page.locator("header.top nav").isVisible());
    }
}
