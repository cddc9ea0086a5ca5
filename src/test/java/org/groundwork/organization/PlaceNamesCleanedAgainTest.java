package org.groundwork.organization;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Text;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V28_15 cleans the names of places stored before the rule of the forty-fourth session (session 44's
 * review: an "Acme" with an Arabic letter mark and a new "Acme" were two places of the same look).
 * Flyway ran it on an empty database at start, so this test stores names as they were stored before
 * (straight into the tables, past the app's rule), runs the migration's file again, and compares each
 * name with what {@link Text#placeName} makes of it now; one that another place holds is numbered.
 */
@QuarkusTest
class PlaceNamesCleanedAgainTest {

    private static final String MIGRATION = "db/migration/V28_15__place_names_cleaned_again.sql";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void placeNamesStoredBeforeAreCleanedAsTheAppCleansThemNowAndClashesNumbered() throws Exception {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        Map<UUID, String> expected = new LinkedHashMap<>();
        try (Connection c = AllTeams.connection(dataSource)) {
            UUID teamId = UUID.fromString(team.teamId);
            // the rule's cases, each alone in its team: cleaned as Text.placeName cleans them
            for (String dirty : new String[] {"\u061CHarbor Depot", "Day\u3164Shift Plant", "Ana\u200D Works",
                    "\u200DZeta Mill", "Cafe\u0301 Roma", "Musical\u2062 Hall", "Khmer\u17B4 Market", "Bars\uD834\uDD73 Inn",
                    "Fill\u115Fer Yard", "Cafe\u00AD\u0301 Noir", "14\u200D00 River Street", "Mill\u200CRoad Co"}) {
                expected.put(organization(c, teamId, dirty), Text.placeName(dirty));
            }
            // kept as they were: joiners where a script joins with them (Persian, Devanagari after a virama), and a
            // name that would show nothing
            expected.put(organization(c, teamId, "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),
                    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645");
            expected.put(organization(c, teamId, "\u0915\u094d\u200d\u0937 Sangh"), "\u0915\u094d\u200d\u0937 Sangh");
            // and past U+FFFF (the review: Java's lookbehind lost these): Brahmi after its virama, Adlam
            String brahmi = "\uD804\uDC15\uD804\uDC46\u200D\uD804\uDC29 Sabha";
            String adlam = "\uD83A\uDD00\u200C\uD83A\uDD01 Ton";
            expected.put(organization(c, teamId, brahmi), brahmi);
            expected.put(organization(c, teamId, adlam), adlam);
            org.junit.jupiter.api.Assertions.assertEquals(brahmi, Text.placeName(brahmi));
            org.junit.jupiter.api.Assertions.assertEquals(adlam, Text.placeName(adlam));
            org.junit.jupiter.api.Assertions.assertEquals("1400 River Street", Text.placeName("14\u200D00 River Street"));
            expected.put(organization(c, teamId, "\u200D\u061C"), "\u200D\u061C");
            // a clash: the older keeps the name, the one cleaned into it is numbered; another team's is no clash
            UUID acme = organization(c, teamId, "Acme");
            expected.put(acme, "Acme");
            expected.put(organization(c, teamId, "acme\u061C"), "acme (2)");
            expected.put(organization(c, teamId, "\u2061Acme"), "Acme (3)");
            UUID theirs = organization(c, UUID.fromString(other.teamId), "Acme\u061C");
            expected.put(theirs, "Acme");
            // units: a clash under one parent is numbered, the same name under another parent is not
            UUID nights = unit(c, teamId, acme, null, "Nights");
            UUID nights2 = unit(c, teamId, acme, null, "Nights\u2062");
            UUID dock = unit(c, teamId, acme, null, "Dock");
            UUID dockNights = unit(c, teamId, acme, dock, "\u2063Nights");

            try (InputStream in = getClass().getClassLoader().getResourceAsStream(MIGRATION); Statement s = c.createStatement()) {
                s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            for (Map.Entry<UUID, String> e : expected.entrySet()) {
                assertEquals(e.getValue(), name(c, "organization", e.getKey()), "organization " + e.getKey());
            }
            assertEquals("Nights", name(c, "unit", nights));
            assertEquals("Nights (2)", name(c, "unit", nights2));
            assertEquals("Nights", name(c, "unit", dockNights));
            // a form opened before is told the place changed; one left alone keeps its version
            assertEquals(1L, version(c, "unit", nights2));
            assertEquals(0L, version(c, "unit", nights));
        }
        // the cleaned names answer through the API as any other: the name taken is a 409
        team.api().body(Map.of("name", "Harbor Depot")).post("/api/v1/organizations").then().statusCode(409);
    }

    /**
     * V28_17: an accent at the start of a name and the noncharacters are left out since the forty-eighth session; a
     * place, a unit or a person stored with them before is cleaned, a clash numbered, a name that would show nothing
     * kept (the review: "Acme" + U+FFFF and a new "Acme" were two organizations of the same look).
     */
    @Test
    void namesWithALeadingAccentOrANoncharacterAreCleanedByV28_17() throws Exception {
        TestTeam team = TestTeam.create();
        try (Connection c = AllTeams.connection(dataSource)) {
            UUID teamId = UUID.fromString(team.teamId);
            UUID acme = organization(c, teamId, "Acme");
            UUID acme2 = organization(c, teamId, "Acme\uFFFF");
            UUID depot = organization(c, teamId, "\u0301Depot");
            UUID blank = organization(c, teamId, "\uE000");
            UUID nights = unit(c, teamId, acme, null, "\u0308Nights\uFDD0");
            UUID person = Ids.next();
            update(c, "insert into contact (id, team_id, full_name) values (?, ?, ?)", person, teamId, "\u0301Ana L\uFFFFópez");
            db.migration.V28_17__names_that_show_something.clean(c);
            assertEquals("Acme", name(c, "organization", acme));
            assertEquals("Acme (2)", name(c, "organization", acme2));
            assertEquals("Depot", name(c, "organization", depot));
            assertEquals("\uE000", name(c, "organization", blank));
            assertEquals("Nights", name(c, "unit", nights));
            assertEquals(1L, version(c, "unit", nights));
            assertEquals(0L, version(c, "organization", acme));
            assertEquals("Ana López", one(c, "select full_name from contact where id = ?", person));
        }
        team.api().queryParam("q", "Ana López").get("/api/v1/contacts").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(1));
    }

    /**
     * V28_18: V28_17's work again by the session's last rule (an accent after a space, an unassigned character that
     * draws a box), and teams' names, which were only trimmed (the review).
     */
    @Test
    void namesWithAnAccentAfterASpaceAndTeamsNamesAreCleanedByV28_18() throws Exception {
        TestTeam team = TestTeam.create();
        try (Connection c = AllTeams.connection(dataSource)) {
            UUID teamId = UUID.fromString(team.teamId);
            UUID acme = organization(c, teamId, "Acme");
            UUID floating = organization(c, teamId, "Acme \u0301");
            update(c, "update team set name = ? where id = ?", "Eastside\u00A0 Tenants \u0301", teamId);
            db.migration.V28_18__names_cleaned_again_and_teams.clean(c);
            assertEquals("Acme", name(c, "organization", acme));
            assertEquals("Acme (2)", name(c, "organization", floating));
            assertEquals("Eastside Tenants", name(c, "team", teamId));
        }
        team.api().get("/api/v1/me").then().body("team.name", org.hamcrest.Matchers.is("Eastside Tenants"));
    }

    /**
     * V28_22: works' names, only trimmed until the fifty-sixth session (the walk made a second "Building committees"
     * with a no-break space, and a work named by a zero-width space alone). Cleaned, a clash numbered, a name that
     * would show nothing kept; and one so kept is sent back as stored by the API without a refusal.
     */
    @Test
    void worksNamesAreCleanedByV28_22() throws Exception {
        TestTeam team = TestTeam.create();
        UUID committees;
        UUID pasted;
        UUID invisible;
        try (Connection c = AllTeams.connection(dataSource)) {
            UUID teamId = UUID.fromString(team.teamId);
            committees = work(c, teamId, "Building committees");
            pasted = work(c, teamId, "Building\u00A0committees");
            invisible = work(c, teamId, "\u200B");
            db.migration.V28_22__work_names_cleaned.clean(c);
            assertEquals("Building committees", name(c, "work", committees));
            assertEquals("Building committees (2)", name(c, "work", pasted));
            assertEquals(1L, version(c, "work", pasted));
            assertEquals(0L, version(c, "work", committees));
            assertEquals("\u200B", name(c, "work", invisible));
        }
        team.api().body(Map.of("name", "\u200B", "active", false)).patch("/api/v1/works/" + invisible).then().statusCode(200)
                .body("active", org.hamcrest.Matchers.is(false));
        team.api().body(Map.of("name", "Building\u00A0committees")).patch("/api/v1/works/" + pasted).then().statusCode(409);
    }

    private static UUID work(Connection c, UUID team, String name) throws SQLException {
        UUID id = Ids.next();
        update(c, "insert into work (id, team_id, name, focus) values (?, ?, ?, 'bring-in-new')", id, team, name);
        return id;
    }

    /** One statement past the app's rules, as names were stored before. */
    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private static UUID organization(Connection c, UUID team, String name) throws SQLException {
        UUID id = Ids.next();
        try (PreparedStatement ps = c.prepareStatement("insert into organization (id, team_id, name) values (?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, team);
            ps.setString(3, name);
            ps.executeUpdate();
        }
        return id;
    }

    private static UUID unit(Connection c, UUID team, UUID organization, UUID parent, String name) throws SQLException {
        UUID id = Ids.next();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into unit (id, team_id, organization_id, parent_id, name) values (?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, team);
            ps.setObject(3, organization);
            ps.setObject(4, parent);
            ps.setString(5, name);
            ps.executeUpdate();
        }
        return id;
    }

    private static String name(Connection c, String table, UUID id) throws SQLException {
        return one(c, "select name from " + table + " where id = ?", id);
    }

    private static long version(Connection c, String table, UUID id) throws SQLException {
        return Long.parseLong(one(c, "select version from " + table + " where id = ?", id));
    }

    private static String one(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
