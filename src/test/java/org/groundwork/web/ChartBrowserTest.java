package org.groundwork.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Media;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wall chart in Chromium: columns at 1280 px, sections at 375 px, axe-core, a move with htmx, and on A3 paper. */
@QuarkusTest
class ChartBrowserTest extends BrowserTest {

    record Built(TestTeam team, String org, String ana, String night) {
    }

    static Built build() {
        // the organization and units UnitPagesTest works on, with six people on them
        UnitPagesTest.Org o = UnitPagesTest.org();
        TestTeam team = o.team();
        String org = o.id();
        String ana = null;
        String[][] people = {{"Ana Alvarez", "new", o.day()}, {"Bea Brown", "cadre", o.day()},
                {"Cy Chen", "less-involved", o.night()}, {"Dee Diaz", "new", o.night()}, {"Eve Evans", "new", o.yard()},
                {"Fay Fox", "less-involved", null}};
        for (String[] p : people) {
            Map<String, Object> body = new HashMap<>();
            body.put("fullName", p[0]);
            body.put("engagementLevel", p[1]);
            body.put("organizationId", org);
            if (p[2] != null) {
                body.put("unitId", p[2]);
            }
            String id = team.api().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            if (ana == null) {
                ana = id;
            }
        }
        return new Built(team, org, ana, o.night());
    }

    List<BoundingBox> columns() {
        Locator cols = page.locator("section.chart-column");
        return cols.all().stream().map(Locator::boundingBox).toList();
    }

    @Test
    void columnsSideBySideAtDesktopWidthAndAMoveWithHtmx() {
        Built b = build();
        page.setViewportSize(1280, 900);
        logIn(b.team());
        page.navigate(url("/organizations/" + b.org() + "/chart"));
        List<BoundingBox> cols = columns();
        assertEquals(4, cols.size());
        // one row of columns, left to right
        for (int i = 1; i < cols.size(); i++) {
            assertEquals(cols.get(0).y, cols.get(i).y, 1.0, "column " + i + " starts on the same line");
            assertTrue(cols.get(i).x > cols.get(i - 1).x + cols.get(i - 1).width - 1, "column " + i + " is to the right");
        }
        assertNoViolations("the wall chart at 1280 px");

        // move Ana to the night shift: htmx loads the form into her card and swaps the board in place
        page.locator("#card-" + b.ana() + " a.move-link").click();
        // the form in the card takes the focus: its unit box
        page.waitForFunction("id => document.activeElement && document.activeElement.id === id", "unit-" + b.ana());
        page.locator("#unit-" + b.ana()).selectOption(b.night());
        assertNoViolations("the wall chart with a move form open");
        page.locator("#card-" + b.ana() + " form.move-form button[type=submit]").click();
        page.locator("section.chart-column:has(h2:text-is('Night shift')) #card-" + b.ana()).waitFor();
        assertTrue(page.url().endsWith("/organizations/" + b.org() + "/chart"), "htmx swapped the board, no navigation: " + page.url());
        // the focus is on the moved card in its new column, not lost to the body, and the live region says where it went
        page.waitForFunction("card => document.activeElement && document.activeElement.closest('li.card')"
                + " && document.activeElement.closest('li.card').id === card", "card-" + b.ana(),
                new Page.WaitForFunctionOptions().setTimeout(5_000));
        assertEquals("Ana Alvarez", page.evaluate("() => document.activeElement.textContent.trim()"));
        assertThat(page.locator("#chart-status[role=status]")).hasText("Ana Alvarez moved to Night shift.");
        assertNoViolations("the wall chart after a move");
        b.team().api().get("/api/v1/contacts/" + b.ana()).then().statusCode(200)
                .body("unitId", org.hamcrest.Matchers.is(b.night()));
    }

    /**
     * A card's Move from a chart drawn before the person changed organization: said on the board, the chart kept,
     * and the live region's word of an earlier move emptied.
     */
    @Test
    void aStaleMoveLinkIsSaidOnTheBoardWithHtmx() {
        Built b = build();
        page.setViewportSize(1280, 900);
        logIn(b.team());
        page.navigate(url("/organizations/" + b.org() + "/chart"));
        // first a move with htmx, which the live region says
        page.locator("#card-" + b.ana() + " a.move-link").click();
        page.locator("#unit-" + b.ana()).selectOption(b.night());
        page.locator("#card-" + b.ana() + " form.move-form button[type=submit]").click();
        assertThat(page.locator("#chart-status")).hasText("Ana Alvarez moved to Night shift.");
        String elsewhere = b.team().organization("Elsewhere", "workplace");
        b.team().api().body(Map.of("organizationId", elsewhere)).patch("/api/v1/contacts/" + b.ana()).then().statusCode(200);

        page.locator("#card-" + b.ana() + " a.move-link").click();
        Locator said = page.locator("#board p.error[role=alert]");
        assertThat(said).hasText("Ana Alvarez is not in this organization any more; open the chart again.");
        // the refusal has the focus, and the chart is still the page: its heading, filters and the others' cards
        page.waitForFunction("() => document.activeElement && document.activeElement.matches('#board p.error')");
        assertTrue(page.url().endsWith("/organizations/" + b.org() + "/chart"), "no navigation: " + page.url());
        assertThat(page.locator("h1")).hasText("Wall chart: Harbour Depot");
        assertTrue(page.locator("form.chart-filters").isVisible(), "the filters are kept");
        assertEquals(0, page.locator("#card-" + b.ana()).count(), "the board as it is now");
        assertEquals(5, page.locator("li.card").count(), "the others' cards");
        // the word of the earlier move is gone: it no longer says the page
        assertEquals("", page.locator("#chart-status").textContent().trim());
        assertNoViolations("the wall chart after a stale move link");
    }

    @Test
    void columnsBecomeSectionsOnAPhone() {
        Built b = build();
        logIn(b.team());
        page.navigate(url("/organizations/" + b.org() + "/chart"));
        List<BoundingBox> cols = columns();
        for (int i = 1; i < cols.size(); i++) {
            assertTrue(cols.get(i).y >= cols.get(i - 1).y + cols.get(i - 1).height - 1, "section " + i + " is under the one before");
        }
        assertTrue(fitsWidth(), "nothing wider than the phone");
        assertNoViolations("the wall chart at 375 px");
        page.navigate(url("/organizations/" + b.org() + "/leaders"));
        assertNoViolations("the leaders page at 375 px");
        page.navigate(url("/organizations"));
        assertNoViolations("the organizations list at 375 px");
        page.navigate(url("/organizations/" + b.org()));
        assertNoViolations("an organization's page at 375 px");
        page.navigate(url("/contacts/" + b.ana()));
        assertNoViolations("a contact page with its ties at 375 px");
    }

    /** The units on the organization's page, a unit's page and the contact form's unit field, at both widths. */
    @Test
    void unitPagesAndTheUnitFieldAtBothWidths() {
        Built b = build();
        logIn(b.team());
        for (int width : new int[]{375, 1280}) {
            page.setViewportSize(width, 900);
            page.navigate(url("/organizations/" + b.org()));
            assertTrue(fitsWidth() || width > 375, "nothing wider than the phone");
            assertNoViolations("an organization's units at " + width + " px");
            page.navigate(url("/organizations/" + b.org() + "/units/" + b.night()));
            assertTrue(page.locator("select#f-moveTo").isVisible(), "the people of the night shift can be moved");
            assertNoViolations("a unit's page at " + width + " px");
            page.navigate(url("/contacts/new"));
            assertNoViolations("the add contact form at " + width + " px");
            page.navigate(url("/contacts/" + b.ana() + "/edit"));
            assertNoViolations("the edit contact form at " + width + " px");
        }
        // with htmx: Yard goes up in place, and choosing an organization fills the unit select
        page.navigate(url("/organizations/" + b.org()));
        page.locator("#unit-list form[action$='/up'] button:has-text('Yard')").click();
        page.waitForFunction("() => document.querySelector('#unit-list li:nth-child(2)').id.length > 0"
                + " && document.querySelector('#unit-list li:nth-child(2) a').textContent === 'Yard'");
        assertTrue(page.url().endsWith("/organizations/" + b.org()), "swapped in place: " + page.url());
        page.navigate(url("/contacts/new"));
        assertEquals(1, page.locator("#f-unitId option").count(), "only no unit before an organization is chosen");
        page.locator("#f-organizationId").selectOption(b.org());
        page.locator("#f-unitId option:text-is('Night shift')").waitFor(
                new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.locator("#f-fullName").fill("Gil Garcia");
        page.locator("#f-unitId").selectOption(b.night());
        page.locator("form[action='/contacts'] button[type=submit]").click();
        page.waitForURL(u -> u.matches(".*/contacts/[0-9a-f-]{36}\\?saved=contact-added$"));
        String id = page.url().replaceAll(".*/contacts/([0-9a-f-]{36}).*", "$1");
        b.team().api().get("/api/v1/contacts/" + id).then().statusCode(200)
                .body("unitId", org.hamcrest.Matchers.is(b.night()));
    }

    @Test
    void printsOnA3LandscapeWithEveryColumn() throws Exception {
        Built b = build();
        page.setViewportSize(1280, 900);
        logIn(b.team());
        page.navigate(url("/organizations/" + b.org() + "/chart"));
        // as printed: no navigation or filters, all four columns side by side
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertTrue(!page.locator("header.top").isVisible() && !page.locator("form.chart-filters").isVisible());
        List<BoundingBox> cols = columns();
        for (int i = 1; i < cols.size(); i++) {
            assertEquals(cols.get(0).y, cols.get(i).y, 1.0, "printed column " + i + " on the same line");
        }
        byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A3").setLandscape(true).setPrintBackground(true));
        Path file = Path.of("target", "wall-chart.pdf");
        Files.write(file, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages(), "six people fit on one sheet");
            PDRectangle box = doc.getPage(0).getMediaBox();
            // A3 landscape: 420 x 297 mm = 1190.55 x 841.89 pt
            assertEquals(1190.5, box.getWidth(), 2.0);
            assertEquals(841.9, box.getHeight(), 2.0);
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of("Wall chart: Harbour Depot", "Day shift", "Night shift", "Yard", "No unit",
                    "Ana Alvarez", "Fay Fox", "Talked to in 30 days")) {
                assertTrue(text.contains(expected), expected + " in the PDF: " + text);
            }
            assertTrue(!text.contains("Log out"), "no navigation on paper");
        }
    }
}
