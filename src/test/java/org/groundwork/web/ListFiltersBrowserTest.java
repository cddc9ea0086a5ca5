package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A list's filter form under htmx (and a tie's search, the door's search: the same rule), which swaps
 * only the results as the search box is typed in: a
 * refused filter marks its box (aria-invalid, pointing to its message) and a filter mended loses the
 * mark, since the answer draws the boxes again out of band when a refusal is or was shown. Before,
 * the boxes were never drawn again: a refusal said under htmx left its box unmarked, and a refusal
 * drawn with the page stayed marked (aria-invalid) after the filter was mended and the list shown.
 */
@QuarkusTest
class ListFiltersBrowserTest extends BrowserTest {

    /** A team with one contact, Rosa Parks, new; its admin logged in. */
    private void logInWithRosa() {
        TestTeam team = TestTeam.create();
        PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Parks", "engagementLevel", "new"));
        logIn(team);
    }

    @Test
    void aFilterRefusedUnderHtmxMarksItsBoxAndLosesTheMarkWhenMended() {
        logInWithRosa();

        // a search longer than the server takes (the box's maxlength gone, as on a page drawn before it had one)
        page.navigate(url("/contacts"));
        page.locator("#f-q").evaluate("box => box.removeAttribute('maxlength')");
        page.locator("#f-q").fill("r".repeat(201));
        page.locator("#f-q").press("Enter");
        assertThat(page.locator("#f-q-error")).containsText("at most 200 characters");
        assertThat(page.locator("#f-q")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#f-q")).hasAttribute("aria-describedby", "f-q-error");
        assertThat(page.locator("#f-q")).isFocused();
        assertNoViolations("the contacts list with its search refused");

        // mended and sent again: no mark, no message, the list
        page.locator("#f-q").fill("Rosa");
        page.locator("#f-q").press("Enter");
        assertThat(page.locator("#results")).containsText("Rosa Parks");
        assertThat(page.locator("#f-q")).not().hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#f-q")).not().hasAttribute("aria-describedby", "f-q-error");
        assertThat(page.locator("#contact-filters [aria-invalid]")).hasCount(0);
        assertThat(page.locator("#results .error")).hasCount(0);
        assertThat(page.locator("#f-q")).isFocused();
        assertThat(page.locator("form.filters")).hasCount(1);
        // the form drawn again still searches as the box is typed in
        page.locator("#f-q").fill("Nobody");
        assertThat(page.locator("#results")).not().containsText("Rosa Parks");
        assertNoViolations("the contacts list with its search mended");
    }

    @Test
    void aFilterRefusedWithThePageLosesItsMarkWhenMendedUnderHtmx() {
        logInWithRosa();
        // a filter refused with the page (a link edited by hand), mended with the select: htmx swaps the results
        page.navigate(url("/contacts?tag=nurses&level=bogus"));
        assertThat(page.locator("#f-level")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#f-level-error")).isVisible();
        page.locator("#f-level").selectOption("new");
        assertThat(page.locator("#f-level")).not().hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#contact-filters [aria-invalid]")).hasCount(0);
        assertThat(page.locator("#results .error")).hasCount(0);
        assertThat(page.locator("#f-tag")).hasValue("nurses");
        assertThat(page.locator("#results")).containsText("No contacts match.");
        assertNoViolations("the contacts list with its level mended");
    }

    /**
     * A refused search's box, for the tie search on a contact's page and the door's search (by its box's id):
     * refused with the page (a link edited by hand), mended by typing, refused under htmx, mended again.
     * Before, htmx swapped only their matches: the mended box stayed marked, the one refused as typed was not.
     */
    private void refuseAndMend(String address, String param, String box, String form, String matches) {
        String tooLong = "r".repeat(201);
        page.navigate(url(address + "?" + param + "=" + tooLong));
        assertThat(page.locator(box)).hasAttribute("aria-invalid", "true");
        mended(box, form, matches);

        // refused as it is typed (the box's maxlength gone, as on a page drawn before it had one)
        page.locator(box).evaluate("box => box.removeAttribute('maxlength')");
        page.locator(box).fill(tooLong);
        page.locator(box).press("Enter");
        assertThat(page.locator(box + "-error")).containsText("at most 200 characters");
        assertThat(page.locator(box)).hasAttribute("aria-invalid", "true");
        assertThat(page.locator(box)).hasAttribute("aria-describedby", box.substring(1) + "-error");
        assertThat(page.locator(box)).isFocused();
        assertNoViolations(address + " with its search refused");
        mended(box, form, matches);
        assertThat(page.locator(box)).isFocused();
        assertThat(page.locator(form)).hasCount(1);
        // the form drawn again still searches as its box is typed in
        page.locator(box).fill("Nobody");
        assertThat(page.locator(matches)).not().containsText("Rosa Parks");
        assertNoViolations(address + " with its search mended");
    }

    /** The box typed in again with a name: its matches, and no mark or message left. */
    private void mended(String box, String form, String matches) {
        page.locator(box).fill("Rosa");
        assertThat(page.locator(matches)).containsText("Rosa Parks");
        assertThat(page.locator(box)).not().hasAttribute("aria-invalid", "true");
        assertThat(page.locator(form + " [aria-invalid]")).hasCount(0);
        assertThat(page.locator(box + "-error")).hasCount(0);
        assertThat(page.locator(matches + " .error")).hasCount(0);
    }

    @Test
    void theTieSearchsBoxLosesItsMarkWhenMendedUnderHtmx() {
        TestTeam team = TestTeam.create();
        PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Parks"));
        String lucy = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        logIn(team);
        refuseAndMend("/contacts/" + lucy, "tieSearch", "#f-tieSearch", "#tie-search", "#tie-found");
    }

    @Test
    void theDoorsSearchBoxLosesItsMarkWhenMendedUnderHtmx() {
        TestTeam team = TestTeam.create();
        PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Parks"));
        String action = CheckInAtTheDoorBrowserTest.action(team);
        logIn(team);
        refuseAndMend("/actions/" + action, "q", "#q", "#door-search", "#found");
    }
}
