package org.groundwork.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings page's download link, in a real browser: a click saves the team's zip. */
@QuarkusTest
class ArchiveBrowserTest extends BrowserTest {

    @Test
    void theDownloadLinkSavesTheTeamsArchive() throws IOException {
        TestTeam team = TestTeam.create();
        logIn(team);
        assertAccessible("/settings");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Download this team's archive")).click());
        assertTrue(download.suggestedFilename().endsWith(".zip"), download.suggestedFilename());
        try (InputStream in = Files.newInputStream(download.path()); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry first = zip.getNextEntry();
            assertEquals("manifest.json", first.getName());
            assertTrue(new String(zip.readAllBytes()).contains(team.teamId), "the manifest names the team");
        }
    }
}
