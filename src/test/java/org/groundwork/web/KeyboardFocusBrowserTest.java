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

    /**
     * The phone's "More" menu closes as a menu does (the walk: it stayed open on Escape and when Tab
     * left it): Escape closes it with the focus back on its button; Tab out of its last link closes it.
     */
    @Test
    void thePhonesMoreMenuClosesOnEscapeAndWhenTheFocusLeaves() {
        TestTeam team = TestTeam.create();
        logIn(team);
        page.navigate(url("/"));
        Locator fold = page.locator("details.nav-fold");
        Locator button = fold.locator("summary");
        button.focus();
        page.keyboard().press("Enter");
        assertThat(fold).hasAttribute("open", "");
        page.keyboard().press("Tab");
        page.keyboard().press("Escape");
        assertThat(fold).not().hasAttribute("open", "");
        assertThat(button).isFocused();

        page.keyboard().press("Enter");
        assertThat(fold).hasAttribute("open", "");
        // Tab on through its links and its log-out button, until the focus is past the menu
        for (int i = 0; i < 30 && (Boolean) page.evaluate(
                "document.querySelector('details.nav-fold').contains(document.activeElement)"); i++) {
            page.keyboard().press("Tab");
        }
        assertEquals(false, page.evaluate("document.querySelector('details.nav-fold').contains(document.activeElement)"));
        assertThat(fold).not().hasAttribute("open", "");
        assertNoViolations("/ after the More menu");
    }

    /**
     * At the door, someone new whose name matches a known contact: the question "someone you already
     * know?" takes the focus, the one autofocus of the page (after a check-in it is the search box's).
     */
    @Test
    void theDoorsQuestionTakesTheFocus() {
        TestTeam team = TestTeam.create();
        PagesBrowserTest.contact(team, Map.of("fullName", "Sam Cole", "phone", "555-0101"));
        String action = CheckInAtTheDoorBrowserTest.action(team);
        logIn(team);
        page.navigate(url("/actions/" + action));
        newPerson("Ana Newcomer", "555-0199");
        assertThat(page.locator("#checked-in")).hasText("Ana Newcomer is checked in.");
        assertThat(page.locator("#q")).isFocused();
        assertThat(page.locator("[autofocus]")).hasCount(1);

        newPerson("sam cole", "");
        assertThat(page.locator("#same-name")).containsText("Is sam cole someone you already know?");
        assertThat(page.locator("#same-name")).isFocused();
        assertEquals("same-name", page.evaluate("document.activeElement.id"));
        assertThat(page.locator("[autofocus]")).hasCount(1);
        assertNoViolations("the door's question");

        // the phone of a known contact under another name: the same question, the same focus
        page.navigate(url("/actions/" + action));
        newPerson("S. Cole", "555-0101");
        assertThat(page.locator("#same-name-check")).containsText("Sam Cole, in your contacts, has the same phone number.");
        assertThat(page.locator("#same-name")).isFocused();
        assertThat(page.locator("[autofocus]")).hasCount(1);
    }

    /**
     * Up and Down on an organization's units keep the focus on the unit moved (the walk: it fell back to the page's
     * top after the list was drawn again): on the same button, so Enter moves it again; on the other one once it
     * reaches the end; and the move is said.
     */
    @Test
    void upAndDownKeepTheFocusOnTheUnitMoved() {
        String yard = upOnTheThirdUnit(true);
        page.keyboard().press("Enter");
        // at the top: Up is gone, Down has the focus
        assertThat(page.locator("#unit-list > li").first()).hasAttribute("id", "unit-" + yard);
        assertThat(page.locator("#unit-" + yard + " button", new Page.LocatorOptions().setHasText("Down"))).isFocused();
        assertThat(page.locator("[autofocus]")).hasCount(1);
        assertNoViolations("an organization's page after Up");
    }

    /**
     * The same without scripts: the form posts, and the page it is sent on to gives the focus to that unit's Up. The
     * address it was sent on to ended in #unit-…, and a browser gives no element the focus its autofocus asks for when
     * the address names one to scroll to: the focus fell to the page's body (session 50's walk).
     */
    @Test
    void upWithoutScriptsKeepsTheFocusOnTheUnitMoved() {
        upOnTheThirdUnit(false);
    }

    /**
     * A form sent by htmx and refused for its token (a tab left open past its cookie, here a token changed in the
     * page): the refusal takes the page's main part (HtmxAnswers) and its heading the focus; it stayed on the body
     * (session 51's walk).
     */
    @Test
    void aRefusalForTheTokenDrawnInPlaceTakesTheFocus() {
        String yard = onADepotsPage(true);
        page.evaluate("() => document.querySelectorAll('input[name=\"csrf-token\"]').forEach(i => i.value = 'left-from-an-old-page')");
        page.locator("#unit-" + yard + " button", new Page.LocatorOptions().setHasText("Up")).focus();
        page.keyboard().press("Enter");
        Locator heading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This was not sent"));
        assertThat(heading).isFocused();
        assertNoViolations("a refusal for the token drawn in place");
    }

    /**
     * A unit renamed on its own page, without scripts: back on the organization's page, the notice saying so has the
     * focus. The address it was sent back to ended in #unit-…, and the browser skipped the notice's autofocus (the review).
     */
    @Test
    void aUnitSavedGivesTheFocusToItsNotice() {
        String yard = onADepotsPage(false);
        page.locator("#unit-" + yard + " a").first().click();
        page.locator("#f-unitName").fill("Yard East");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        page.waitForURL(u -> u.contains("saved=unit-saved"));
        Locator said = page.locator("#unit-said p");
        assertThat(said).hasText("Unit saved.");
        assertThat(said).isFocused();
    }

    /** Three units, Up on the third with the keyboard: said, and the focus on its Up. Answers that unit's id. */
    private String upOnTheThirdUnit(boolean scripts) {
        String yard = onADepotsPage(scripts);
        page.locator("#unit-" + yard + " button", new Page.LocatorOptions().setHasText("Up")).focus();
        page.keyboard().press("Enter");
        if (!scripts) {
            page.waitForURL(u -> u.contains("shifted="));
        }
        assertThat(page.locator("#unit-said")).hasText("Yard moved up");
        assertThat(page.locator("#unit-" + yard + " button", new Page.LocatorOptions().setHasText("Up"))).isFocused();
        return yard;
    }

    /** A new team's organization with three units (Days, Nights, Yard), its page open; answers Yard's id. */
    private String onADepotsPage(boolean scripts) {
        TestTeam team = TestTeam.create();
        String org = team.organization("Harbor Depot " + TestTeam.unique(), "workplace");
        team.unit(org, "Days", "shift");
        team.unit(org, "Nights", "shift");
        String yard = team.unit(org, "Yard", "department");
        if (!scripts) {
            withoutScripts();
        }
        logIn(team);
        page.navigate(url("/organizations/" + org));
        return yard;
    }

    /** Up on a unit another tab removed: the words saying so take the focus, as its buttons are gone (it fell to the body). */
    @Test
    void upOnAUnitRemovedMeanwhileGivesTheFocusToTheWords() {
        TestTeam team = TestTeam.create();
        String org = team.organization("Harbor Depot " + TestTeam.unique(), "workplace");
        team.unit(org, "Days", "shift");
        String gone = team.unit(org, "Annex", "department");
        logIn(team);
        page.navigate(url("/organizations/" + org));
        team.api().delete("/api/v1/organizations/" + org + "/units/" + gone).then().statusCode(204);
        page.locator("#unit-" + gone + " button", new Page.LocatorOptions().setHasText("Up")).focus();
        page.keyboard().press("Enter");
        Locator said = page.locator("#unit-said p");
        assertThat(said).hasText("This unit was removed meanwhile; nothing was moved.");
        assertThat(said).isFocused();
        assertThat(page.locator("#unit-" + gone)).hasCount(0);
        assertNoViolations("an organization's page after Up on a removed unit");
    }

    /**
     * Remove at the door with the keyboard: its question's Keep takes the focus, Keep gives it back to that Remove, and
     * once removed the notice saying so takes it (the walk: with the row's #att- address no control had the focus,
     * and nothing said the person was taken off).
     */
    @Test
    void removeAtTheDoorKeepsTheFocusWhereTheKeyboardIs() {
        TestTeam team = TestTeam.create();
        String sam = PagesBrowserTest.contact(team, Map.of("fullName", "Sam Cole"));
        String ada = PagesBrowserTest.contact(team, Map.of("fullName", "Ada Vale"));
        String action = CheckInAtTheDoorBrowserTest.action(team);
        team.api().body(java.util.List.of(Map.of("contactId", sam), Map.of("contactId", ada)))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200);
        logIn(team);
        page.navigate(url("/actions/" + action));
        Locator remove = page.locator("#att-" + sam + " button", new Page.LocatorOptions().setHasText("Remove"));
        remove.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#att-" + sam)).containsText("Take Sam Cole off the list?");
        Locator keep = page.locator("#att-" + sam + " button", new Page.LocatorOptions().setHasText("Keep"));
        assertThat(keep).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#att-" + sam)).not().containsText("off the list?");
        assertThat(page.locator("#att-" + sam + " button", new Page.LocatorOptions().setHasText("Remove"))).isFocused();

        // asked again: Shift+Tab from Keep to the question's Remove, and Enter
        page.keyboard().press("Enter");
        assertThat(keep).isFocused();
        page.keyboard().press("Shift+Tab");
        assertThat(page.locator("#att-" + sam + " form[action$='/attendance/remove'] button")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#removed")).hasText("Sam Cole was taken off the list.");
        assertThat(page.locator("#removed")).isFocused();
        assertThat(page.locator("#att-" + sam)).hasCount(0);
        assertThat(page.locator("[autofocus]")).hasCount(1);
        assertNoViolations("the check-in page after Remove");
    }

    /** The add form's "Already in your contacts" notice takes the focus (the walk: it came back with the focus nowhere). */
    @Test
    void theAddFormsSamePersonNoticeTakesTheFocus() {
        TestTeam team = TestTeam.create();
        PagesBrowserTest.contact(team, Map.of("fullName", "Sam Cole", "phone", "555-0101"));
        logIn(team);
        page.navigate(url("/contacts/new"));
        page.getByLabel("Full name (required)", new Page.GetByLabelOptions().setExact(true)).fill("Samuel Cole");
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("555 0101");
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).press("Enter");
        assertThat(page.locator("#same-person-said")).containsText("Already in your contacts");
        assertThat(page.locator("#same-person-said")).isFocused();
        assertThat(page.locator("[autofocus]")).hasCount(1);
    }

    private void newPerson(String name, String phone) {
        page.getByLabel("Full name (required)", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill(phone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in new person")).click();
    }
}
