package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.followup.ContactRows;
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

/**
 * Issue 12, friction 5: page lists that grow without bound show a page and a link to the next.
 * The organizers page used to stop at 200 people with no way on; the organizations page listed
 * every organization at once.
 */
@QuarkusTest
class ListPagingTest {

    private static final Pattern NEXT = Pattern.compile("<a href=\"(/[a-z]+\\?cursor=[^\"]+)\">More ");

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
