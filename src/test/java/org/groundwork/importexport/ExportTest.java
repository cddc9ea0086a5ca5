package org.groundwork.importexport;

import org.groundwork.support.AllTeams;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Exports: the round trip into another team, filters, erased contacts, the role check, the log. */
@QuarkusTest
class ExportTest {

    @Inject
    EntityManager em;

    static byte[] download(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
    }

    static List<CSVRecord> records(byte[] file) throws IOException {
        String text = new String(file, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "a byte-order mark for spreadsheets");
        return CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void contactsRoundTripIntoAnotherTeam() throws IOException {
        TestTeam a = TestTeam.create();
        TestTeam.Member coordinator = a.member("coordinator");
        Csv.imported(a, """
                Name,Email,Phone,Workplace,Position,Level,Tags,Notes,Do not contact
                "Okafor, Sam",sam@example.org,+1 718 555 0102,Bakery,officer,cadre,"tenant, building-a","line one
                line two, with a comma",no
                =Formula Person,,555-0111,,,less-involved,,,yes
                To Erase,erase@example.org,,,,,,,
                """);
        String erased = Csv.contactNamed(a, "To Erase").get("id").toString();
        a.api().delete("/api/v1/contacts/" + erased).then().statusCode(204);

        byte[] file = download(coordinator.token(), "/api/v1/exports/contacts.csv");
        List<CSVRecord> rows = records(file);
        assertEquals(ExportService.CONTACT_HEADER, rows.get(0).toList());
        assertEquals(3, rows.size(), "the erased contact is not exported");
        assertEquals("'+1 718 555 0102", rows.get(1).get(2), "formula-looking cells are guarded");
        assertEquals("'=Formula Person", rows.get(2).get(0));
        assertEquals(a.adminEmail, rows.get(1).get(7));

        TestTeam b = TestTeam.create();
        JsonPath r = Csv.post(b.token, file, "").then().statusCode(200).extract().jsonPath();
        assertEquals(2, r.getInt("created"));
        assertEquals(0, r.getInt("errorRows"));
        assertEquals(List.of(), r.getList("unmappedColumns"));
        assertEquals(2, r.getList("warnings").size(), "the owners are organizers of the other team");
        for (Map<String, Object> original : Csv.contacts(a)) {
            Map<String, Object> copy = Csv.contactNamed(b, (String) original.get("fullName"));
            for (String field : List.of("email", "phone", "organizationName", "position", "engagementLevel", "tags",
                    "notes", "doNotContact")) {
                assertEquals(original.get(field), copy.get(field), field + " of " + original.get("fullName"));
            }
            assertEquals(b.adminId, copy.get("ownerId"));
        }
        // and once more: everything matches, nothing is duplicated
        JsonPath again = Csv.post(b.token, file, "").then().statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("created"));
        assertEquals(2, again.getInt("skipped"));
    }

    @Test
    void contactFiltersAsInTheList() throws IOException {
        TestTeam team = TestTeam.create();
        Csv.imported(team, """
                Name,Tags,Level
                Tenant One,tenant,new
                Tenant Two,"tenant, steward",cadre
                Other,,new
                """);
        List<CSVRecord> tenants = records(download(team.token, "/api/v1/exports/contacts.csv?tag=tenant"));
        assertEquals(List.of("Tenant One", "Tenant Two"), tenants.stream().skip(1).map(r -> r.get(0)).toList());
        List<CSVRecord> cadre = records(download(team.token, "/api/v1/exports/contacts.csv?level=cadre&q=two"));
        assertEquals(2, cadre.size());
        given().auth().oauth2(team.token).get("/api/v1/exports/contacts.csv?level=hero").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("level"));
    }

    @Test
    void conversationsExport() throws IOException {
        TestTeam team = TestTeam.create();
        Csv.imported(team, "Name,Email\nAna Lopez,ana@example.org\nTo Erase,erase@example.org\n");
        for (Map<String, Object> c : Csv.contacts(team)) {
            team.api().body(Map.of("contactId", c.get("id"), "occurredAt", "2026-05-01T18:00:00Z",
                            "durationMinutes", 30, "channel", "phone", "summary", "talked about rent, repairs"))
                    .post("/api/v1/conversations").then().statusCode(201);
        }
        team.api().delete("/api/v1/contacts/" + Csv.contactNamed(team, "To Erase").get("id")).then().statusCode(204);
        List<CSVRecord> rows = records(download(team.token, "/api/v1/exports/conversations.csv"));
        assertEquals(ExportService.CONVERSATION_HEADER, rows.get(0).toList());
        assertEquals(2, rows.size());
        CSVRecord row = rows.get(1);
        assertEquals("2026-05-01T18:00:00Z", row.get(0));
        assertEquals("Ana Lopez", row.get(1));
        assertEquals(team.adminEmail, row.get(4));
        assertEquals("30", row.get(6));
        assertEquals("phone", row.get(7));
        assertEquals("talked about rent, repairs", row.get(8));
    }

    @Test
    void onlyCoordinatorsAndAdminsExportAndEveryExportIsLogged() {
        TestTeam team = TestTeam.create();
        Csv.imported(team, "Name\nOne\nTwo\n");
        TestTeam.Member organizer = team.member("organizer");
        for (String path : List.of("/api/v1/exports/contacts.csv", "/api/v1/exports/conversations.csv")) {
            given().auth().oauth2(organizer.token()).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
            given().get(path).then().statusCode(401);
        }
        TestTeam.Member coordinator = team.member("coordinator");
        download(coordinator.token(), "/api/v1/exports/contacts.csv?tag=&q=One");
        download(team.token, "/api/v1/exports/conversations.csv");
        @SuppressWarnings("unchecked")
        List<Object[]> log = AllTeams.call(() -> em.createNativeQuery("""
                        select cast(organizer_id as text), kind, row_count, completed, filters from export_log
                        where team_id = ?1 order by started_at""")
                .setParameter(1, UUID.fromString(team.teamId)).getResultList());
        assertEquals(2, log.size(), "refused exports are not logged as exports");
        assertEquals(coordinator.id(), log.get(0)[0]);
        assertEquals("contacts", log.get(0)[1]);
        assertEquals(1, ((Number) log.get(0)[2]).intValue());
        assertEquals(true, log.get(0)[3]);
        // the filters' names only: what was searched for may be a person's name
        assertEquals("tag, q", log.get(0)[4]);
        assertEquals("conversations", log.get(1)[1]);
        assertEquals(0, ((Number) log.get(1)[2]).intValue());
        assertFalse(log.get(1)[4] == null);
    }
}
