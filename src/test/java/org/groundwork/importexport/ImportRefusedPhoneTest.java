package org.groundwork.importexport;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.groundwork.contact.Phones;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A line whose phone the phone rule refuses (contact/Phones) does not lose the person: imported
 * without the phone and warned, or no change at all when it is the phone an export wrote out as
 * stored before the rule. Only a line the phone alone names stays an error row.
 */
@QuarkusTest
class ImportRefusedPhoneTest {

    @Inject
    DataSource dataSource;

    /** The warning for a line's refused phone, in the rule's own words. */
    private static String leftOut(String phone) {
        return "phone: " + Phones.NOT_WRITTEN + " ('" + phone + "'); the contact was imported without it";
    }

    /** The same warning in a check, which saves nothing: what the import will do. */
    private static String willLeaveOut(String phone) {
        return "phone: " + Phones.NOT_WRITTEN + " ('" + phone + "'); the contact will be imported without it";
    }

    @Test
    void aNewPersonWithARefusedPhoneIsImportedWithoutItAndWarned() {
        TestTeam team = TestTeam.create();
        String file = """
                Name,Email,Phone
                Rosa Parks,rosa@example.org,call after 6
                Lucy Parsons,,(+34) 600 111 222 #12
                """;
        // the check says what the import does
        JsonPath[] reports = {Csv.imported(team, file, "dryRun=true"), Csv.imported(team, file, "")};
        for (JsonPath r : reports) {
            assertEquals(2, r.getInt("created"), r.prettyPrint());
            assertEquals(0, r.getInt("errorRows"), r.prettyPrint());
            assertEquals(List.of(2), r.getList("warnings.row"), r.prettyPrint());
            assertEquals(List.of(r.getBoolean("dryRun") ? willLeaveOut("call after 6") : leftOut("call after 6")),
                    r.getList("warnings.message"));
        }
        Map<String, Object> rosa = Csv.contactNamed(team, "Rosa Parks");
        assertEquals("rosa@example.org", rosa.get("email"));
        assertNull(rosa.get("phone"));
        assertEquals("(+34) 600 111 222 #12", Csv.contactNamed(team, "Lucy Parsons").get("phone"));
        assertEquals(2, Csv.contacts(team).size());
    }

    /**
     * Phones stored before the rule, exported and imported back (update or skip): no change, no word.
     * A different refused phone for the same person is left out with a warning; the stored one stays.
     */
    @Test
    void anExportedOldPhoneComesBackAsNoChange() throws Exception {
        TestTeam team = TestTeam.create();
        String lucy = contact(team, Map.of("fullName", "Lucy Parsons", "email", "lucy@example.org"));
        String ella = contact(team, Map.of("fullName", "Ella Baker")); // matched by her phone alone
        storeBeforeTheRule(lucy, "call after 5");
        storeBeforeTheRule(ella, "555-1234 (home)");

        byte[] export = ExportTest.download(team.token, "/api/v1/exports/contacts.csv");
        for (String query : List.of("onMatch=update&dryRun=true", "onMatch=update", "onMatch=skip")) {
            JsonPath r = Csv.post(team.token, export, query).then().statusCode(200).extract().jsonPath();
            assertEquals(0, r.getInt("errorRows"), query + ": " + r.prettyPrint());
            assertEquals(List.of(), r.getList("warnings"), query + ": " + r.prettyPrint());
            assertEquals(0, r.getInt("created"), query + ": " + r.prettyPrint());
            assertEquals(2, r.getInt(query.startsWith("onMatch=skip") ? "skipped" : "updated"), query + ": " + r.prettyPrint());
        }
        assertEquals("call after 5", Csv.contactNamed(team, "Lucy Parsons").get("phone"));
        assertEquals("555-1234 (home)", Csv.contactNamed(team, "Ella Baker").get("phone"));
        assertEquals(2, Csv.contacts(team).size());

        // another refused phone is a change the rule refuses: left out, said, the stored one kept
        JsonPath r = Csv.imported(team, "Name,Email,Phone\nLucy E. Parsons,lucy@example.org,call after 6\n", "onMatch=update");
        assertEquals(1, r.getInt("updated"), r.prettyPrint());
        assertEquals(List.of("this line's email was Lucy Parsons's, who was renamed 'Lucy E. Parsons'", leftOut("call after 6")),
                r.getList("warnings.message"));
        Map<String, Object> updated = Csv.contactNamed(team, "Lucy E. Parsons");
        assertEquals("call after 5", updated.get("phone"));
        assertEquals(2, Csv.contacts(team).size());
    }

    /**
     * An old phone is matched by its text as stored, not its digits: a note with no digits comes back as
     * no change (it made a second person on every round trip), and a note two people hold names neither
     * (the first loaded was updated with the other's line).
     */
    @Test
    void anOldPhoneIsMatchedByItsWholeTextAndOnlyWhenOnePersonHoldsIt() throws Exception {
        TestTeam team = TestTeam.create();
        String ella = contact(team, Map.of("fullName", "Ella Baker"));
        String ana = contact(team, Map.of("fullName", "Ana Ruiz"));
        String bea = contact(team, Map.of("fullName", "Bea Ruiz"));
        storeBeforeTheRule(ella, "n/a");
        storeBeforeTheRule(ana, "call after 6");
        storeBeforeTheRule(bea, "call after 6");

        byte[] export = ExportTest.download(team.token, "/api/v1/exports/contacts.csv");
        JsonPath r = Csv.post(team.token, export, "onMatch=update").then().statusCode(200).extract().jsonPath();
        assertEquals(0, r.getInt("created"), r.prettyPrint());
        assertEquals(1, r.getInt("updated"), r.prettyPrint());
        assertEquals(List.of(), r.getList("warnings"), r.prettyPrint());
        assertEquals(2, r.getInt("errorRows"), r.prettyPrint());
        assertEquals(List.of("phone: " + Phones.NOT_WRITTEN + " ('call after 6'); several contacts have this phone as it"
                        + " is, so the line cannot say which one it is: give the email, or correct the phone"),
                r.getList("errors.message").stream().distinct().toList());
        assertEquals("n/a", Csv.contactNamed(team, "Ella Baker").get("phone"));
        assertEquals("call after 6", Csv.contactNamed(team, "Ana Ruiz").get("phone"));
        assertEquals("call after 6", Csv.contactNamed(team, "Bea Ruiz").get("phone"));
        assertEquals(3, Csv.contacts(team).size());
    }

    /** A refused phone that is all a line says of the person names nobody: that line is still an error row. */
    @Test
    void aLineNamedOnlyByARefusedPhoneIsStillAnError() {
        TestTeam team = TestTeam.create();
        String file = """
                Name,Email,Phone
                ,,call after 6
                Ella Baker,,call after 6
                """;
        JsonPath r = Csv.imported(team, file, "");
        assertEquals(1, r.getInt("errorRows"), r.prettyPrint());
        assertEquals(List.of(2), r.getList("errors.row"));
        assertEquals(List.of("phone: " + Phones.NOT_WRITTEN + " ('call after 6')"), r.getList("errors.message"));
        assertEquals(1, r.getInt("created"), r.prettyPrint());
        assertEquals(List.of(3), r.getList("warnings.row"));
        assertEquals(List.of(leftOut("call after 6")), r.getList("warnings.message"));
        assertNull(Csv.contactNamed(team, "Ella Baker").get("phone"));
        assertEquals(1, Csv.contacts(team).size());
    }

    private static String contact(TestTeam team, Map<String, Object> body) {
        return team.api().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** A phone as old data holds it: written before the rule, so only SQL can store it now. */
    private void storeBeforeTheRule(String id, String phone) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource);
             PreparedStatement ps = c.prepareStatement("update contact set phone = ? where id = ?::uuid")) {
            ps.setString(1, phone);
            ps.setString(2, id);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
