package org.groundwork.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, languages: an organizer who chose Spanish walks the main pages and finds no English
 * word of the bundle left (their visible text, titles, aria-labels and meta descriptions, compared
 * with every English message that differs from its Spanish one), and every page passes axe-core
 * with no violation of any impact at 1280 and 375 px, in Spanish and in English, with the html
 * lang attribute following the language.
 */
@QuarkusTest
class SpanishPagesBrowserTest extends BrowserTest {

    /** The data of the walk, written in Spanish so it is never taken for a leftover English word. */
    private Map<String, String> seed(TestTeam team) {
        String org = created(team.api().body(Map.of("name", "Almacén Sur", "kind", "workplace")).post("/api/v1/organizations"));
        String unit = created(team.api().body(Map.of("name", "Turno de noche", "kind", "shift"))
                .post("/api/v1/organizations/" + org + "/units"));
        String work = created(team.api().body(Map.of("name", "Comité del almacén", "focus", "bring-in-new",
                "justification", "Llegar a quien nunca vino")).post("/api/v1/works"));
        String ana = created(team.api().body(Map.of("fullName", "Ana Martínez", "phone", "600 111 222",
                "organizationId", org, "unitId", unit, "engagementLevel", "less-involved", "position", "base"))
                .post("/api/v1/contacts"));
        String luis = created(team.api().body(Map.of("fullName", "Luis Pérez", "organizationId", org))
                .post("/api/v1/contacts"));
        team.api().body(Map.of("otherContactId", ana, "kind", "listens-to")).post("/api/v1/contacts/" + luis + "/ties")
                .then().statusCode(201);
        String action = created(team.api().body(Map.of("title", "Piquete en la puerta", "kind", "picket",
                "startsAt", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString(),
                "durationMinutes", 90, "workId", work)).post("/api/v1/actions"));
        team.api().body(List.of(Map.of("contactId", luis, "firstTime", true)))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200);
        team.api().body(Map.of("contactId", ana, "durationMinutes", 45, "channel", "house-visit",
                        "summary", "Hablamos del alquiler", "issues", "la renta", "workId", work,
                        "nextStep", Map.of("dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString(), "purpose", "Llamar")))
                .post("/api/v1/conversations").then().statusCode(201);
        return Map.of("org", org, "ana", ana, "action", action, "work", work);
    }

    /**
     * What a page says: its title, its text (hidden text for screen readers too), aria-labels, titles
     * and description; without what is marked translate="no" (the CSV headers the import reads,
     * which are the files' words, not ours), without code, and without the names of other products.
     */
    private static String shown(Page page) {
        return (String) page.evaluate("() => { const body = document.body.cloneNode(true);"
                + " body.querySelectorAll('[translate=no], code, script').forEach(e => e.remove());"
                + " return [document.title, body.textContent.replace(/Action Network|Google Contacts|Google Authenticator/g, ''),"
                + " ...[...document.querySelectorAll('[aria-label],[title],meta[name=description]')]"
                + ".map(e => e.getAttribute('aria-label') || e.getAttribute('title') || e.getAttribute('content'))].join('\\n'); }");
    }

    private static String created(io.restassured.response.Response r) {
        return r.then().statusCode(201).extract().path("id");
    }

    private static List<String> pages(Map<String, String> ids) {
        return List.of("/", "/contacts", "/contacts/" + ids.get("ana"), "/contacts/new",
                "/contacts/" + ids.get("ana") + "/edit", "/conversations/new?contact=" + ids.get("ana"),
                "/actions", "/actions/" + ids.get("action"), "/works", "/works/" + ids.get("work"),
                "/organizations", "/organizations/" + ids.get("org"), "/organizations/" + ids.get("org") + "/chart",
                "/organizations/" + ids.get("org") + "/leaders", "/reports/time?period=30", "/reports/movement?period=30",
                "/contacts/import", "/settings", "/settings/two-factor", "/organizers", "/audit",
                "/contacts/" + UUID.randomUUID());
    }

    @Test
    void theMainPagesInSpanishHaveNoEnglishLeft() throws IOException {
        TestTeam team = TestTeam.create();
        Map<String, String> ids = seed(team);
        logIn(team);
        // the organizer chooses Spanish in Settings; the next page is Spanish
        page.navigate(url("/settings"));
        page.getByLabel("Language of your pages").selectOption("es");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save language")).click();
        page.waitForURL(u -> u.endsWith("/settings"));
        assertEquals("es", page.locator("html").getAttribute("lang"));

        List<Pattern> english = englishLeftovers();
        List<String> found = new ArrayList<>();
        for (String path : pages(ids)) {
            page.navigate(url(path));
            assertEquals("es", page.locator("html").getAttribute("lang"), path);
            String shown = shown(page);
            for (Pattern p : english) {
                if (p.matcher(shown).find()) {
                    found.add(path + ": \"" + p.pattern().replace("(?<![\\p{L}])", "").replace("(?![\\p{L}])", "") + "\"");
                }
            }
        }
        // before login: the browser's language decides
        try (BrowserContext spanish = browser.newContext(new Browser.NewContextOptions().setLocale("es-ES")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "es-ES,es;q=0.9")))) {
            Page login = spanish.newPage();
            login.navigate(url("/login"));
            assertEquals("es", login.locator("html").getAttribute("lang"));
            String shown = shown(login);
            for (Pattern p : english) {
                if (p.matcher(shown).find()) {
                    found.add("/login: \"" + p.pattern() + "\"");
                }
            }
        }
        assertTrue(found.isEmpty(), "English left on Spanish pages:\n" + String.join("\n", found));
    }

    @Test
    void everyPagePassesAxeAtBothWidthsInBothLanguages() {
        TestTeam team = TestTeam.create();
        Map<String, String> ids = seed(team);
        logIn(team);
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            page.navigate(url("/settings"));
            page.locator("#f-language").selectOption(language);
            page.locator("form[action='/settings/language'] button").click();
            page.waitForURL(u -> u.endsWith("/settings"));
            for (int width : new int[]{1280, 375}) {
                page.setViewportSize(width, 900);
                for (String path : pages(ids)) {
                    page.navigate(url(path));
                    assertEquals(language, page.locator("html").getAttribute("lang"), path);
                    for (Rule v : new AxeBuilder(page).analyze().getViolations()) {
                        violations.add(language + " " + width + "px " + path + ": " + v.getId() + " (" + v.getImpact() + ") at "
                                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /**
     * Every English message that a Spanish page must not show: its fixed words (the text between
     * parameters), where they differ from the Spanish message, matched as whole words.
     */
    static List<Pattern> englishLeftovers() throws IOException {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String bundle : MessageBundleTest.BUNDLES) {
            leftovers(MessageBundleTest.load(bundle, "en"), MessageBundleTest.load(bundle, "es"), patterns);
        }
        return new ArrayList<>(patterns.values());
    }

    private static void leftovers(Properties en, Properties es, Map<String, Pattern> patterns) {
        for (String key : en.stringPropertyNames()) {
            String english = en.getProperty(key).strip();
            if (english.equals(es.getProperty(key, "").strip()) || english.contains("{#")) {
                continue;
            }
            for (String part : english.split("\\{[^}]*\\}")) {
                String words = part.strip().replaceAll("^[\\p{Punct}\\s·→“”]+|[\\p{Punct}\\s·→“”]+$", "");
                if (words.length() < 3 || !words.matches(".*\\p{L}{3}.*") || es.getProperty(key).contains(words)) {
                    continue;
                }
                patterns.putIfAbsent(words, Pattern.compile("(?<![\\p{L}])" + Pattern.quote(words) + "(?![\\p{L}])"));
            }
        }
    }
}
