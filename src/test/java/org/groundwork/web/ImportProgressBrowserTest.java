package org.groundwork.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 50,000-row file imported from the import page runs in the background: the page's progress
 * fragment, polled by htmx, shows the rows read going up, then the import's result, without the
 * organizer reloading anything.
 */
@QuarkusTest
class ImportProgressBrowserTest extends BrowserTest {

    static final int ROWS = 50_000;

    @Test
    void theImportPageShowsProgressWhileALargeFileIsImported() throws Exception {
        long started = System.nanoTime();
        TestTeam team = TestTeam.create();
        // one short column keeps 50,000 rows under the test profile's 1 MB upload limit
        StringBuilder csv = new StringBuilder(ROWS * 14).append("Name\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Member ").append(String.format("%05d", i)).append('\n');
        }
        Path file = Files.createTempFile("members-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try {
            page.setDefaultTimeout(60_000);
            logIn(team);
            page.navigate(url("/contacts/import"));
            page.locator("#f-file").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 50000 contacts")).click();
            page.waitForURL(u -> u.contains("/contacts/import/jobs/"));
            String jobPage = page.url();

            // while it runs: the fragment asks for itself every second, and a plain link does the same without script
            assertThat(page.locator("#import-progress")).hasAttribute("hx-trigger", "every 1s");
            assertTrue(jobPage.endsWith(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Refresh"))
                    .getAttribute("href")), "the Refresh link reloads this page");

            List<Integer> seen = new ArrayList<>();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (page.locator("#import-summary").count() == 0) {
                Object read = page.evaluate("() => { const r = document.querySelector('#rows-read');"
                        + " return r ? r.textContent : null; }");
                if (read != null) {
                    int n = Integer.parseInt(read.toString().trim());
                    if (seen.isEmpty() || seen.get(seen.size() - 1) != n) {
                        seen.add(n);
                    }
                }
                assertTrue(System.nanoTime() < deadline, "the import finished within 90 s; rows read seen: " + seen);
                page.waitForTimeout(150);
            }
            assertEquals(jobPage, page.url(), "the progress and the result came without leaving the page");
            assertTrue(seen.size() >= 2, "the rows read changed while the page watched: " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "rows read only go up: " + seen);
            }
            assertThat(page.locator("#import-summary")).containsText("50000 new contacts");
            assertThat(page.locator("h1")).hasText("Import done");
            // done: the fragment no longer asks for itself
            assertNull(page.locator("#import-progress").getAttribute("hx-get"));
            System.out.printf("BROWSER 50,000-row import through the page: rows read seen %s; %.1f s for the whole test%n",
                    seen, (System.nanoTime() - started) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
