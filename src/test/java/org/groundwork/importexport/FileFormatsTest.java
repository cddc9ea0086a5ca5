package org.groundwork.importexport;

import org.groundwork.support.AllTeams;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Files as they come: delimiters, BOM, quoting, line ends; bad files; the all-or-nothing rule. */
@QuarkusTest
class FileFormatsTest {

    @Inject
    EntityManager em;

    @Test
    void semicolonsAsEuropeanSpreadsheetsWriteThem() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, "Name;Email;Tags\nJean Dupont;jean@example.org;\"grève, cantine\"\n");
        assertEquals(1, r.getInt("created"));
        Map<String, Object> jean = Csv.contactNamed(team, "Jean Dupont");
        assertEquals("jean@example.org", jean.get("email"));
        assertEquals(List.of("grève", "cantine"), jean.get("tags"));
    }

    @Test
    void aSheetKeptInSpanishIsReadAsOneInEnglish() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, """
                Nombre;Apellidos;Correo electrónico;Teléfono;Organización;Planta;Nivel;Posición;Etiquetas;No contactar;Código postal
                Ana Lucía;Peña Ruiz;ana@example.org;600 000 001;Hospital del Mar;Planta 3;Cuadro;Cargo electo;huelga;sí;08003
                José;Núñez;jose@example.org;;Hospital del Mar;Planta 3;menos implicado;;;no;
                """);
        assertAllRead(r, 2);
        Map<String, Object> ana = Csv.contactNamed(team, "Ana Lucía Peña Ruiz");
        assertEquals("ana@example.org", ana.get("email"));
        assertEquals("600 000 001", ana.get("phone"));
        assertEquals("Hospital del Mar", ana.get("organizationName"));
        assertEquals("cadre", ana.get("engagementLevel"));
        assertEquals("officer", ana.get("position"));
        assertEquals(List.of("huelga"), ana.get("tags"));
        assertEquals(true, ana.get("doNotContact"));
        assertEquals("Código postal: 08003", ana.get("notes"));
        Map<String, Object> jose = Csv.contactNamed(team, "José Núñez");
        assertEquals("less-involved", jose.get("engagementLevel"));
        assertEquals(false, jose.get("doNotContact"));
        assertEquals(ana.get("unitId"), jose.get("unitId"));
        // a Planta column makes floors, as a Floor column does (and a Piso column)
        team.api().get("/api/v1/organizations/" + ana.get("organizationId") + "/units")
                .then().statusCode(200).body("items.name", contains("Planta 3")).body("items.kind", contains("floor"));
    }

    @Test
    void aPisoColumnMakesFloorsAndASiWrittenDecomposedIsYes() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, "Nombre;Primer apellido;Empresa;Piso;No contactar\nLuisa;Capetillo;Fábrica;2;si\u0301\n");
        assertEquals(1, r.getInt("created"), r.prettify());
        Map<String, Object> luisa = Csv.contactNamed(team, "Luisa Capetillo");
        assertEquals(true, luisa.get("doNotContact"));
        team.api().get("/api/v1/organizations/" + luisa.get("organizationId") + "/units")
                .then().statusCode(200).body("items.name", contains("2")).body("items.kind", contains("floor"));
    }

    /** Two surnames in two columns, and a level and position said of a woman. */
    @Test
    void aSecondSurnameIsKeptAndFeminineWordsAreRead() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, "Nombre;Primer apellido;Segundo apellido;Nivel;Posición\n"
                + "Dolores;Ibárruri;Gómez;Menos implicada;Aliada\nClara;Campoamor;;Nueva;\n");
        assertAllRead(r, 2);
        Map<String, Object> dolores = Csv.contactNamed(team, "Dolores Ibárruri Gómez");
        assertEquals("less-involved", dolores.get("engagementLevel"));
        assertEquals("ally", dolores.get("position"));
        assertEquals("new", Csv.contactNamed(team, "Clara Campoamor").get("engagementLevel"));
        // two columns that each say "last name" are not joined: the second feeds nothing, and is said so
        JsonPath both = Csv.imported(team, "First name,Last name,Surname\nLucy,Parsons,Parsons\n");
        assertEquals(List.of("Surname"), both.getList("unmappedColumns"));
        assertEquals("Lucy Parsons", Csv.contactNamed(team, "Lucy Parsons").get("fullName"));
    }

    @Test
    void aByteThatIsNotUtf8IsRefusedNamingItsOwnLine() {
        TestTeam team = TestTeam.create();
        // a Latin-1 "é" on line 2: the decoder reads ahead, so "near line 1" was said; and on line 3,000
        // of a larger file, whatever line the parser had reached
        byte[] small = "Name,Email\nJos\u00e9 P\u00e9rez,jose@example.org\n".getBytes(StandardCharsets.ISO_8859_1);
        Csv.post(team.token, small, "").then().statusCode(400)
                .body("detail", containsString("not UTF-8 text (near line 2)"));
        StringBuilder large = new StringBuilder("Name,Email\n");
        for (int i = 2; i < 3000; i++) {
            large.append("Person ").append(i).append(",p").append(i).append("@example.org\n");
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(large.toString().getBytes(StandardCharsets.UTF_8));
        file.writeBytes("Ren\u00e9e,renee@example.org\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes("After,after@example.org\n".getBytes(StandardCharsets.UTF_8));
        Csv.post(team.token, file.toByteArray(), "").then().statusCode(400)
                .body("detail", containsString("near line 3000)"));
        // what UTF-8 allows is read: accents, an emoji, a byte-order mark
        Csv.post(team.token, "Name\nJosé 🌹 Núñez\n".getBytes(StandardCharsets.UTF_8), "").then().statusCode(200)
                .body("created", is(1));
        // and what it forbids is refused: an overlong "/", a surrogate, a sequence cut short at the end
        for (byte[] bad : List.of(new byte[]{'N', '\n', (byte) 0xC0, (byte) 0xAF, '\n'},
                new byte[]{'N', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'},
                new byte[]{'N', '\n', 'a', (byte) 0xE2, (byte) 0x82})) {
            Csv.post(team.token, bad, "").then().statusCode(400).body("detail", containsString("near line 2)"));
        }
        assertEquals(1, Csv.contacts(team).size());
    }

    @Test
    void tabs() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, "Name\tPhone\tNotes\nTab Person\t555-0110\thas, a comma\n");
        assertEquals(1, r.getInt("created"));
        assertEquals("has, a comma", Csv.contactNamed(team, "Tab Person").get("notes"));
    }

    @Test
    void byteOrderMarkAndCrlf() {
        TestTeam team = TestTeam.create();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Name,Email\r\nBom Person,bom@example.org\r\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(bom);
        file.writeBytes(body);
        JsonPath r = Csv.post(team.token, file.toByteArray(), "").then().statusCode(200).extract().jsonPath();
        assertEquals(1, r.getInt("created"));
        assertEquals(List.of(), r.getList("unmappedColumns"), "the BOM is not part of the first header");
        assertEquals("bom@example.org", Csv.contactNamed(team, "Bom Person").get("email"));
    }

    @Test
    void quotedFieldsWithDelimitersQuotesAndNewlines() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, """
                Name,Notes,Workplace
                "Okafor, Sam","said ""yes""
                to the meeting",Bakery
                Next Person,,
                "Bad, Level",,
                """ + "Oops,,\n", "");
        assertEquals(4, r.getInt("created"));
        assertEquals("said \"yes\"\nto the meeting", Csv.contactNamed(team, "Okafor, Sam").get("notes"));
        // line numbers count the quoted line break
        JsonPath errors = Csv.imported(team, "Name,Notes,Level\n\"A\",\"one\ntwo\nthree\",\nB,,nope\n");
        assertEquals(List.of(5), errors.getList("errors.row"));
    }

    @Test
    void badFilesAreRefusedAndWriteNothing() {
        TestTeam team = TestTeam.create();
        Csv.post(team, "", "").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("empty"));
        Csv.post(team, "\r\n\r\n", "").then().statusCode(400).body("detail", containsString("empty"));
        Csv.post(team, "Name,Email\r\n", "").then().statusCode(400)
                .body("detail", containsString("header but no rows"));
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Csv.post(team.token, junk, "").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Nothing was imported"));
        Csv.post(team.token, "Name\u0000,Email\nA,b@c.d\n".getBytes(StandardCharsets.UTF_8), "").then().statusCode(400)
                .body("detail", containsString("binary"));
        // a PNG's first byte is not UTF-8: said as binary, not "save it as CSV UTF-8" (a walk); a UTF-16 file (its
        // byte-order mark, NULs after each letter) is still said as not UTF-8, which is what to mend
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Csv.post(team.token, png, "").then().statusCode(400)
                .body("detail", is("The file is binary, not CSV text; export it from your spreadsheet as \"CSV UTF-8\". Nothing was imported."));
        Csv.post(team.token, "\uFEFFName,Email\nAna,a@b.c\n".getBytes(StandardCharsets.UTF_16LE), "").then().statusCode(400)
                .body("detail", containsString("not UTF-8 text (near line 1)"));
        Csv.post(team, "Shoe size,Colour\n42,red\n", "").then().statusCode(400)
                .body("detail", containsString("Shoe size"));
        Csv.post(team, "Name,Notes\nA,\"never closed\n", "").then().statusCode(400)
                .body("detail", containsString("line 2"));
        // JSON is not a file this takes: the advice names CSV (it said "send it as application/json")
        io.restassured.RestAssured.given().auth().oauth2(team.token).contentType("application/json")
                .body("[{\"fullName\":\"A\"}]").post("/api/v1/imports/contacts").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("text/csv for a contact import"));
        // a file in Latin-1 sent as JSON: the same 415, not the JSON doors' "not UTF-8 text"
        io.restassured.RestAssured.given().auth().oauth2(team.token).contentType("application/json")
                .body("Name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)).post("/api/v1/imports/contacts")
                .then().statusCode(415).body("detail", containsString("text/csv for a contact import"));
        assertEquals(0, Csv.contacts(team).size());
    }

    @Test
    void overTheSizeLimitIs413AndWritesNothing() {
        TestTeam team = TestTeam.create();
        // the test profile's limit is 1,000,000 bytes
        StringBuilder file = new StringBuilder("Name,Email\n");
        for (int i = 0; file.length() <= 1_000_000; i++) {
            file.append("Person ").append(i).append(",person").append(i).append("@example.org\n");
        }
        Csv.post(team, file.toString(), "").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("limit"));
        assertEquals(0, Csv.contacts(team).size());
    }

    /**
     * A database rule the importer does not check (a trigger, here) refuses a line after the
     * first batch was written: the whole import is undone, organizations included.
     */
    @Test
    void allOrNothingWhenTheDatabaseRefusesALineMidImport() {
        TestTeam team = TestTeam.create();
        String poison = "Poison " + UUID.randomUUID();
        AllTeams.run(() -> {
            em.createNativeQuery("""
                    create or replace function refuse_poison() returns trigger language plpgsql as $$
                    begin
                      if new.full_name like 'Poison %' then
                        raise exception 'refused' using errcode = 'check_violation', constraint = 'poison_check';
                      end if;
                      return new;
                    end $$""").executeUpdate();
            em.createNativeQuery("create trigger refuse_poison before insert on contact for each row "
                    + "execute function refuse_poison()").executeUpdate();
        });
        try {
            StringBuilder file = new StringBuilder("Name,Email,Workplace\n");
            for (int i = 0; i < ContactWriter.BATCH + 500; i++) {
                file.append(i == ContactWriter.BATCH + 400 ? poison : "Member " + i).append(",m").append(i).append("@example.org,Shop ")
                        .append(i % 3).append('\n');
            }
            Csv.post(team, file.toString(), "").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", allOf(containsString("nothing was imported"), containsString("poison_check")));
        } finally {
            AllTeams.run(() -> {
                em.createNativeQuery("drop trigger refuse_poison on contact").executeUpdate();
                em.createNativeQuery("drop function refuse_poison()").executeUpdate();
            });
        }
        assertEquals(0, Csv.contacts(team).size());
        team.api().get("/api/v1/organizations").then().body("items", empty());
        Number levels = AllTeams.call(() -> (Number) em.createNativeQuery("select count(*) from level_change where team_id = ?1")
                .setParameter(1, UUID.fromString(team.teamId)).getSingleResult());
        assertEquals(0, levels.intValue());
    }

    /**
     * A comma outside quotes split a note, and the cells past the header were dropped without a word (a walk): such a
     * line is refused and named; empty cells past the header (a spreadsheet's trailing comma) are taken, and so is a
     * line with fewer cells than the header.
     */
    @Test
    void aLineWithMoreCellsThanTheHeaderIsRefusedNotCut() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, "Name,Email,Notes\n"
                + "Ragged Rita,rita@example.net,call me, after 5 on weekdays\n"
                + "Trailing Tom,tom@example.net,fine,,\n"
                + "Short Sam,sam@example.net\n");
        assertEquals(2, r.getInt("created"), r.prettify());
        assertEquals(1, r.getInt("errorRows"));
        assertEquals(2, r.getInt("errors[0].row"));
        assertEquals("has 4 cells where the header has 3: a comma outside quotes? Put the cell that holds it in quotes",
                r.getString("errors[0].message"));
        assertEquals(List.of("Short Sam", "Trailing Tom"), Csv.contacts(team).stream().map(c -> c.get("fullName")).sorted().toList());
        assertEquals("fine", Csv.contactNamed(team, "Trailing Tom").get("notes"));
    }

    /** Every line made a contact, every column fed a field, no line was refused. */
    private static void assertAllRead(JsonPath r, int created) {
        assertEquals(created, r.getInt("created"), r.prettify());
        assertEquals(List.of(), r.getList("unmappedColumns"));
        assertEquals(List.of(), r.getList("errors"));
    }
}
