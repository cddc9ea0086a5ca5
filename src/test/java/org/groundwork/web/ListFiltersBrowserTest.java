package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A list's filter form under htmx, which swaps only the results as the search box is typed in: a
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
}
