package org.groundwork.contact;

import db.migration.V28_16__contact_names_cleaned;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.platform.Ids;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A person's name is stored as it looks (ContactFields.storedName): a no-break space or doubled spaces pasted from a
 * message, or a character that shows nothing, had been kept, and "Sarah O'Connor" typed plainly found no one (the
 * forty-sixth session's walk). Every door that stores a name cleans it; V28_16 cleans those stored before.
 */
@QuarkusTest
class ContactNamesCleanedTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNamePastedWithOddSpacesIsStoredAsItLooksAndFoundTypedPlainly() {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("fullName", " Sarah\u00A0O'Connor\u200B  ")).post("/api/v1/contacts")
                .then().statusCode(201).body("fullName", is("Sarah O'Connor")).extract().path("id");
        // found typed plainly, with doubled spaces, and with the no-break space pasted again
        for (String q : List.of("Sarah O'Connor", "sarah  o'connor", "Sarah\u00A0O'C")) {
            team.api().queryParam("q", q).get("/api/v1/contacts").then().statusCode(200)
                    .body("items.id", contains(id));
        }
        // words that show nothing find no one (not everyone, as an empty search would): an accent alone too, whose
        // accent the search strips (it found everyone: the walk), and the same for organizations. Only spaces and
        // characters that show nothing at all (a zero-width space, a noncharacter, both dropped from names) are a
        // blank box, as a tab is: everyone (a walk found a tab listing everyone and a no-break space no one;
        // ContactSearchTest)
        team.api().queryParam("q", "\u0301").get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
        for (String blank : List.of("\u200B", "\uFFFF")) {
            team.api().queryParam("q", blank).get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(1));
        }
        team.organization("Acme Plant", "workplace");
        team.api().queryParam("q", "\u0301").get("/api/v1/organizations").then().statusCode(200).body("items", hasSize(0));
        for (String blank : List.of("\t", "\u00A0", "\u200B")) {
            team.api().queryParam("q", blank).get("/api/v1/organizations").then().statusCode(200).body("items", hasSize(1));
        }
        team.api().queryParam("q", "acme").get("/api/v1/organizations").then().statusCode(200).body("items", hasSize(1));

        String etag = team.api().get("/api/v1/contacts/" + id).then().extract().header("ETag");
        team.api().header("If-Match", etag).body(Map.of("fullName", "Sarah\t\tMaría  O'Connor"))
                .patch("/api/v1/contacts/" + id).then().statusCode(200).body("fullName", is("Sarah María O'Connor"));
        // composed: an accent typed as a combining mark is the same name as the one typed whole
        team.api().queryParam("q", "Mari\u0301a").get("/api/v1/contacts").then().statusCode(200)
                .body("items.id", contains(id));
        // a name of nothing but what shows nothing is still refused, as before
        team.api().body(Map.of("fullName", "\u00A0\u200B")).post("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", is("fullName"));
    }

    /**
     * A name shows something: an accent alone, a private-use character (an empty box in most fonts) or U+FFFF, a
     * noncharacter, had each been stored as a person's name (the forty-seventh session's walk). An accent at the
     * start sits on nothing and is dropped; a noncharacter is dropped anywhere; an emoji is a name.
     */
    @Test
    void aNameOfAnAccentAlonePrivateUseOrANoncharacterIsRefused() {
        TestTeam team = TestTeam.create();
        for (String nothing : List.of("\u0301", "\u0301\u0308", "\uE000\uE001", "\uFFFF", "\uDB80\uDC00", "\u200B\uFDD0 ")) {
            team.api().body(Map.of("fullName", nothing)).post("/api/v1/contacts").then().statusCode(400)
                    .body("errors[0].field", is("fullName"));
            team.api().body(Map.of("name", nothing)).post("/api/v1/organizations").then().statusCode(400)
                    .body("errors[0].field", is("name"));
        }
        team.api().body(Map.of("fullName", "\u0301Ana L\uFFFFópez")).post("/api/v1/contacts").then().statusCode(201)
                .body("fullName", is("Ana López"));
        team.api().body(Map.of("fullName", "\uD83C\uDF39")).post("/api/v1/contacts").then().statusCode(201)
                .body("fullName", is("\uD83C\uDF39"));
        team.api().body(Map.of("fullName", "Ana\uE000")).post("/api/v1/contacts").then().statusCode(201)
                .body("fullName", is("Ana\uE000"));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(3));
    }

    @Test
    void theImportAndTheDoorStoreNamesAsTheContactFormDoes() {
        TestTeam team = TestTeam.create();
        team.api().contentType("text/csv").body("Name,Email\nKwame\u00A0\u00A0Mensah,kwame@example.org\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts?dryRun=false").then().statusCode(200);
        team.api().queryParam("q", "Kwame Mensah").get("/api/v1/contacts").then().statusCode(200)
                .body("items.fullName", contains("Kwame Mensah"));

        String action = team.api().body(Map.of("title", "Picket", "startsAt", "2026-05-01T06:00:00Z", "durationMinutes", 90))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("newContact", Map.of("fullName", "Ama\u2003 Owusu"))))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200)
                .body("attendance.fullName", contains("Ama Owusu"));
        // the search reads the words as names are stored: typed with a pasted space, she is found
        team.api().queryParam("q", "Ama\u00A0Owusu").get("/api/v1/contacts").then().statusCode(200)
                .body("items.fullName", contains("Ama Owusu"));

        // a line with no name is listed under its phone, as it looks; a later line naming them is their first name,
        // not a rename of someone else
        team.api().contentType("text/csv").body("Name,Phone\n,+1 718\u00A0555 0123\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts?dryRun=false").then().statusCode(200);
        team.api().queryParam("q", "+1 718 555 0123").get("/api/v1/contacts").then().statusCode(200)
                .body("items.fullName", contains("+1 718 555 0123"));
        team.api().contentType("text/csv").body("Name,Phone\nKofi Boateng,+1 718 555 0123\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts?dryRun=false&onMatch=update").then().statusCode(200)
                .body("updated", is(1)).body("warnings", hasSize(0));
    }

    /**
     * Flyway ran V28_16 on an empty database at start: names are stored here as they were stored before (straight
     * into the table, past the app's rule), the migration's work runs again, and each name reads as the app stores it.
     */
    @Test
    void namesStoredBeforeAreCleanedAndTheirVersionMovesOn() throws Exception {
        TestTeam team = TestTeam.create();
        UUID teamId = UUID.fromString(team.teamId);
        try (Connection c = AllTeams.connection(dataSource)) {
            // Flyway found the Java migration and ran it at start
            try (ResultSet r = c.createStatement().executeQuery(
                    "select type, success from flyway_schema_history where version = '28.16'")) {
                org.junit.jupiter.api.Assertions.assertTrue(r.next(), "V28_16 ran");
                assertEquals("JDBC", r.getString(1));
                org.junit.jupiter.api.Assertions.assertTrue(r.getBoolean(2));
            }
            UUID sarah = contact(c, teamId, "Sarah\u00A0O'Connor");
            UUID doubled = contact(c, teamId, "Ana  Lucía\u3000Peña");
            UUID hidden = contact(c, teamId, "Jo\u00ADse\u0301 Nu\u0301n\u0303ez");
            UUID clean = contact(c, teamId, "Already Clean");
            // kept: cleaning would leave nothing that shows (the check of its day allowed it), or nothing at all
            UUID blank = contact(c, teamId, "\u200B\u2060");
            UUID tabs = contact(c, teamId, "\t\t");
            // kept: composed, past the column's 200 characters (U+0958 is two characters in NFC)
            String lengthens = "\u0958".repeat(150);
            UUID longer = contact(c, teamId, lengthens);
            V28_16__contact_names_cleaned.clean(c);
            assertEquals("Sarah O'Connor", stored("full_name", sarah));
            assertEquals("Ana Lucía Peña", stored("full_name", doubled));
            assertEquals("José Núñez", stored("full_name", hidden));
            assertEquals("\u200B\u2060", stored("full_name", blank));
            assertEquals("\t\t", stored("full_name", tabs));
            assertEquals(lengthens, stored("full_name", longer));
            assertEquals("1", stored("version", sarah));
            assertEquals("0", stored("version", clean));
            // the name without accents (V28_14's generated column) follows
            assertEquals("JoseNunez", stored("name_unaccented", hidden)); // its letters alone (V28_24)
        }
        team.api().queryParam("q", "ana lucia pena").get("/api/v1/contacts").then().statusCode(200)
                .body("items.fullName", contains("Ana Lucía Peña"));
    }

    /** Without the instance's scope it would see no contact under row-level security: it refuses to run. */
    @Test
    void theMigrationRefusesToRunWithoutTheInstancesScope() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("select set_config('groundwork.scope', '', false)");
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> V28_16__contact_names_cleaned.clean(c));
        }
    }

    private static UUID contact(Connection c, UUID team, String name) throws SQLException {
        UUID id = Ids.next();
        try (PreparedStatement ps = c.prepareStatement("insert into contact (id, team_id, full_name) values (?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, team);
            ps.setString(3, name);
            ps.executeUpdate();
        }
        return id;
    }

    /** A column of the contact as stored, read past row-level security. */
    private String stored(String column, UUID id) {
        return AllTeams.rows(dataSource, "select " + column + " from contact where id = ?1", id.toString()).get(0);
    }
}
