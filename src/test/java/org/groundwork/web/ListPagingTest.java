package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.followup.ContactRows;
import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, friction 5: page lists that grow without bound show a page and a link to the next.
 * The organizers page used to stop at 200 people with no way on; the organizations page listed
 * every organization at once.
 */
@QuarkusTest
class ListPagingTest {

    /** OrganizationPages.LIST_SIZE: the organizations page's rows a page. */
    private static final int PAGE = 50;

    private static final Pattern NEXT = Pattern.compile("<a href=\"(/[a-z]+\\?cursor=[^\"]+)\">More ");

    /**
     * A later page of the contacts list opened without script (its "More contacts" link) leads back to the first,
     * filters kept: a walk had only the browser's Back. The first page has no such link.
     */
    @Test
    void aLaterContactsPageLeadsBackToTheFirst() {
        TestTeam team = TestTeam.create();
        for (int i = 0; i < 23; i++) {
            ContactRows.in(team).name("Pager " + i).level("cadre").insert();
        }
        Session s = Session.logIn(team);
        String first = s.open("/contacts?level=cadre");
        assertFalse(first.contains("Back to the first contacts"), "none on the first page");
        Matcher next = Pattern.compile("<a href=\"(/contacts\\?cursor=[^\"]+)\"").matcher(first);
        assertTrue(next.find(), first);
        String second = s.open(next.group(1).replace("&amp;", "&"));
        assertTrue(second.contains("<a href=\"/contacts?level=cadre\">Back to the first contacts</a>"), second);
    }

    @Test
    void organizersComeFiftyAPageWithMoreOrganizers() {
        TestTeam team = TestTeam.create();
        for (int i = 0; i < 55; i++) {
            ContactRows.sql("insert into organizer (id, team_id, email, display_name, role, password_hash)"
                            + " values (?1, ?2, ?3, ?4, 'organizer', 'no login')", UUID.randomUUID(),
                    UUID.fromString(team.teamId), "o" + i + "-" + TestTeam.unique() + "@groundwork.test", "Organizer " + i);
        }
        Session s = Session.logIn(team);
        List<String> seen = walk(s, "/organizers", "<td data-label=\"Name\">(Organizer \\d+|Admin[^<]*)</td>");
        assertEquals(2, pages, "two pages");
        assertEquals(56, seen.size(), "everyone once: the admin and 55 more");
        assertEquals(56, new HashSet<>(seen).size());
    }

    @Test
    void organizationsComeFiftyAPageByNameWithMoreOrganizations() {
        TestTeam team = TestTeam.create();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            names.add((i % 2 == 0 ? "Depot " : "depot ") + String.format("%02d", i));
        }
        names.add("Local 7 | Drivers"); // a bar in the name must not break the cursor
        for (String name : names) {
            team.api().body(Map.of("name", name, "kind", "workplace")).post("/api/v1/organizations")
                    .then().statusCode(201);
        }
        Session s = Session.logIn(team);
        List<String> seen = walk(s, "/organizations", "<th scope=\"row\"><a href=\"/organizations/[^\"]+\">([^<]+)</a>");
        assertEquals(2, pages);
        List<String> expected = new ArrayList<>(names);
        expected.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(expected, seen, "every organization once, by name across the pages");

        // a cursor the page did not give out is a clear 400 page, never a 500
        s.request().accept("text/html").get("/organizations?cursor=not-a-cursor").then().statusCode(400)
                .body(not(containsString("Exception")));
        s.request().accept("text/html").get("/organizers?cursor=" + "A".repeat(500)).then().statusCode(400);
    }

    /**
     * The organizations page's cursor holds the last name shown; a forged one (the tag is no secret)
     * with a NUL in that name reached PostgreSQL, which takes no NUL in text: a 500 page. It is the
     * 400 of any cursor the page did not give out.
     */
    @Test
    void aForgedOrganizationsCursorWithANulIsA400Page() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String forged = org.groundwork.platform.Cursor.of(UUID.fromString(team.teamId), "organizations by name").of("a\u0000b", UUID.randomUUID());
        s.request().accept("text/html").queryParam("cursor", forged).get("/organizations").then().statusCode(400)
                .body(not(containsString("Exception")));
        String fine = org.groundwork.platform.Cursor.of(UUID.fromString(team.teamId), "organizations by name").of("ab", UUID.randomUUID());
        s.request().accept("text/html").queryParam("cursor", fine).get("/organizations").then().statusCode(200);
    }

    /**
     * Names whose lower case is not one thing: Java's toLowerCase gives "i̇" (i and a combining dot)
     * for "İ" and a final "ς" for "ΟΔΟΣ" where PostgreSQL gives "i" and "σ" (and, under a C
     * locale, leaves É as it is). Names equal but for PostgreSQL's case are one name to the team
     * (organization_name_key), so these differ in every locale, most of them not to Java. A key
     * lower-cased by Java skipped "Istanbul Sendikası Şubesi" after "İstanbul Sendikası" and showed
     * "ΟΔΟΣ" again after itself.
     * Each walk moves the page boundary one name along (one more filler before them), so every
     * pair of neighbours is a boundary once: each name is seen exactly once, in the database's order.
     */
    @Test
    void organizationsPageByTheDatabasesLowerCaseWhateverTheLetters() {
        TestTeam team = TestTeam.create();
        List<String> names = List.of("İstanbul Sendikası", "Istanbul Sendikası Şubesi", "Istanbul Sendikasi",
                "ıstanbul", "Straße 1", "STRASSE 1", "ΟΔΟΣ", "ΟΔΟΣ 2", "οδος", "Émile", "emile", "Zürich", "ZURICH");
        for (String name : names) {
            team.api().body(Map.of("name", name, "kind", "workplace")).post("/api/v1/organizations").then().statusCode(201);
        }
        int fillers = 0;
        for (; fillers <= PAGE - names.size(); fillers++) {
            filler(team, fillers);
        }
        Session s = Session.logIn(team);
        // the order the list promises (lower(name), id), as PostgreSQL computes it, unpaged
        List<String> expected = AllTeams.call(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select name from organization where team_id = ?1 order by lower(name), id", String.class)
                .setParameter(1, UUID.fromString(team.teamId)).getResultList().stream().map(String::valueOf).toList());
        for (; fillers <= PAGE; fillers++) {
            // names.size() - 1 boundaries between the names, then one just before the first of them
            List<String> seen = walk(s, "/organizations", "<th scope=\"row\"><a href=\"/organizations/[^\"]+\">([^<]+)</a>");
            assertEquals(2, pages, fillers + " fillers: two pages");
            assertEquals(expected, seen, fillers + " fillers: every organization once, in the database's order");
            filler(team, fillers);
            expected = new ArrayList<>(expected);
            expected.add(fillers, String.format("0 filler %02d", fillers));
        }
    }

    private static void filler(TestTeam team, int i) {
        // "0 …" sorts before every letter, so each filler pushes the names one row further down
        team.api().body(Map.of("name", String.format("0 filler %02d", i), "kind", "workplace"))
                .post("/api/v1/organizations").then().statusCode(201);
    }

    private int pages;

    /** Follows "More …" from the first page to the last; the names found, in order. */
    private List<String> walk(Session s, String first, String row) {
        List<String> seen = new ArrayList<>();
        pages = 0;
        String path = first;
        while (path != null) {
            String html = s.request().get(path).then().statusCode(200).extract().asString();
            pages++;
            Matcher m = Pattern.compile(row).matcher(html);
            while (m.find()) {
                seen.add(m.group(1).replace("&amp;", "&"));
            }
            Matcher next = NEXT.matcher(html);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        return seen;
    }
}
