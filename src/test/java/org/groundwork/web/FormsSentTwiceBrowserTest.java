package org.groundwork.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two defects a new organizer met in a browser walk, in the browser: Back and submit again
 * logged a conversation twice; two tabs editing one contact lost the second tab's typing.
 */
@QuarkusTest
class FormsSentTwiceBrowserTest extends BrowserTest {

    private void fillTheLogForm() {
        page.getByLabel("When").fill("2026-05-01T18:30");
        page.getByLabel("Summary").fill("Door-knocking on Elm Street");
        page.getByLabel("Duration (minutes)").fill("25");
    }

    @Test
    void backAndSubmitAgainLogsTheConversationOnce() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Dolores Huerta"));
        logIn(team);
        page.navigate(url("/conversations/new?contact=" + id));
        fillTheLogForm();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log conversation")).click();
        page.waitForURL(u -> u.contains("/contacts/" + id));
        assertThat(page.locator("#saved-already")).hasCount(0);

        // Back to the form (drawn again: pages are not cached), the same words, submit again
        page.goBack();
        page.waitForURL(u -> u.contains("/conversations/new"));
        fillTheLogForm();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log conversation")).click();
        page.waitForURL(u -> u.contains("/contacts/" + id) && u.contains("saved=already"));
        assertThat(page.locator("#saved-already")).containsText("This was saved already");
        assertEquals(1, OneTimeKeyPagesTest.conversations(team, id));
    }

    @Test
    void twoTabsEditingOneContactKeepTheSecondTabsTyping() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Diaz", "phone", "718 555 0101"));
        logIn(team);
        Page first = page;
        Page second = context.newPage();
        second.setDefaultTimeout(15_000);
        first.navigate(url("/contacts/" + id + "/edit"));
        second.navigate(url("/contacts/" + id + "/edit"));

        first.getByLabel("Phone").fill("718 555 0199");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save details")).click();
        first.waitForURL(u -> u.endsWith("/contacts/" + id + "?saved=details"));

        second.getByLabel("Full name").fill("Rosa María Díaz");
        second.getByLabel("Notes").fill("Chairs the tenants meeting");
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save details")).click();
        assertThat(second.getByRole(AriaRole.ALERT)).containsText("This was saved elsewhere while you were editing");
        // the form shows what is saved (the first tab's phone), and keeps what the second typed in the fields
        // the first left as they were: nothing to copy back
        assertThat(second.getByRole(AriaRole.ALERT)).containsText("keeps yours");
        assertThat(second.getByLabel("Phone")).hasValue("718 555 0199");
        assertThat(second.getByLabel("Full name")).hasValue("Rosa María Díaz");
        assertThat(second.getByLabel("Notes")).hasValue("Chairs the tenants meeting");
        // the phone this tab never touched is not said: the form knows what it drew (Form.DRAWN), and saving
        // the old phone back would undo the first tab's change
        assertThat(second.locator("[id$='-typed']")).hasCount(0);
        // the message above the form has the focus, as a refused form's first message does
        assertThat(second.getByRole(AriaRole.ALERT)).isFocused();
        assertEquals("718 555 0199", team.api().get("/api/v1/contacts/" + id).then().extract().path("phone"));

        // saved again as it is: it goes through, and the first tab's phone stays
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save details")).click();
        second.waitForURL(u -> u.endsWith("/contacts/" + id + "?saved=details"));
        assertEquals("Chairs the tenants meeting", team.api().get("/api/v1/contacts/" + id).then().extract().path("notes"));
        assertEquals("Rosa María Díaz", team.api().get("/api/v1/contacts/" + id).then().extract().path("fullName"));
        assertEquals("718 555 0199", team.api().get("/api/v1/contacts/" + id).then().extract().path("phone"));
    }
}
