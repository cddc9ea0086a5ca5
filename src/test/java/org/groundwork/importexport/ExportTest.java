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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // a value that itself begins with an apostrophe before a formula's character keeps it (a walk: "'=not a
        // formula" came back as "=not a formula"), and one before anything else is written as it is
        a.api().body(Map.of("fullName", "Quoted Notes", "email", "quoted@example.org", "notes", "'=not a formula",
                "tags", List.of("'tis"))).post("/api/v1/contacts").then().statusCode(201);

        byte[] file = download(coordinator.token(), "/api/v1/exports/contacts.csv");
        List<CSVRecord> rows = records(file);
        assertEquals(ExportService.CONTACT_HEADER, rows.get(0).toList());
        assertEquals(4, rows.size(), "the erased contact is not exported");
        assertTrue(rows.stream().anyMatch(r -> r.get(10).equals("''=not a formula")), "guarded once more");
        assertEquals("'+1 718 555 0102", rows.get(1).get(2), "formula-looking cells are guarded");
        assertEquals("'=Formula Person", rows.get(2).get(0));
        assertEquals(a.adminEmail, rows.get(1).get(8));

        TestTeam b = TestTeam.create();
        JsonPath r = Csv.post(b.token, file, "").then().statusCode(200).extract().jsonPath();
        assertEquals(3, r.getInt("created"));
        assertEquals(0, r.getInt("errorRows"));
        assertEquals(List.of(), r.getList("unmappedColumns"));
        assertEquals(3, r.getList("warnings").size(), "the owners are organizers of the other team");
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
        assertEquals(3, again.getInt("skipped"));
    }

    /** The units of one organization as "parent › unit" paths, each with the names of the people in it. */
    static Map<String, List<String>> unitsWithPeople(TestTeam team, String organizationName) {
        String org = team.api().get("/api/v1/organizations?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.name == '" + organizationName + "' }.id", String.class).get(0);
        List<Map<String, Object>> units = team.api().get("/api/v1/organizations/" + org + "/units").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<Object, String> path = new java.util.HashMap<>();
        for (Map<String, Object> u : units) {
            String parent = units.stream().filter(p -> p.get("id").equals(u.get("parentId"))).map(p -> (String) p.get("name"))
                    .findFirst().orElse(null);
            path.put(u.get("id"), parent == null ? (String) u.get("name") : parent + " › " + u.get("name"));
        }
        Map<String, List<String>> people = new java.util.TreeMap<>();
        path.values().forEach(p -> people.put(p, new java.util.ArrayList<>()));
        for (Map<String, Object> c : Csv.contacts(team)) {
            if (c.get("unitId") != null) {
                people.get(path.get(c.get("unitId"))).add((String) c.get("fullName"));
            }
        }
        people.values().forEach(java.util.Collections::sort);
        return people;
    }

    @Test
    void unitsRoundTripIntoAFreshTeam() throws IOException {
        TestTeam a = TestTeam.create();
        String org = a.api().body(Map.of("name", "Harbour Estate", "kind", "building")).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
        String units = "/api/v1/organizations/" + org + "/units";
        String block = a.api().body(Map.of("name", "Block A", "kind", "building")).post(units).then().statusCode(201).extract().path("id");
        String floor = a.api().body(Map.of("name", "Floor 3", "kind", "floor", "parentId", block)).post(units)
                .then().statusCode(201).extract().path("id");
        String blockB = a.api().body(Map.of("name", "Block B", "kind", "building")).post(units).then().statusCode(201).extract().path("id");
        // the same floor name under another building is another unit
        String floorB = a.api().body(Map.of("name", "Floor 3", "kind", "floor", "parentId", blockB)).post(units)
                .then().statusCode(201).extract().path("id");
        String[][] people = {{"Ana Block", block}, {"Bo Floor", floor}, {"Cy Floor", floor}, {"Di Other Floor", floorB},
                {"Ed No Unit", null}};
        for (String[] p : people) {
            // an email each, so importing the file again finds them instead of adding them twice
            Map<String, Object> body = new java.util.HashMap<>(Map.of("fullName", p[0], "organizationId", org,
                    "email", p[0].toLowerCase().replace(' ', '.') + "@example.org"));
            if (p[1] != null) {
                body.put("unitId", p[1]);
            }
            a.api().body(body).post("/api/v1/contacts").then().statusCode(201);
        }
        List<CSVRecord> rows = records(download(a.token, "/api/v1/exports/contacts.csv"));
        assertEquals("Unit", rows.get(0).get(4));
        Map<String, String> unitOf = new java.util.HashMap<>();
        rows.stream().skip(1).forEach(r -> unitOf.put(r.get(0), r.get(4)));
        assertEquals("Block A", unitOf.get("Ana Block"));
        assertEquals("Block A › Floor 3", unitOf.get("Bo Floor"));
        assertEquals("Block B › Floor 3", unitOf.get("Di Other Floor"));
        assertEquals("", unitOf.get("Ed No Unit"));

        TestTeam b = TestTeam.create();
        JsonPath r = Csv.post(b.token, download(a.token, "/api/v1/exports/contacts.csv"), "").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(5, r.getInt("created"));
        assertEquals(0, r.getInt("errorRows"));
        assertEquals(List.of(), r.getList("unmappedColumns"));
        Map<String, List<String>> expected = unitsWithPeople(a, "Harbour Estate");
        assertEquals(Map.of("Block A", List.of("Ana Block"), "Block A › Floor 3", List.of("Bo Floor", "Cy Floor"),
                "Block B", List.of(), "Block B › Floor 3", List.of("Di Other Floor")), expected);
        assertEquals(expected, unitsWithPeople(b, "Harbour Estate"), "the same units, nested the same, the same people in them");
        // imported again: the units are found, not made twice
        Csv.post(b.token, download(a.token, "/api/v1/exports/contacts.csv"), "").then().statusCode(200);
        assertEquals(expected, unitsWithPeople(b, "Harbour Estate"));
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

    /**
     * The export's {@code q} is the contact list's, held to the same bounds: an address past the
     * request line's limit is the 414 problem the list gives (HttpLimits, before anything runs), and
     * a long search within it is answered as the list answers it (the API's {@code q} has no limit of
     * its own: ContactSearchTest), never a 500 or a broken download.
     */
    @Test
    void anOverLongSearchIsAnsweredAsTheContactListAnswersIt() throws IOException {
        TestTeam team = TestTeam.create();
        Csv.imported(team, "Name\nRosa\n");
        for (String path : List.of("/api/v1/contacts", "/api/v1/exports/contacts.csv")) {
            given().auth().oauth2(team.token).get(path + "?q=" + "a".repeat(100_000)).then().statusCode(414)
                    .contentType("application/problem+json").body("status", is(414))
                    .body("detail", containsString("longer than 8192 characters"));
        }
        team.api().get("/api/v1/contacts?q=" + "x".repeat(3000)).then().statusCode(200).body("items", empty());
        assertEquals(1, records(download(team.token, "/api/v1/exports/contacts.csv?q=" + "x".repeat(3000))).size());
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
