package org.groundwork.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, friction 3 and 4: the log form's date and time, and "first time" defaulted from history.
 * The keyboard and screen-reader walk of Today's queue: where the focus goes after each step, what the
 * live region says, and Drop's question with and without script.
 */
@QuarkusTest
class DailyFormsBrowserTest extends BrowserTest {

    @Test
    void yesterdaysDoorKnockingIsLoggedWithItsRealTime() {
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        TestTeam team = TestTeam.create(zone.getId());
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Dolores Huerta"));
        logIn(team);
        page.navigate(url("/conversations/new?contact=" + id));
        // the box starts at now on the team's clocks
        LocalDateTime shown = LocalDateTime.parse(page.getByLabel("When").inputValue());
        long off = Math.abs(ChronoUnit.MINUTES.between(shown, LocalDateTime.now(zone)));
        assertTrue(off <= 2, "now in the team's zone, shown " + shown);

        LocalDateTime yesterday = LocalDateTime.now(zone).minusDays(1).withHour(18).withMinute(30).withSecond(0).withNano(0);
        page.getByLabel("When").fill(yesterday.toString());
        page.getByLabel("Summary").fill("Door-knocking on Elm Street");
        page.getByLabel("Duration (minutes)").fill("25");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log conversation")).click();
        page.waitForURL(u -> u.contains("/contacts/" + id));
        String at = team.api().get("/api/v1/conversations").then().statusCode(200).extract().path("items[0].occurredAt");
        assertEquals(yesterday.atZone(zone).toInstant(), Instant.parse(at));
    }

    @Test
    void aBadWhenComesBackOnTheForm() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Cesar Chavez"));
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + id);
        io.restassured.response.Response page = s.form().formParam("contactId", id).formParam("occurredAt", "yesterday")
                .formParam("durationMinutes", "20").formParam("channel", "phone").formParam("summary", "kept")
                .post("/conversations");
        PageFormsTest.assertFieldError(page, "occurredAt", "Enter a date and time like");
        assertTrue(page.asString().contains(">\nkept</textarea>"), "the summary typed is kept");
        page = s.form().formParam("contactId", id).formParam("occurredAt", "2199-01-01T10:00")
                .formParam("durationMinutes", "20").formParam("channel", "phone").post("/conversations");
        PageFormsTest.assertFieldError(page, "occurredAt", "Use a time that has passed");
    }

    @Test
    void firstTimeStartsTickedOnlyForPeopleWithNoEarlierAction() {
        TestTeam team = TestTeam.create();
        String veteran = PagesBrowserTest.contact(team, Map.of("fullName", "Vera Veteran"));
        PagesBrowserTest.contact(team, Map.of("fullName", "Vera Newcomer"));
        String earlier = team.api().body(Map.of("title", "Spring march", "kind", "march",
                        "startsAt", "2026-03-01T15:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", veteran))).put("/api/v1/actions/" + earlier + "/attendance")
                .then().statusCode(200);
        String action = team.api().body(Map.of("title", "Autumn picket", "kind", "picket",
                        "startsAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        logIn(team);
        page.navigate(url("/actions/" + action + "?q=vera"));
        assertThat(page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Veteran"))
                .locator("input[type=checkbox]")).not().isChecked();
        assertThat(page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Newcomer"))
                .locator("input[type=checkbox]")).isChecked();
        // the organizer may still say otherwise: a long-time activist new to the database
        page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Newcomer")).locator("input[type=checkbox]").uncheck();
        page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Newcomer")).getByRole(AriaRole.BUTTON).click();
        // checked in, the page comes back with the box empty for the next person: searched for again
        assertThat(page.locator("#checked-in")).hasText("Vera Newcomer is checked in.");
        page.locator("#q").fill("vera");
        page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Veteran")).getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#checked-in")).hasText("Vera Veteran is checked in.");
        List<Boolean> firstTimes = team.api().get("/api/v1/actions/" + action).then().statusCode(200)
                .extract().path("attendance.firstTime");
        assertEquals(List.of(false, false), firstTimes);
    }

    /** Issue 12, friction 6: the page asks for the reason of a level change; the API keeps it optional. */
    @Test
    void aLevelChangeOnThePageAsksForItsReason() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Fannie Lou Hamer"));
        Session s = Session.logIn(team);
        s.open("/contacts/" + id);
        io.restassured.response.Response page = s.form().formParam("level", "cadre").formParam("reason", "  ")
                .post("/contacts/" + id + "/level");
        PageFormsTest.assertFieldError(page, "reason", "Say why their level changes");
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", org.hamcrest.Matchers.is("new"));
        s.form().formParam("level", "cadre").formParam("reason", "Chairs the block committee")
                .post("/contacts/" + id + "/level").then().statusCode(303);
        team.api().body(Map.of("level", "less-involved")).post("/api/v1/contacts/" + id + "/level")
                .then().statusCode(201);
    }

    /** Three follow-ups in Today's upcoming list, in this order: Ana, Ben, Cy. */
    static List<String> threeUpcoming(TestTeam team) {
        List<String> ids = new java.util.ArrayList<>();
        String[] names = {"Ana Pérez", "Ben Okafor", "Cy Young"};
        for (int i = 0; i < names.length; i++) {
            String contact = PagesBrowserTest.contact(team, Map.of("fullName", names[i]));
            String due = java.time.LocalDate.now(ZoneId.of("UTC")).plusDays(2 + i).toString();
            ids.add(team.api().body(Map.of("contactId", contact, "dueOn", due, "purpose", "Ask about the meeting"))
                    .post("/api/v1/followups").then().statusCode(201).extract().path("id"));
        }
        return ids;
    }

    /** Tabs (the keyboard only) until the focus is on {@code selector}. */
    void tabTo(String selector) {
        for (int i = 0; i < 80; i++) {
            if (Boolean.TRUE.equals(page.evaluate("s => document.activeElement.matches(s)", selector))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    /** Waits (a little) for the focus to be on {@code selector}: after htmx's swap, not on the body. */
    void focusLandsOn(String selector) {
        try {
            page.waitForFunction("s => document.activeElement && document.activeElement.matches(s)", selector,
                    new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("the focus is not on " + selector + " but on "
                    + page.evaluate("() => document.activeElement === document.body ? 'the body'"
                    + " : document.activeElement.outerHTML.slice(0, 200)"));
        }
    }

    @Test
    void theQueueIsWorkedWithTheKeyboardAndSaysEachStep() {
        TestTeam team = TestTeam.create();
        List<String> f = threeUpcoming(team);
        logIn(team);
        page.navigate(url("/"));
        // Ana: More, Done. The focus goes on to Ben's name; the live region says what was done
        tabTo("#item-" + f.get(0) + " summary");
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        focusLandsOn("#item-" + f.get(0) + " form[action$='/done'] button");
        page.keyboard().press("Enter");
        focusLandsOn("#item-" + f.get(1) + " .item-head a[href^='/contacts/']");
        assertThat(page.locator("#queue-status[role=status]")).hasText("Done: Ana Pérez");
        assertThat(page.locator("#item-" + f.get(0))).hasCount(0);
        assertTrue(page.url().endsWith("/"), "swapped in place: " + page.url());
        team.api().get("/api/v1/followups/" + f.get(0)).then().body("status", org.hamcrest.Matchers.is("done"));
        assertNoViolations("Today after Done");

        // Ben: More, Drop asks first; Keep (which has the focus) keeps it and goes back to Ben's Drop
        tabTo("#item-" + f.get(1) + " summary");
        page.keyboard().press("Enter");
        tabTo("#item-" + f.get(1) + " form[method=get][action$='/drop'] button");
        page.keyboard().press("Enter");
        focusLandsOn("#item-" + f.get(1) + " [role=group] form[action='/'] button");
        assertThat(page.locator("#item-" + f.get(1) + " [role=group]")).hasAccessibleName("Drop the follow-up with Ben Okafor?");
        team.api().get("/api/v1/followups/" + f.get(1)).then().body("status", org.hamcrest.Matchers.is("open"));
        assertNoViolations("Today asking whether to drop");
        page.keyboard().press("Enter");
        focusLandsOn("#item-" + f.get(1) + " details[open] form[method=get][action$='/drop'] button");
        assertThat(page.locator("#queue-status")).hasText("Kept: Ben Okafor");
        team.api().get("/api/v1/followups/" + f.get(1)).then().body("status", org.hamcrest.Matchers.is("open"));

        // asked again, answered Drop: the focus goes on to Cy
        page.keyboard().press("Enter");
        focusLandsOn("#item-" + f.get(1) + " [role=group] form[action='/'] button");
        page.keyboard().press("Shift+Tab");
        focusLandsOn("#item-" + f.get(1) + " [role=group] form[method=post] button");
        page.keyboard().press("Enter");
        focusLandsOn("#item-" + f.get(2) + " .item-head a[href^='/contacts/']");
        assertThat(page.locator("#queue-status")).hasText("Dropped: Ben Okafor");
        team.api().get("/api/v1/followups/" + f.get(1)).then().body("status", org.hamcrest.Matchers.is("dropped"));

        // Cy, the last: the queue is empty, so the message takes the focus
        tabTo("#item-" + f.get(2) + " summary");
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        focusLandsOn("#queue-status p");
        assertThat(page.locator("#queue-status")).hasText("Done: Cy Young");
        assertNoViolations("Today with the queue emptied");
    }

    /**
     * Today's live region after steps taken with htmx: the queue's swap takes only its own part of the
     * page drawn after the step (hx-select), and the region's words out of band (hx-select-oob with
     * innerHTML: its content, not the region put inside itself). One region stays, the same element
     * (so a screen reader keeps listening to it), holding one message, changed once per step with that
     * step's words; a refused step empties it rather than leaving the last step's words.
     */
    @Test
    void eachStepChangesTheOneStatusRegionOnceWithItsWords() {
        TestTeam team = TestTeam.create();
        List<String> f = threeUpcoming(team);
        logIn(team); // lands on Today
        // every message put in the region, as a screen reader is told of it
        page.evaluate("() => { window.region = document.getElementById('queue-status'); window.said = [];"
                + " new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => {"
                + " if (n.nodeType === 1) window.said.push(n.textContent.trim()); })))"
                + ".observe(window.region, {childList: true, subtree: true}); }");
        page.locator("#item-" + f.get(0) + " summary").click();
        page.locator("#item-" + f.get(0) + " form[action$='/done'] button").click();
        assertThat(page.locator("#queue-status")).hasText("Done: Ana Pérez");
        assertThat(page.locator("#item-" + f.get(0))).hasCount(0);
        assertOneRegionSaying(List.of("Done: Ana Pérez"));

        page.locator("#item-" + f.get(1) + " summary").click();
        page.locator("#item-" + f.get(1) + " form[action$='/done'] button").click();
        assertThat(page.locator("#queue-status")).hasText("Done: Ben Okafor");
        assertOneRegionSaying(List.of("Done: Ana Pérez", "Done: Ben Okafor"));

        // a refused step (a date passed) is said on its item; the region is emptied, not left saying Ben's step
        page.locator("#item-" + f.get(2) + " summary").click();
        page.locator("#due-" + f.get(2)).fill("2020-01-06");
        page.locator("#item-" + f.get(2) + " form[action$='/reschedule'] button").click();
        assertThat(page.locator("#due-" + f.get(2) + "-error")).isVisible();
        assertThat(page.locator("#queue-status")).hasText("");
        assertOneRegionSaying(List.of("Done: Ana Pérez", "Done: Ben Okafor"));
        assertNoViolations("Today after two steps and a refused one");
    }

    private void assertOneRegionSaying(List<String> said) {
        assertEquals(1, page.evaluate("() => document.querySelectorAll('#queue-status').length"), "one region");
        assertEquals(Boolean.TRUE, page.evaluate("() => document.getElementById('queue-status') === window.region"),
                "the same region element, its content changed");
        assertEquals(0, page.evaluate("() => document.querySelectorAll('#queue-status [role=status], #queue #queue-status').length"),
                "no region inside it, nor in the queue");
        assertTrue((Integer) page.evaluate("() => window.region.children.length") <= 1, "one message at most");
        assertEquals(said, page.evaluate("() => window.said"), "each step's words put in once");
    }

    /**
     * A refused step comes back with a 400 (as the API's answer) and htmx still shows it: the date
     * already passed is said under the date box, the typing kept, in place, and nothing changed.
     */
    @Test
    void aRefusedRescheduleIsSaidInPlaceThoughItIsA400() {
        TestTeam team = TestTeam.create();
        List<String> f = threeUpcoming(team);
        String due = team.api().get("/api/v1/followups/" + f.get(0)).then().extract().path("dueOn");
        logIn(team);
        page.navigate(url("/"));
        com.microsoft.playwright.Response[] answered = new com.microsoft.playwright.Response[1];
        page.onResponse(r -> {
            if (r.url().endsWith("/followups/" + f.get(0) + "/reschedule")) {
                answered[0] = r;
            }
        });
        page.locator("#item-" + f.get(0) + " summary").click();
        page.locator("#due-" + f.get(0)).fill("2020-01-06");
        page.locator("#item-" + f.get(0) + " form[action$='/reschedule'] button").click();
        assertThat(page.locator("#due-" + f.get(0) + "-error")).hasText("That date has passed. Choose today or a later date.");
        assertEquals(400, answered[0].status(), "the refusal's status");
        assertThat(page.locator("#due-" + f.get(0))).hasValue("2020-01-06");
        focusLandsOn("#due-" + f.get(0));
        assertTrue(page.url().endsWith("/"), "swapped in place: " + page.url());
        assertThat(page.locator("#item-" + f.get(1))).hasCount(1);
        team.api().get("/api/v1/followups/" + f.get(0)).then().body("dueOn", org.hamcrest.Matchers.is(due))
                .body("status", org.hamcrest.Matchers.is("open"));
    }

    /** Without script, Drop is a page step too: the question, then Drop posts and Keep goes back. */
    @Test
    void dropAsksWithoutScriptToo() {
        TestTeam team = TestTeam.create();
        List<String> f = threeUpcoming(team);
        Session s = Session.logIn(team);
        String asked = s.open("/followups/" + f.get(1) + "/drop");
        assertTrue(asked.contains("Drop the follow-up with Ben Okafor?"), "the question is asked");
        assertTrue(asked.contains("action=\"/followups/" + f.get(1) + "/drop\"") && asked.contains("name=\"did\" value=\"kept\""),
                "with a Drop form and a Keep form");
        team.api().get("/api/v1/followups/" + f.get(1)).then().body("status", org.hamcrest.Matchers.is("open"));
        // Keep: the page says so, the follow-up stays, its Drop has the focus again
        String kept = s.open("/?did=kept&item=" + f.get(1));
        assertTrue(kept.contains("Kept: Ben Okafor"), "kept is said");
        team.api().get("/api/v1/followups/" + f.get(1)).then().body("status", org.hamcrest.Matchers.is("open"));
        // Drop: post, then the page says so with Cy's name taking the focus
        String to = s.form().post("/followups/" + f.get(1) + "/drop").then().statusCode(303).extract().header("Location");
        assertTrue(to.endsWith("/?did=dropped&item=" + f.get(1) + "&next=" + f.get(2)), to);
        String dropped = s.open(to.substring(to.indexOf("/?")));
        assertTrue(dropped.contains("Dropped: Ben Okafor"), "dropped is said");
        assertTrue(dropped.matches("(?s).*<a href=\"/contacts/[0-9a-f-]{36}\" autofocus>Cy Young</a>.*"), "Cy's name has the focus");
        team.api().get("/api/v1/followups/" + f.get(1)).then().body("status", org.hamcrest.Matchers.is("dropped"));
        // an unreadable step or one of another team is no message and no error
        s.open("/?did=done&item=nonsense&next=x");
        s.open("/?did=whatever&item=" + f.get(0));
        // the address alone says nothing that did not happen: Ann's follow-up is open, not done
        assertFalse(s.open("/?did=done&item=" + f.get(0)).contains("Done: "), "no step said for an open follow-up");
        // Drop asked again of the follow-up dropped meanwhile (another phone): said, not a click that does nothing
        String gone = s.open("/followups/" + f.get(1) + "/drop");
        assertTrue(gone.contains("That follow-up is no longer open in your queue."), gone);
        assertFalse(gone.contains("Drop the follow-up with"), gone);
    }
}
