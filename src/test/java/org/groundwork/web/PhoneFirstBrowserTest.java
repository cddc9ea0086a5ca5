package org.groundwork.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, friction 5 (and 7's lines on Today), in Chromium at a phone's 375 px and a desktop's
 * 1280 px: the navigation in one row with the rest folded, Today items with one main action, the
 * contacts list in pages of 20 with "More contacts"; axe-core finds no violation of any impact.
 */
@QuarkusTest
class PhoneFirstBrowserTest extends BrowserTest {

    static final List<String> DAILY = List.of("Today", "Contacts", "Actions");
    static final List<String> FOLDED = List.of("Works", "Organizations", "Reports", "Organizers", "Settings");

    @Test
    void theNavigationIsOneRowOnAPhoneWithTheRestFoldedAndWholeOnADesktop() {
        TestTeam team = TestTeam.create();
        logIn(team);
        page.navigate(url("/"));
        // was three rows (173 px) on a phone
        double header = height("header.top");
        assertTrue(header <= 50, "the header is one row on a phone: " + header + " px");
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        for (String name : DAILY) {
            assertThat(link(nav, name)).isVisible();
        }
        for (String name : FOLDED) {
            assertThat(link(nav, name)).isHidden();
        }
        assertNoViolations("/ at 375 px");

        Locator more = nav.locator("summary");
        assertThat(more).isVisible();
        more.click();
        for (String name : FOLDED) {
            assertThat(link(nav, name)).isVisible();
        }
        assertThat(nav.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log out"))).isVisible();
        assertTrue(fitsWidth(), "the open menu fits a phone's width");
        assertNoViolations("/ at 375 px, menu open");
        link(nav, "Reports").click();
        page.waitForURL(u -> u.contains("/reports/time"));

        // a desktop keeps the whole navigation in one row, with nothing folded
        page.setViewportSize(1280, 800);
        page.navigate(url("/contacts"));
        assertThat(more).isHidden();
        double top = -1;
        for (String name : concat(DAILY, FOLDED)) {
            Locator l = link(nav, name);
            assertThat(l).isVisible();
            double y = l.boundingBox().y;
            assertTrue(top < 0 || Math.abs(y - top) < 1, name + " is in the same row");
            top = y;
        }
        assertThat(link(nav, "Contacts")).hasAttribute("aria-current", "page");
        assertTrue(height("header.top") <= 50, "one row at 1280 px");
        assertNoViolations("/contacts at 1280 px");
    }

    @Test
    void todayItemsShowOneMainActionWithTheRestFolded() {
        TestTeam team = TestTeam.create();
        String ella = PagesBrowserTest.contact(team, Map.of("fullName", "Ella Baker", "phone", "+1 555 0199"));
        team.api().body(Map.of("contactId", ella, "dueOn", LocalDate.now(ZoneOffset.UTC).toString(),
                "purpose", "Bring her to the building meeting")).post("/api/v1/followups").then().statusCode(201);
        logIn(team);
        Locator item = page.locator("#today-list > li");
        assertThat(item).hasCount(1);
        // was seven: name, phone, log, done, drop, date, reschedule
        assertEquals(4, visibleControls(item), "name, phone, Log conversation and More");
        assertThat(item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Log conversation with Ella Baker")))
                .isVisible();
        assertThat(item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done"))).isHidden();
        assertThat(page.locator("#week-lines > li")).hasCount(4);
        assertTrue(fitsWidth(), "Today fits a phone's width");
        assertNoViolations("/ at 375 px");

        item.locator("summary").click();
        assertThat(item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Drop"))).isVisible();
        assertThat(item.getByLabel("New date")).isVisible();
        assertNoViolations("/ at 375 px, an item's More open");
        page.setViewportSize(1280, 800);
        assertNoViolations("/ at 1280 px, an item's More open");
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
        page.waitForURL(u -> u.endsWith("/"));
        assertThat(page.locator("#today-list > li")).hasCount(0);
        team.api().get("/api/v1/followups?status=done&contact=" + ella).then().statusCode(200)
                .body("items.purpose", org.hamcrest.Matchers.contains("Bring her to the building meeting"));
    }

    @Test
    void aLongEmailOrAPastedLinkWrapsInsteadOfWideningThePage() {
        TestTeam team = TestTeam.create();
        String link = "https://docs.example.org/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghij/edit#gid=0";
        String zoe = PagesBrowserTest.contact(team, Map.of("fullName", "Zoe Tester",
                "email", "zoe.tester.tenant.committee.long@riversidetenantsunion.example.org",
                "notes", "Sign-up sheet: " + link));
        team.api().body(Map.of("contactId", zoe, "dueOn", LocalDate.now(ZoneOffset.UTC).toString(),
                "purpose", "Ask about the sheet at " + link)).post("/api/v1/followups").then().statusCode(201);
        team.api().body(Map.of("name", "Riverside Tenants Union of the Greater Northeastern Waterfront District",
                "kind", "building")).post("/api/v1/organizations").then().statusCode(201);
        logIn(team);
        // each was 756 to 996 px wide at 375
        for (String path : List.of("/contacts/" + zoe, "/", "/organizations")) {
            page.navigate(url(path));
            assertTrue(fitsWidth(), path + " fits a phone's width: "
                    + page.evaluate("() => document.documentElement.scrollWidth") + " px");
        }
        page.navigate(url("/contacts/" + zoe));
        assertThat(page.getByText("zoe.tester.tenant.committee.long@riversidetenantsunion.example.org")).isVisible();
        // the organizers' table scrolled sideways inside the page, its role column (the admin's
        // controls) cut off at 375 px; as cards it needs no scrolling at all
        team.member("organizer");
        page.navigate(url("/organizers"));
        assertTrue(fitsWidth());
        assertEquals(Boolean.TRUE, page.evaluate("() => [...document.querySelectorAll('.table-wrap')]"
                + ".every(w => w.scrollWidth <= w.clientWidth)"), "the organizers' table needs no sideways scrolling");
        assertNoViolations("/organizers at 375 px");
        // the import's list of headers, in Spanish (the walk: its longest term left the values no width, one
        // letter a line, and the page scrolled sideways)
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        page.navigate(url("/contacts/import"));
        assertTrue(fitsWidth(), "/contacts/import in Spanish fits a phone's width");
        Object narrowest = page.evaluate("() => Math.min(...[...document.querySelectorAll('dl.details dd')]"
                + ".map(d => d.getBoundingClientRect().width))");
        assertTrue(((Number) narrowest).doubleValue() > 200, "each list of headers has the width of the page: " + narrowest);
    }

    @Test
    void aConversationIsEditedFromTheTimelineOnAPhone() {
        TestTeam team = TestTeam.create();
        String lucy = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String id = team.api().body(Map.of("contactId", lucy, "durationMinutes", 30, "channel", "phone",
                        "occurredAt", "1990-01-01T10:00:00Z")).post("/api/v1/conversations").then().statusCode(201)
                .extract().path("id");
        logIn(team);
        page.navigate(url("/contacts/" + lucy));
        page.locator("#timeline-list a[href='/conversations/" + id + "/edit']").click();
        page.waitForURL(u -> u.endsWith("/conversations/" + id + "/edit"));
        assertTrue(fitsWidth(), "the edit form fits a phone's width");
        assertNoViolations("/conversations/{id}/edit at 375 px");
        page.getByLabel("When").fill("2026-11-20T18:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the conversation")).click();
        page.waitForURL(u -> u.contains("/contacts/" + lucy));
        team.api().get("/api/v1/conversations/" + id).then().body("occurredAt", org.hamcrest.Matchers.is("2026-11-20T18:30:00Z"));
    }

    @Test
    void aLevelChangeIsDeletedFromTheTimelineOnAPhone() {
        TestTeam team = TestTeam.create();
        String lucy = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String change = team.api().body(Map.of("level", "cadre", "reason", "meant for her neighbour"))
                .post("/api/v1/contacts/" + lucy + "/level").then().statusCode(201).extract().path("id");
        logIn(team);
        page.navigate(url("/contacts/" + lucy));
        String link = "/contacts/" + lucy + "/level-changes/" + change + "/delete";
        page.locator("#timeline-list a[href='" + link + "']").click();
        page.waitForURL(u -> u.endsWith(link));
        assertTrue(fitsWidth(), "the delete page fits a phone's width");
        assertNoViolations("/contacts/{id}/level-changes/{changeId}/delete at 375 px");
        page.getByLabel("Yes, delete this level change").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the level change")).click();
        page.waitForURL(u -> u.contains("/contacts/" + lucy) && !u.contains("/level-changes/"));
        team.api().get("/api/v1/contacts/" + lucy).then().body("engagementLevel", org.hamcrest.Matchers.is("new"));
        assertThat(page.locator("#timeline-list")).not().containsText("meant for her neighbour");
    }

    @Test
    void theContactsListShowsTwentyAndMoreAddsTheNextKeepingTheFilters() {
        TestTeam team = TestTeam.create();
        for (int i = 1; i <= 23; i++) {
            PagesBrowserTest.contact(team, Map.of("fullName", String.format("Tenant %02d", i), "engagementLevel", "new"));
        }
        PagesBrowserTest.contact(team, Map.of("fullName", "Cadre One", "engagementLevel", "cadre"));
        PagesBrowserTest.contact(team, Map.of("fullName", "Cadre Two", "engagementLevel", "cadre"));
        logIn(team);
        page.navigate(url("/contacts?level=new"));
        Locator rows = page.locator("#contact-rows > tr");
        assertThat(rows).hasCount(20);
        Locator more = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("More contacts"));
        assertTrue(more.getAttribute("href").contains("level=new"), "the next page keeps the filters");
        assertTrue(more.getAttribute("href").contains("cursor="), "and carries the cursor");
        assertTrue(fitsWidth(), "the list fits a phone's width");
        assertNoViolations("/contacts?level=new at 375 px");

        // with htmx the next page's rows are added below, on the same page, and the link goes
        String before = page.url();
        more.click();
        assertThat(rows).hasCount(23);
        assertEquals(before, page.url());
        assertThat(more).hasCount(0);
        List<String> names = rows.locator("td:first-child").allInnerTexts();
        assertEquals(23, new HashSet<>(names).size(), "no one twice: " + names);
        assertTrue(names.stream().allMatch(n -> n.contains("Tenant")), "only the filtered level: " + names);
        page.setViewportSize(1280, 800);
        assertNoViolations("/contacts?level=new at 1280 px, two pages shown");

        // without scripts the link opens the next page, filters kept
        BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 800)
                .setJavaScriptEnabled(false));
        Page phone = page;
        try {
            page = plain.newPage();
            logIn(team);
            page.navigate(url("/contacts?level=new"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("More contacts")).click();
            page.waitForURL(u -> u.contains("cursor="));
            assertTrue(page.url().contains("level=new"), page.url());
            assertThat(page.locator("#contact-rows > tr")).hasCount(3);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("More contacts"))).hasCount(0);
        } finally {
            plain.close();
            page = phone;
        }
    }

    private static Locator link(Locator nav, String name) {
        return nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private double height(String selector) {
        return ((Number) page.evaluate("s => document.querySelector(s).getBoundingClientRect().height", selector))
                .doubleValue();
    }

    /** Links, buttons, fields and summaries a person can see in this element (screen-reader-only text aside). */
    private static int visibleControls(Locator item) {
        return ((Number) item.evaluate("""
                li => [...li.querySelectorAll('a, button, input, select, summary')]
                        .filter(e => e.checkVisibility() && !e.closest('.skip')).length""")).intValue();
    }

    /** axe-core on the page as it is now: no violation of any impact. */
}
