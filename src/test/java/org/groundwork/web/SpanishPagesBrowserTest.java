package org.groundwork.web;

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
        page.waitForURL(u -> u.endsWith("/settings?saved=language"));
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
            page.waitForURL(u -> u.endsWith("/settings?saved=language"));
            // each page is loaded once per language and checked at both widths: the pages lay
            // themselves out by CSS alone (no script reads the width), so a resize shows the
            // page as loading it at that width would, and saves 44 loads
            for (String path : pages(ids)) {
                page.setViewportSize(1280, 900);
                page.navigate(url(path));
                for (int width : new int[]{1280, 375}) {
                    page.setViewportSize(width, 900);
                    assertEquals(language, page.locator("html").getAttribute("lang"), path);
                    for (Rule v : axe(page).getViolations()) {
                        violations.add(language + " " + width + "px " + path + ": " + v.getId() + " (" + v.getImpact() + ") at "
                                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /**
     * Issue 12, languages: the services' refusals (worded in English for the API) reach a Spanish page
     * in Spanish: a representative refusal of each kind is provoked through the pages as an organizer
     * who chose Spanish, and each answer shows its Spanish message and no English word of any bundle
     * (the refusals' English wordings included, in refusals_en).
     */
    @Test
    void refusalsOnSpanishPagesAreSaidInSpanish() throws IOException {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        Map<String, String> ids = seed(team);
        Session s = Session.logIn(team);
        s.open("/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        Map<String, String> answers = new LinkedHashMap<>(); // what was refused -> the page that says so
        Map<String, String> expected = new LinkedHashMap<>(); // what -> the Spanish words it must show

        // a duplicate at the door: Ana's number, typed again for "a new person"
        s.open("/actions/" + ids.get("action"));
        io.restassured.response.Response door = s.form().formParam("fullName", "ana martinez").formParam("phone", "600111222")
                .post("/actions/" + ids.get("action") + "/attendance/new");
        door.then().statusCode(303);
        answers.put("door", s.request().get(door.getHeader("Location")).then().statusCode(200).extract().asString());
        expected.put("door", "Ya está en tus contactos:");
        // her number under another name (a household's phone): asked, not checked in
        answers.put("door-asked", s.form().formParam("fullName", "Luis Martínez").formParam("phone", "600111222")
                .post("/actions/" + ids.get("action") + "/attendance/new").then().statusCode(200).extract().asString());
        expected.put("door-asked", "Ana Martínez, de tus contactos, tiene el mismo teléfono.");

        // a follow-up rescheduled into the past
        String followUp = team.api().body(Map.of("contactId", ids.get("ana"), "dueOn",
                LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), "purpose", "Llamar")).post("/api/v1/followups")
                .then().statusCode(201).extract().path("id");
        s.open("/");
        answers.put("past", s.form().formParam("dueOn", "2019-05-05").post("/followups/" + followUp + "/reschedule")
                .then().statusCode(400).extract().asString());
        expected.put("past", "Esa fecha ya pasó");

        // a level change to the level the contact already had
        s.open("/contacts/" + ids.get("ana"));
        answers.put("level", s.form().formParam("level", "less-involved").formParam("reason", "otra vez")
                .post("/contacts/" + ids.get("ana") + "/level").then().statusCode(409).extract().asString());
        expected.put("level", "Su nivel ya es menos implicado");

        // a tie that exists already (a conflict, with a word of ours inside it)
        String luis = team.api().queryParam("q", "Luis").get("/api/v1/contacts").then().extract().path("items[0].id");
        s.open("/contacts/" + luis + "?tieSearch=Ana");
        answers.put("tie", s.form().formParam("tieSearch", "Ana").formParam("otherContactId", ids.get("ana"))
                .formParam("tieKind", "listens-to").post("/contacts/" + luis + "/ties").then().statusCode(409)
                .extract().asString());
        expected.put("tie", "Estas dos personas ya tienen un vínculo");

        // a wrong current password
        s.open("/settings");
        answers.put("password", s.form().formParam("currentPassword", "no es esta").formParam("newPassword", "otra contraseña larga")
                .post("/settings/password").then().statusCode(400).extract().asString());
        expected.put("password", "Esta no es tu contraseña actual");

        // an import file with bad lines (two problems on one line, one on another)
        String file = """
                name,email,level
                Rosa Díaz,rosa-sin-arroba,jefa
                ,,
                Sam Okafor,sam@example.org,new
                """;
        String check = ImportPagesTest.upload(s, file);
        answers.put("import", s.request().get(check).then().statusCode(200).extract().asString());
        // the line's problems in the order the import checks them; the email by the API's rule
        // (contact/ContactFields), said per field as the page says it
        expected.put("import", "no es ninguno de estos: nuevo, menos implicado, cuadro; 'rosa-sin-arroba' no es una dirección de correo");

        // an over-long field
        s.open("/contacts/new");
        answers.put("long", s.form().formParam("fullName", "x".repeat(300)).formParam("engagementLevel", "new")
                .formParam("position", "base").post("/contacts").then().statusCode(400).extract().asString());
        expected.put("long", "Usa como máximo 200 caracteres (este tiene 300)");

        // another team's organization id on the contact form
        String theirs = created(other.api().body(Map.of("name", "Su almacén", "kind", "workplace")).post("/api/v1/organizations"));
        s.open("/contacts/new");
        answers.put("other team", s.form().formParam("fullName", "Marta Gil").formParam("engagementLevel", "new")
                .formParam("position", "base").formParam("organizationId", theirs).post("/contacts")
                .then().statusCode(400).extract().asString());
        expected.put("other team", "No hay ninguna organización con ese id en tu equipo");

        // an organization's name taken
        s.open("/organizations");
        answers.put("name taken", s.form().formParam("name", "Almacén Sur").formParam("kind", "workplace")
                .post("/organizations").then().statusCode(409).extract().asString());
        expected.put("name taken", "Tu equipo ya tiene una organización llamada «Almacén Sur»");

        List<Pattern> english = englishLeftovers();
        List<String> found = new ArrayList<>();
        // the file's own words (its header and values) and the words a file must use for a level or a
        // position are the file format's, not ours: the page names them as they are
        List<String> filesWords = new ArrayList<>(List.of(file.split("[,\\n]")));
        filesWords.add(org.groundwork.platform.Word.words(org.groundwork.contact.Level.class));
        filesWords.add(org.groundwork.platform.Word.words(org.groundwork.contact.Position.class));
        filesWords.sort((a, b) -> b.length() - a.length());
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            page.setContent(answer.getValue());
            String shown = shown(page);
            if (!shown.contains(expected.get(answer.getKey()))) {
                found.add(answer.getKey() + ": does not say \"" + expected.get(answer.getKey()) + "\" in:\n" + shown);
            }
            if (answer.getKey().equals("import")) {
                for (String word : filesWords) {
                    shown = word.isBlank() ? shown : shown.replace(word.strip(), "");
                }
            }
            for (Pattern p : english) {
                if (p.matcher(shown).find()) {
                    found.add(answer.getKey() + ": \"" + p.pattern().replace("(?<![\\p{L}])", "").replace("(?![\\p{L}])", "") + "\"");
                }
            }
        }
        assertTrue(found.isEmpty(), "refusals on Spanish pages:\n" + String.join("\n", found));
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
