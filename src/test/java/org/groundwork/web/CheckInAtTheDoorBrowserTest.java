package org.groundwork.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12, bug 2: checking the same new person in twice at the door made two contacts. A phone
 * number (the import's digits rule) or an email finds the person already known; a name alone asks.
 */
@QuarkusTest
class CheckInAtTheDoorBrowserTest extends BrowserTest {

    static String action(TestTeam team) {
        return team.api().body(Map.of("title", "Rent strike meeting", "kind", "meeting",
                        "startsAt", java.time.Instant.now().minusSeconds(3600).toString(), "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
    }

    static int contactsNamed(TestTeam team, String q) {
        return team.api().queryParam("q", q).get("/api/v1/contacts").then().statusCode(200)
                .extract().path("items.size()");
    }

    void checkInNew(String name, String phone, String email) {
        page.getByLabel("Full name (required)", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill(phone);
        page.getByLabel("Email (if they give one)").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in new person")).click();
    }

    /** axe-core on the page on screen (a POST's answer cannot be navigated to): no violation of any impact. */
    void assertNoViolations() {
        java.util.List<com.deque.html.axecore.results.Rule> bad =
                axe(page).getViolations();
        assertEquals(List.of(), bad.stream().map(v -> v.getId() + ": " + v.getHelp()).toList());
    }

    @Test
    void theSamePhoneNumberWrittenDifferentlyIsAlreadyHere() {
        TestTeam team = TestTeam.create();
        String action = action(team);
        logIn(team);
        page.navigate(url("/actions/" + action));
        checkInNew("Zoe Firsttimer", "(718) 555-0142", "");
        assertThat(page.locator("#attendance-list")).containsText("Zoe Firsttimer");

        // a second organizer at the door types her in again, the number written another way
        checkInNew("zoe  FIRSTTIMER", "+1 718 555 0142", "");
        assertThat(page.locator("#door-notice")).containsText("Already here: Zoe Firsttimer");
        assertThat(page.locator("#door-notice")).containsText("the same phone number");
        assertThat(page.locator("#attendance-list li")).hasCount(1);
        // under another name the phone may be a household's: asked, and she, on the list already, is said so with
        // no button to check her in again (the walk)
        checkInNew("Zoe F.", "+1 718 555 0142", "");
        assertThat(page.locator("#same-name-check")).containsText("Zoe Firsttimer, in your contacts, has the same phone number.");
        assertThat(page.locator("#same-name-check li").first()).containsText("Checked in.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Same person: check in Zoe Firsttimer"))).hasCount(0);
        assertThat(page.locator("#attendance-list li")).hasCount(1);
        // (the search reads "Zoe F." as the letters "zoef", V28_24, so it finds her: the names themselves are counted)
        assertEquals(List.of("Zoe Firsttimer"), team.api().queryParam("q", "Zoe F.").get("/api/v1/contacts").then()
                .statusCode(200).extract().path("items.fullName"), "no second contact");
        assertEquals(1, contactsNamed(team, "Zoe"));

        page.navigate(url("/"));
        assertThat(page.locator("#heat-list li", new Page.LocatorOptions().setHasText("Zoe"))).hasCount(1);
    }

    @Test
    void aKnownEmailChecksInTheKnownPersonFromTheirHistory() {
        TestTeam team = TestTeam.create();
        String maria = PagesBrowserTest.contact(team, Map.of("fullName", "Maria Lopez", "email", "maria@example.org"));
        String earlier = team.api().body(Map.of("title", "Last month's march", "kind", "march",
                        "startsAt", "2026-01-10T15:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", maria, "firstTime", true)))
                .put("/api/v1/actions/" + earlier + "/attendance").then().statusCode(200);
        String action = action(team);
        logIn(team);
        page.navigate(url("/actions/" + action));
        page.locator("#new-first-time").check();
        checkInNew("M. Lopez", "", "MARIA@example.org");
        assertThat(page.locator("#door-notice")).containsText("Already in your contacts: Maria Lopez");
        assertThat(page.locator("#door-notice")).containsText("the same email");
        assertThat(page.locator("#attendance-list")).containsText("Maria Lopez");
        assertEquals(0, contactsNamed(team, "M. Lopez"), "no second contact");
        // she was at an action before: not a first-timer, whatever the new-person box said
        assertEquals(Boolean.FALSE, team.api().get("/api/v1/actions/" + action).then().statusCode(200)
                .extract().path("attendance[0].firstTime"));
    }

    @Test
    void onlyTheSameNameAsksSamePersonOrSomeoneElse() {
        TestTeam team = TestTeam.create();
        String sam = PagesBrowserTest.contact(team, Map.of("fullName", "Sam Cole", "phone", "555-0101"));
        String action = action(team);
        logIn(team);
        page.navigate(url("/actions/" + action));
        checkInNew("sam cole", "", "");
        assertThat(page.locator("#same-name")).containsText("Is sam cole someone you already know?");
        assertThat(page.locator("#attendance-list li")).hasCount(0);
        assertNoViolations();
        page.setViewportSize(1280, 800);
        assertNoViolations();
        page.setViewportSize(375, 800);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Someone else: add sam cole as a new person")).click();
        assertThat(page.locator("#attendance-list")).containsText("sam cole");
        assertEquals(2, contactsNamed(team, "sam cole"), "someone else: a second Sam Cole");

        checkInNew("Sam Cole", "", "");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Same person: check in Sam Cole").setExact(false))
                .first().click();
        assertThat(page.locator("#attendance-list li")).hasCount(2);
        assertEquals(2, contactsNamed(team, "sam cole"), "same person: no third contact");
        assertThat(page.locator("#attendance-list a[href='/contacts/" + sam + "']")).hasCount(1);
    }

    /**
     * The next person at the door is someone else: after a check-in from the search, or of someone new,
     * the search box is empty and has the focus, and the page says who is in (CheckInNextPersonTest).
     */
    @Test
    void afterACheckInTheEmptySearchBoxHasTheFocusForTheNextPerson() {
        TestTeam team = TestTeam.create();
        PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Schmidt", "phone", "555-0110"));
        String action = action(team);
        logIn(team);
        page.navigate(url("/actions/" + action));
        page.locator("#q").fill("Rosa");
        // each found person's box says whose it is to a screen reader, as the button does (the walk: every box was
        // "First time at an action")
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions()
                .setName("First time at an action (Rosa Schmidt)").setExact(true))).hasCount(1);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in Rosa Schmidt")).click();
        assertThat(page.locator("#checked-in")).hasText("Rosa Schmidt is checked in.");
        assertThat(page.locator("#attendance-list")).containsText("Rosa Schmidt");
        assertThat(page.locator("#q")).hasValue("");
        // autofocus is applied as the page is drawn: waited for, then read from the document
        assertThat(page.locator("#q")).isFocused();
        assertEquals("q", page.evaluate("document.activeElement.id"));
        assertNoViolations();

        // someone new: the same, and the new-person fields empty for the one after
        checkInNew("Ana Newcomer", "555-0199", "");
        assertThat(page.locator("#checked-in")).hasText("Ana Newcomer is checked in.");
        assertThat(page.locator("#q")).hasValue("");
        assertThat(page.locator("#q")).isFocused();
        assertEquals("q", page.evaluate("document.activeElement.id"));
        assertThat(page.getByLabel("Full name (required)", new Page.GetByLabelOptions().setExact(true))).hasValue("");

        // typing the next name searches as before, and the focus stays in the box while the results come
        page.keyboard().type("Ros");
        assertThat(page.locator("#found")).containsText("Rosa Schmidt");
        assertEquals("q", page.evaluate("document.activeElement.id"));
    }

    @Test
    void aNoticeIsOnlyAboutSomeoneOnTheList() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String stranger = PagesBrowserTest.contact(other, Map.of("fullName", "Other Team Person"));
        String action = action(team);
        Session s = Session.logIn(team);
        s.request().get("/actions/" + action + "?known=" + stranger + "&was=here").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Other Team Person")));
        s.request().get("/actions/" + action + "?known=not-an-id").then().statusCode(400);
    }
}
