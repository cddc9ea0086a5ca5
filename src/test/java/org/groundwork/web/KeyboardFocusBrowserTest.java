package org.groundwork.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A browser walk at a phone's size with the keyboard: after a step drawn in place (htmx) or a page
 * with a question, the focus is where the keyboard goes on, never left on the page's body.
 */
@QuarkusTest
class KeyboardFocusBrowserTest extends BrowserTest {

    /** "More contacts" with Enter: the first row added takes the focus, and Tab goes on down the new rows. */
    @Test
    void moreContactsPutsTheFocusOnTheFirstRowAdded() {
        TestTeam team = TestTeam.create();
        for (int i = 1; i <= 23; i++) {
            PagesBrowserTest.contact(team, Map.of("fullName", String.format("Tenant %02d", i)));
        }
        logIn(team);
        page.navigate(url("/contacts"));
        Locator rows = page.locator("#contact-rows > tr");
        assertThat(rows).hasCount(20);
        // the first page draws no autofocus on a row: the page starts at its top
        assertThat(page.locator("#contact-rows [autofocus]")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("More contacts")).focus();
        page.keyboard().press("Enter");
        assertThat(rows).hasCount(23);
        Locator first = rows.nth(20).locator("a");
        assertThat(first).isFocused();
        assertEquals(first.innerText(), page.evaluate("document.activeElement.textContent"));
        page.keyboard().press("Tab");
        assertThat(rows.nth(21).locator("a")).isFocused();
        assertNoViolations("/contacts after More contacts");
    }
}
