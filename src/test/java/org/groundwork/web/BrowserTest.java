package org.groundwork.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URL;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium) against the app the test run
 * started: one browser per test class, a fresh context (cookies) per test.
 */
abstract class BrowserTest {

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        // a phone's width: every page must be usable at 375 px
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 800));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    /** This test's page from here on in a browser with JavaScript off, at the same phone's width. */
    void withoutScripts() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 800).setJavaScriptEnabled(false));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    String url(String path) {
        String root = base.toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
    }

    void logIn(TestTeam team) {
        page.navigate(url("/login"));
        page.getByLabel("Email").fill(team.adminEmail);
        page.getByLabel("Password").fill(TestTeam.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /**
     * axe-core's full run (every rule, every impact) on the page as it is now. Our pages have no
     * frames, so axe runs in the page itself (the library's legacy mode): its default mode, made for
     * cross-origin frames, opens another browser page and injects axe a second time to finish each
     * run, which doubled the time of every check for the same results (same rules, same passes,
     * violations and incomplete ones, node for node). A page with frames still gets the default.
     */
    static AxeResults axe(Page page) {
        return new AxeBuilder(page).setLegacyMode(page.frames().size() == 1).analyze();
    }

    /** axe-core on the page as shown: no serious or critical violations. */
    void assertAccessible(String path) {
        page.navigate(url(path));
        AxeResults results = axe(page);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        if (!bad.isEmpty()) {
            fail(path + " has accessibility violations: " + bad.stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; ")));
        }
    }

    /** axe-core on the page as it is now (after htmx's swaps too): no violations at all. */
    void assertNoViolations(String what) {
        List<Rule> bad = axe(page).getViolations();
        if (!bad.isEmpty()) {
            fail(what + " has accessibility violations: " + bad.stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; ")));
        }
    }

    /** Nothing may be wider than the phone's screen. */
    boolean fitsWidth() {
        Object wide = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
        return Boolean.TRUE.equals(wide);
    }
}
