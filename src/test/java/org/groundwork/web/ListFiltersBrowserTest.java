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
     * A filter of "More filters" refused under htmx (an organizer gone since the page was drawn), the panel opened
     * by hand: the form drawn again out of band keeps it open, with the refused box, its message and what was typed.
     */
    @Test
    void aFilterRefusedInsideMoreFiltersKeepsThePanelOpen() {
        logInWithRosa();
        page.navigate(url("/contacts"));
        page.locator("details.more summary").click();
        // their option still in the select, their id no longer the team's
        page.locator("#f-owner").evaluate(
                "box => box.add(new Option('Gone', '00000000-0000-4000-8000-000000000000'))");
        page.locator("#f-tag").fill("nurses");
        page.locator("#f-owner").selectOption("00000000-0000-4000-8000-000000000000");
        drawnOpenOver("#f-owner", "#f-tag", "nurses");
    }

    /**
     * A filter of "More filters" refused with no value to show (given twice in a link edited by hand, the first
     * blank): before, the panel was open only for a filter with a value, so it was drawn closed over the refusal.
     */
    @Test
    void aFilterRefusedWithoutAValueKeepsMoreFiltersOpen() {
        logInWithRosa();
        page.navigate(url("/contacts?q=Rosa&level=&level=new"));
        drawnOpenOver("#f-level", "#f-q", "Rosa");
        assertThat(page.locator("#f-level-error")).containsText("more than once");
    }

    /** "More filters" drawn open over a refused box: the box shown and marked, its message, what was typed kept. */
    private void drawnOpenOver(String box, String typedBox, String typed) {
        assertThat(page.locator(box + "-error")).isVisible();
        assertThat(page.locator("details.more")).hasAttribute("open", "");
        assertThat(page.locator(box)).isVisible();
        assertThat(page.locator(box)).hasAttribute("aria-invalid", "true");
        assertThat(page.locator(typedBox)).hasValue(typed);
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

    /** A team with Rosa Parks and Lucy Parsons, whose tie search finds Rosa; its admin logged in. Lucy's id. */
    private String logInToLucyWithRosa() {
        TestTeam team = TestTeam.create();
        PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Parks"));
        String lucy = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        logIn(team);
        return lucy;
    }

    @Test
    void theTieSearchsBoxLosesItsMarkWhenMendedUnderHtmx() {
        String lucy = logInToLucyWithRosa();
        refuseAndMend("/contacts/" + lucy, "tieSearch", "#f-tieSearch", "#tie-search", "#tie-found");
    }

    /**
     * A tie's search refused (longer than the box takes) is said once, in the matches htmx swaps, which the box
     * points to: before, the box said it too, so the page showed it twice.
     */
    @Test
    void theTieSearchsRefusalIsSaidOnce() {
        String lucy = logInToLucyWithRosa();
        String tooLong = "r".repeat(300);

        // with the page (a link edited by hand)
        page.navigate(url("/contacts/" + lucy + "?tieSearch=" + tooLong));
        assertThat(page.locator("#f-tieSearch-error")).containsText("at most 200 characters");
        assertThat(page.getByText("at most 200 characters")).hasCount(1);

        // under htmx, as typed (the box's maxlength gone), after a search that found someone
        page.locator("#f-tieSearch").fill("Rosa");
        assertThat(page.locator("#tie-found")).containsText("Rosa Parks");
        page.locator("#f-tieSearch").evaluate("box => box.removeAttribute('maxlength')");
        page.locator("#f-tieSearch").fill(tooLong);
        page.locator("#f-tieSearch").press("Enter");
        assertThat(page.locator("#f-tieSearch-error")).containsText("at most 200 characters");
        assertThat(page.locator("#f-tieSearch")).hasAttribute("aria-describedby", "f-tieSearch-error");
        assertThat(page.getByText("at most 200 characters")).hasCount(1);
        assertNoViolations("a contact's page with its tie search refused");
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
