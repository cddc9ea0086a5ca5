package org.groundwork.importexport;

import org.groundwork.contact.Phones;
import org.groundwork.support.AllTeams;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The importer's rules: mapping, row errors with their lines, matching, dry run, onMatch=update. */
@QuarkusTest
class ContactImportTest {

    @Inject
    EntityManager em;
    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void actionNetworkExport() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, """
                first_name,last_name,email,zip_code,can2_phone,can2_user_tags,can2_subscription_status
                Rosa,Diaz,rosa@example.org,11201,(718) 555-0101,"tenant, building-a",subscribed
                Sam,Okafor,sam@example.org,,718-555-0102,,unsubscribed
                """);
        assertEquals(2, r.getInt("created"));
        assertEquals(0, r.getInt("errorRows"));
        assertEquals(List.of("can2_subscription_status"), r.getList("unmappedColumns"));
        assertEquals("tags", r.getString("mapping.can2_user_tags"));
        Map<String, Object> rosa = Csv.contactNamed(team, "Rosa Diaz");
        assertEquals("rosa@example.org", rosa.get("email"));
        assertEquals("(718) 555-0101", rosa.get("phone"));
        assertEquals(List.of("tenant", "building-a"), rosa.get("tags"));
        assertEquals("zip_code: 11201", rosa.get("notes"));
        assertEquals("new", rosa.get("engagementLevel"));
        assertEquals("base", rosa.get("position"));
        assertEquals(team.adminId, rosa.get("ownerId"));
        // creation records the first level, as the contacts API does
        Number levels = AllTeams.call(() -> (Number) em.createNativeQuery(
                        "select count(*) from level_change where contact_id = ?1 and from_level is null and to_level = 'new'")
                .setParameter(1, UUID.fromString((String) rosa.get("id"))).getSingleResult());
        assertEquals(1, levels.intValue());
    }

    @Test
    void googleContactsExport() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, """
                First Name,Middle Name,Last Name,Nickname,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization Name,Notes,Labels
                Ana,María,Lopez,Annie,* Home,ana@example.org,Mobile,+1 718 555 0103,Acme Warehouse,Met at the picket,* myContacts ::: Organizing ::: Shop floor
                """);
        assertEquals(1, r.getInt("created"));
        assertEquals(List.of("Nickname", "E-mail 1 - Type", "Phone 1 - Type"), r.getList("unmappedColumns"));
        Map<String, Object> ana = Csv.contactNamed(team, "Ana María Lopez");
        assertEquals("ana@example.org", ana.get("email"));
        assertEquals("+1 718 555 0103", ana.get("phone"));
        assertEquals("Acme Warehouse", ana.get("organizationName"));
        assertEquals("Met at the picket", ana.get("notes"));
        assertEquals(List.of("Organizing", "Shop floor"), ana.get("tags"));
    }

    @Test
    void plainSheetWithLevelsPositionsOwnersAndOrganizations() {
        TestTeam team = TestTeam.create();
        TestTeam.Member organizer = team.member("organizer");
        team.api().body(Map.of("name", "Building A")).post("/api/v1/organizations").then().statusCode(201);
        JsonPath r = Csv.imported(team, """
                Full name , PHONE,Email,Engagement,Role,Building,Tags,Owner,Notes,Do not contact
                Lee Chen,555-0104,,Less involved,officer,building a,tenant,%s,Lives on 4,no
                Kim Park,,kim@example.org,cadre,Political group,Building B,,%s,,yes
                """.formatted(organizer.email().toUpperCase(), "nobody@example.org"));
        assertEquals(2, r.getInt("created"));
        assertEquals(List.of(), r.getList("unmappedColumns"));
        assertEquals(3, r.getInt("warnings[0].row"));
        assertThat(r.getString("warnings[0].message"), containsString("nobody@example.org"));
        Map<String, Object> lee = Csv.contactNamed(team, "Lee Chen");
        assertEquals("less-involved", lee.get("engagementLevel"));
        assertEquals("officer", lee.get("position"));
        assertEquals("Building A", lee.get("organizationName"), "matched by name, case-insensitively");
        assertEquals(organizer.id(), lee.get("ownerId"));
        assertEquals(false, lee.get("doNotContact"));
        Map<String, Object> kim = Csv.contactNamed(team, "Kim Park");
        assertEquals("cadre", kim.get("engagementLevel"));
        assertEquals("political-group", kim.get("position"));
        assertEquals("Building B", kim.get("organizationName"), "created when missing");
        assertEquals(team.adminId, kim.get("ownerId"), "an unknown owner leaves the importer as owner");
        assertEquals(true, kim.get("doNotContact"));
        // a line with only an email is listed under it
        Csv.imported(team, "Email\nonly@example.org\n");
        Csv.contactNamed(team, "only@example.org");
    }

    @Test
    void rowErrorsNameTheLineAndTheValue() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, "Name,Email,Phone,Level,Position,Notes\r\n"
                + "Good One,good@example.org,,new,base,\r\n"                        // line 2
                + ",,,cadre,,\r\n"                                                  // line 3: nobody
                + "Bad Level,,555-0105,hero,,\r\n"                                   // line 4
                + "\"Multi\",,,,,\"first line\r\nsecond line\"\r\n"                 // lines 5-6
                + "Bad Position,,,,boss,\r\n"                                        // line 7
                + "Bad Email,not-an-email,,,,\r\n");                                 // line 8
        assertEquals(2, r.getInt("created"));
        assertEquals(4, r.getInt("errorRows"));
        assertEquals(List.of(3, 4, 7, 8), r.getList("errors.row"));
        assertThat(r.getString("errors[0].message"), containsString("no name, email or phone"));
        assertThat(r.getString("errors[1].message"), containsString("'hero'"));
        assertThat(r.getString("errors[2].message"), containsString("'boss'"));
        assertThat(r.getString("errors[3].message"), containsString("'not-an-email'"));
        assertEquals("first line\r\nsecond line", Csv.contactNamed(team, "Multi").get("notes"));
        assertEquals(2, Csv.contacts(team).size());
    }

    @Test
    void matchesByEmailOrPhoneDigitsAndInsideTheFile() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Existing Email", "email", "Maria@Example.org"))
                .post("/api/v1/contacts").then().statusCode(201);
        team.api().body(Map.of("fullName", "Existing Phone", "phone", "+1 718 555 0102"))
                .post("/api/v1/contacts").then().statusCode(201);
        JsonPath r = Csv.imported(team, """
                Name,Email,Phone
                Maria Again,maria@example.ORG,
                Phone Again,,(718) 555-0102
                New Person,new@example.org,555 0199
                Same New Person,NEW@example.org,
                Same By Phone,,5550199
                """);
        assertEquals(1, r.getInt("created"));
        assertEquals(4, r.getInt("skipped"));
        assertEquals(0, r.getInt("updated"));
        assertEquals(3, Csv.contacts(team).size());
        assertEquals("Existing Email", Csv.contacts(team).get(0).get("fullName"), "skip leaves the contact alone");
    }

    /**
     * A file that gives a matched person's fields as they are stored (an export imported back) leaves them unwritten:
     * the same version and ETag, the same time. Every contact's version had moved (a walk), so every edit form open on
     * them was stale for nothing; a row that changes one field is written as before.
     */
    @Test
    void onMatchUpdateLeavesAPersonTheFileDoesNotChangeUnwritten() {
        TestTeam team = TestTeam.create();
        String same = team.api().body(Map.of("fullName", "Same Sam", "email", "sam@example.org", "tags", List.of("tenant"),
                "notes", "as stored")).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String other = team.api().body(Map.of("fullName", "Other Olga", "email", "olga@example.org"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        var before = team.api().get("/api/v1/contacts/" + same).then().extract();
        String olgaBefore = team.api().get("/api/v1/contacts/" + other).then().extract().header("ETag");
        Csv.imported(team, """
                Name,Email,Tags,Notes
                Same Sam,sam@example.org,tenant,as stored
                Other Olga,olga@example.org,,now with a note
                """, "onMatch=update");
        var after = team.api().get("/api/v1/contacts/" + same).then().extract();
        assertEquals(before.header("ETag"), after.header("ETag"));
        assertEquals((String) before.path("updatedAt"), after.path("updatedAt"));
        team.api().get("/api/v1/contacts/" + other).then().header("ETag", org.hamcrest.Matchers.not(olgaBefore))
                .body("notes", org.hamcrest.Matchers.is("now with a note"));
    }

    @Test
    void onMatchUpdateFillsAndMovesTheLevelWithHistory() {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("fullName", "Old Name", "email", "dee@example.org", "tags", List.of("tenant"),
                        "notes", "keep me"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        JsonPath r = Csv.imported(team, """
                Name,Email,Phone,Level,Tags,Notes
                Dee Newname,DEE@example.org,555-0106,cadre,"steward, tenant",
                In File,infile@example.org,,,a,
                In File Again,infile@example.org,555-0107,less-involved,b,
                """, "onMatch=update");
        assertEquals(1, r.getInt("created"));
        assertEquals(2, r.getInt("updated"));
        Map<String, Object> dee = team.api().get("/api/v1/contacts/" + id).then().extract().jsonPath().getMap("");
        assertEquals("Dee Newname", dee.get("fullName"));
        assertEquals("555-0106", dee.get("phone"));
        assertEquals("dee@example.org", dee.get("email"));
        assertEquals("cadre", dee.get("engagementLevel"));
        assertEquals(List.of("tenant", "steward"), dee.get("tags"), "tags are added, not replaced");
        assertEquals("keep me", dee.get("notes"), "an empty cell leaves the field alone");
        List<Map<String, Object>> timeline = team.api().get("/api/v1/contacts/" + id + "/timeline")
                .then().extract().jsonPath().getList("items.findAll { it.type == 'level-change' }");
        assertEquals(2, timeline.size());
        assertEquals("new", timeline.get(0).get("fromLevel"));
        assertEquals("cadre", timeline.get(0).get("toLevel"));
        Map<String, Object> inFile = Csv.contactNamed(team, "In File Again");
        assertEquals("555-0107", inFile.get("phone"));
        assertEquals("less-involved", inFile.get("engagementLevel"));
        assertEquals(List.of("a", "b"), inFile.get("tags"));
        assertEquals(2, Csv.contacts(team).size());
    }

    /**
     * The walk: "update them" matched a line by email and renamed that person, and the check said nothing
     * of it. A line that names its match otherwise is a warning naming both; case and spacing are no change (a name is read with its spaces as stored: ContactFields.storedName).
     */
    @Test
    void aLineMatchedByEmailOrPhoneThatNamesSomeoneElseIsSaidOnTheCheckAndTheImport() {
        TestTeam team = TestTeam.create();
        String maria = team.api().body(Map.of("fullName", "Maria Wright", "email", "family@example.org"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("fullName", "Olu Ade", "phone", "718-555-0177"))
                .post("/api/v1/contacts").then().statusCode(201);
        String file = """
                Name,Email,Phone
                María José Pérez,FAMILY@example.org,
                olu   ADE,,(718) 555-0177
                Kofi Ade,,718 555 0177
                New Person,new@example.org,
                Someone Else,NEW@example.org,
                """;
        JsonPath dry = Csv.imported(team, file, "dryRun=true&onMatch=update");
        assertEquals(List.of(2, 4, 6), dry.getList("warnings.row"));
        assertEquals("this line's email is Maria Wright's, who will be renamed 'María José Pérez'; leave the line out"
                + " if it is someone else", dry.getString("warnings[0].message"));
        assertEquals("this line's phone is olu ADE's, who will be renamed 'Kofi Ade'; leave the line out"
                + " if it is someone else", dry.getString("warnings[1].message"), "the name the line before gave");
        assertEquals("Maria Wright", Csv.contactNamed(team, "Maria Wright").get("fullName"), "a check saves nothing");
        JsonPath real = Csv.imported(team, file, "onMatch=update");
        assertEquals(List.of(2, 4, 6), real.getList("warnings.row"));
        assertEquals("this line's email was Maria Wright's, who was renamed 'María José Pérez'",
                real.getString("warnings[0].message"));
        assertEquals("this line's phone was olu ADE's, who was renamed 'Kofi Ade'", real.getString("warnings[1].message"),
                "the name the line before gave");
        team.api().get("/api/v1/contacts/" + maria).then().body("fullName", is("María José Pérez"));
        // matches left as they are (the default) change nobody's name, but a line that names its match otherwise is
        // likely someone else, left out with the line: said too (the walk of session 45: counted as already here)
        JsonPath skipped = Csv.imported(team, file, "dryRun=true");
        // (line 6 renamed New Person "Someone Else" in the import above: line 5 now names them otherwise)
        assertEquals(List.of(3, 5), skipped.getList("warnings.row"), skipped.prettyPrint());
        assertEquals("this line's phone is Kofi Ade's, who is left as they are; 'olu ADE' will be left out with the line",
                skipped.getString("warnings[0].message"));
        assertEquals("this line's email was Someone Else's, who was left as they were; 'New Person' was left out with the line",
                Csv.imported(team, file, "").getString("warnings[1].message"));
        team.api().get("/api/v1/contacts/" + maria).then().body("fullName", is("María José Pérez"));
        // two names whose 32-bit String.hashCode is the same (the probe): still another name, still said
        team.api().body(Map.of("fullName", "Donald Charles Ray", "email", "dcr@example.org")).post("/api/v1/contacts")
                .then().statusCode(201);
        assertEquals(List.of("this line's email is Donald Charles Ray's, who will be renamed 'Dolores Mia Bradley';"
                        + " leave the line out if it is someone else"),
                Csv.imported(team, "Name,Email\nDolores Mia Bradley,dcr@example.org\n", "dryRun=true&onMatch=update")
                        .getList("warnings.message"));
        // someone stored under their email (a line with no name) given their name later is named, not renamed
        Csv.imported(team, "Email\nann@example.org\n");
        // and in the same file: one line with only an email, the next with the name
        JsonPath named = Csv.imported(team, "Name,Email\nAnn Lee,ann@example.org\n,bo@example.org\nBo Ray,bo@example.org\n",
                "onMatch=update");
        assertEquals(2, named.getInt("updated"), named.prettyPrint());
        assertEquals(1, named.getInt("created"), named.prettyPrint());
        assertEquals(List.of(), named.getList("warnings"));
    }

    /** A workplace or unit cell with a pasted no-break or zero-width space is the place of the same look. */
    @Test
    void aPlaceNameOfTheSameLookIsThePlaceStored() {
        TestTeam team = TestTeam.create();
        String acme = team.api().body(Map.of("name", "Acme Warehouse")).post("/api/v1/organizations").then().statusCode(201)
                .extract().path("id");
        team.api().body(Map.of("name", "Floor 3")).post("/api/v1/organizations/" + acme + "/units").then().statusCode(201);
        JsonPath r = Csv.imported(team, "Name,Workplace,Floor\nAna Pasted,Acme\u00a0Warehouse\u200b,floor\u00a03\n"
                + "Bo Typed,Acme Warehouse,Floor 3\n");
        assertEquals(2, r.getInt("created"), r.prettyPrint());
        team.api().get("/api/v1/organizations").then().body("items", hasSize(1));
        team.api().get("/api/v1/organizations/" + acme + "/units").then().body("items", hasSize(1));
    }

    /**
     * The check names the organizations and units the file will make, so a slip ("Night shif" beside the unit
     * "Night shift") is seen before it becomes a second place (the walk); the import names what it made.
     */
    @Test
    void theCheckNamesThePlacesTheFileWillMake() {
        TestTeam team = TestTeam.create();
        String inbound = team.api().body(Map.of("name", "Inbound")).post("/api/v1/organizations").then().statusCode(201)
                .extract().path("id");
        team.api().body(Map.of("name", "Night shift")).post("/api/v1/organizations/" + inbound + "/units").then().statusCode(201);
        String file = """
                Name,Workplace,Unit
                Ana Slip,Inbound,Night shif
                Bo Right,inbound,Night shift
                Cy New,Outbound,Days › Dock 2
                Di Again,Outbound,Night shif
                Ed Caps,inbound,NIGHT SHIFT › Dock 9
                """;
        JsonPath dry = Csv.imported(team, file, "dryRun=true");
        assertEquals(6, dry.getInt("newPlaceCount"), dry.prettyPrint());
        assertEquals(List.of(Map.of("organization", "Inbound", "unit", "Night shif")), dry.getList("newPlaces").subList(0, 1));
        assertEquals(java.util.Arrays.asList("Inbound", "Outbound", "Outbound", "Outbound", "Outbound", "Inbound"),
                dry.getList("newPlaces.organization"));
        // a unit inside another makes its parent first when the organization has none of that name; a stored parent
        // is named as stored, not as the line spelt it
        assertEquals(java.util.Arrays.asList("Night shif", null, "Days", "Days › Dock 2", "Night shif", "Night shift › Dock 9"),
                dry.getList("newPlaces.unit"));
        team.api().get("/api/v1/organizations").then().body("items", hasSize(1));
        JsonPath real = Csv.imported(team, file);
        assertEquals(dry.getList("newPlaces"), real.getList("newPlaces"));
        // nothing new the second time
        JsonPath again = Csv.imported(team, file, "dryRun=true");
        assertEquals(0, again.getInt("newPlaceCount"));
        assertEquals(List.of(), again.getList("newPlaces"));
        // a line left out (its person is here and matches are left as they are) makes no place
        team.api().body(Map.of("fullName", "Zed Here", "email", "zed@example.org")).post("/api/v1/contacts").then().statusCode(201);
        JsonPath skipped = Csv.imported(team, "Name,Email,Workplace\nZed Here,zed@example.org,Nowhere Depot\n");
        assertEquals(1, skipped.getInt("skipped"));
        assertEquals(List.of(), skipped.getList("newPlaces"));
        team.api().get("/api/v1/organizations").then().body("items.name", not(hasItem("Nowhere Depot")));
    }

    /**
     * A household's phone, shared by two people: each line is matched to the one it names, a new name at that phone
     * is a new person (said), and a line without a name cannot say which (an error). The walk: Ama was renamed
     * "Kwame" and Kwame "Ama".
     */
    @Test
    void aPhoneSeveralShareIsMatchedByTheLinesName() {
        TestTeam team = TestTeam.create();
        String kwame = team.api().body(Map.of("fullName", "Kwame Boateng", "phone", "(718) 555-0102")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String ama = team.api().body(Map.of("fullName", "Ama Boateng", "phone", "(718) 555-0102")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String file = """
                Name,Phone,Tags
                Kwame Boateng,(718) 555-0102,tenant
                ama boateng,718.555.0102,tenant
                Kofi Boateng,7185550102,tenant
                ,718-555-0102,tenant
                Kofi Boateng,7185550102,youth
                """;
        JsonPath dry = Csv.imported(team, file, "dryRun=true&onMatch=update");
        // Kwame, Ama, and the new Kofi again on the last line
        assertEquals(3, dry.getInt("updated"), dry.prettyPrint());
        assertEquals(1, dry.getInt("created"), dry.prettyPrint());
        assertEquals(List.of(5), dry.getList("errors.row"));
        assertThat(dry.getString("errors[0].message"), containsString("share this phone"));
        assertEquals(List.of(4), dry.getList("warnings.row"), dry.prettyPrint());
        assertThat(dry.getString("warnings[0].message"), containsString("none of them 'Kofi Boateng'; they will be added"));
        JsonPath real = Csv.imported(team, file, "onMatch=update");
        assertEquals(dry.getInt("created"), real.getInt("created"));
        team.api().get("/api/v1/contacts/" + kwame).then().body("fullName", is("Kwame Boateng")).body("tags", hasItem("tenant"));
        team.api().get("/api/v1/contacts/" + ama).then().body("fullName", is("ama boateng")).body("tags", hasItem("tenant"));
        team.api().queryParam("q", "Kofi").get("/api/v1/contacts").then().body("items", hasSize(1))
                .body("items[0].tags", hasItem("youth"));
    }

    /**
     * One of a household given another phone by an earlier line stays one of those who share the first (the review:
     * a link on each contact lost Ama from the household's phone, and her line made a second Ama).
     */
    @Test
    void aSharerGivenANewPhoneStillLeavesTheOthersTheirs() {
        TestTeam team = TestTeam.create();
        for (Map<String, Object> person : List.<Map<String, Object>>of(
                Map.of("fullName", "Kwame Boateng", "phone", "(718) 555-0102"),
                Map.of("fullName", "Ama Boateng", "phone", "(718) 555-0102"),
                Map.of("fullName", "Kofi Boateng", "phone", "(718) 555-0102", "email", "kofi@example.org"),
                Map.of("fullName", "Lee Park", "phone", "(718) 555-0199"))) {
            team.api().body(person).post("/api/v1/contacts").then().statusCode(201);
        }
        JsonPath r = Csv.imported(team, """
                Name,Email,Phone
                Kofi Boateng,kofi@example.org,(718) 555-0199
                Ama Boateng,,(718) 555-0102
                """, "dryRun=true&onMatch=update");
        assertEquals(0, r.getInt("created"), r.prettyPrint());
        assertEquals(2, r.getInt("updated"), r.prettyPrint());
    }

    /** An organization made from a Workplace (or Employer, Lugar de trabajo) column is a workplace; a Building one a building. */
    @Test
    void anOrganizationMadeByTheImportTakesItsKindFromTheColumn() {
        TestTeam team = TestTeam.create();
        Csv.imported(team, "Name,Workplace\nWo Kind,Kind Works\n");
        Csv.imported(team, "Name,Employer\nEm Kind,Kind Employer\n");
        Csv.imported(team, "Nombre,Lugar de trabajo\nLu Kind,Kind Lugar\n");
        Csv.imported(team, "Name,Building\nBu Kind,Kind Tower\n");
        Csv.imported(team, "Name,Organization\nOr Kind,Kind Other\n");
        JsonPath orgs = team.api().get("/api/v1/organizations").then().statusCode(200).extract().jsonPath();
        Map<String, String> kinds = new java.util.HashMap<>();
        for (int i = 0; i < orgs.getList("items").size(); i++) {
            kinds.put(orgs.getString("items[" + i + "].name"), orgs.getString("items[" + i + "].kind"));
        }
        assertEquals(Map.of("Kind Works", "workplace", "Kind Employer", "workplace", "Kind Lugar", "workplace",
                "Kind Tower", "building", "Kind Other", "other"), kinds);
    }

    /** Each name of a nested unit counts on its own: an export of two long names comes back (the probe). */
    @Test
    void aNestedUnitOfTwoLongNamesComesBack() {
        TestTeam team = TestTeam.create();
        String parent = "P".repeat(150);
        String child = "C".repeat(150);
        JsonPath r = Csv.imported(team, "Name,Workplace,Unit\nLong Nest,Acme,\"" + parent + " › " + child + "\"\n"
                + "Too Long,Acme,\"" + parent + " › " + "D".repeat(201) + "\"\n");
        assertEquals(1, r.getInt("created"), r.prettyPrint());
        assertEquals(List.of(3), r.getList("errors.row"));
        assertEquals(java.util.Arrays.asList(null, parent, parent + " › " + child), r.getList("newPlaces.unit"));
    }

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** A background import's answer stored before the places were told reads back, with none. */
    @Test
    void anAnswerStoredBeforeThePlacesReadsBack() throws Exception {
        ImportJson.ImportReport old = json.readValue("""
                {"dryRun": false, "created": 2, "updated": 0, "skipped": 0, "errorRows": 0, "warningCount": 0,
                 "errors": [], "warnings": [], "unmappedColumns": [], "mapping": {"Name": "fullName"}}""",
                ImportJson.ImportReport.class);
        assertEquals(2, old.created());
        assertEquals(0, old.newPlaceCount());
        assertEquals(List.of(), old.newPlaces());
    }

    @Test
    void dryRunReportsExactlyAndWritesNothing() {
        TestTeam team = TestTeam.create();
        String file = """
                Name,Email,Workplace,Level
                One,one@example.org,New Shop,new
                Two,two@example.org,New Shop,cadre
                Bad,,,heroic
                One Again,one@example.org,,
                """;
        JsonPath dry = Csv.imported(team, file, "dryRun=true");
        assertTrue(dry.getBoolean("dryRun"));
        assertEquals(2, dry.getInt("created"));
        assertEquals(1, dry.getInt("skipped"));
        assertEquals(List.of(4), dry.getList("errors.row"));
        assertEquals(0, Csv.contacts(team).size());
        team.api().get("/api/v1/organizations").then().body("items", empty());
        JsonPath real = Csv.imported(team, file);
        assertEquals(dry.getInt("created"), real.getInt("created"));
        assertEquals(dry.getInt("skipped"), real.getInt("skipped"));
        assertEquals(dry.getList("errors"), real.getList("errors"));
        assertEquals(2, Csv.contacts(team).size());
    }

    /** "?dryRun=" asked for something: it was read as not sent, and imported the file for real. */
    @Test
    void anEmptyOrOddDryRunIsRefusedAndWritesNothing() {
        TestTeam team = TestTeam.create();
        for (String query : List.of("dryRun=", "dryRun=%20", "dryRun=yes", "dryRun=TRUE")) {
            Csv.post(team, "Name\nNot Yet\n", query).then().statusCode(400)
                    .body("errors[0].field", is("dryRun"));
        }
        assertEquals(0, Csv.contacts(team).size());
        assertEquals(1, Csv.imported(team, "Name\nNow\n", "dryRun=false").getInt("created"));
    }

    @Test
    void explicitMappingOverridesDetection() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, """
                Member,Contact,Shop,Phone
                Pat Rivera,pat@example.org,Bakery,555-0108
                """, "map=Member:fullName&map=Contact:email&map=Shop:note&map=Phone:ignore");
        assertEquals(1, r.getInt("created"));
        assertEquals(List.of(), r.getList("unmappedColumns"));
        Map<String, Object> pat = Csv.contactNamed(team, "Pat Rivera");
        assertEquals("pat@example.org", pat.get("email"));
        assertNull(pat.get("phone"));
        assertEquals("Shop: Bakery", pat.get("notes"));
        Csv.post(team, "Name\nX\n", "map=Name:shoeSize").then().statusCode(400)
                .body("errors[0].field", is("map")).body("detail", containsString("shoeSize"));
        Csv.post(team, "Name\nX\n", "map=Nope:email").then().statusCode(400).body("detail", containsString("Nope"));
        Csv.post(team, "Name\nX\n", "onMatch=merge").then().statusCode(400).body("errors[0].field", is("onMatch"));
    }

    /** A column named twice with two fields was mapped by the last one, without a word (found on a walk). */
    @Test
    void aColumnGivenTwoFieldsInTheMappingIsRefusedNamingIt() {
        TestTeam team = TestTeam.create();
        String file = "Name,Phone\nPat Rivera,555-0108\n";
        Csv.post(team, file, "map=Phone:phone&map=phone:notes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("map"))
                .body("errors[0].message", is("the column 'phone' is given two fields; give it one"
                        + " (columns of the same name take the same one)"));
        assertEquals(0, Csv.contacts(team).size(), "nothing was imported");
        // named twice with the same field says one thing: taken
        assertEquals(1, Csv.imported(team, file, "map=Phone:phone&map=PHONE:phone").getInt("created"));
        assertEquals("555-0108", Csv.contactNamed(team, "Pat Rivera").get("phone"));
    }

    @Test
    void phoneNumbersOfTheTeamsCountry() {
        assertEquals("7185550102", Phones.key("(718) 555-0102", "1"));
        assertEquals("7185550102", Phones.key("+1 718 555 0102", "1"));
        assertEquals("7185550102", Phones.key("1-718-555-0102", "1"));
        assertEquals("7185550102", Phones.key("001 718 555 0102", "1"));
        assertEquals("+442079460958", Phones.key("+44 20 7946 0958", "1"));
        assertEquals("2079460958", Phones.key("+44 (0)20 7946 0958", "44"));
        assertEquals("2079460958", Phones.key("020 7946 0958", "44"));
        assertNull(Phones.key("n/a", "1"));
    }

    @Test
    void theTeamsCountryCodeDecidesWhichNumbersMatch() {
        TestTeam team = TestTeam.create();
        team.api().get("/api/v1/team").then().body("phoneCountryCode", equalTo("1"));
        Csv.imported(team, "Name,Phone\nOlu Ade,+44 7700 900123\n");
        // in a US team the UK number written the UK way is somebody else
        JsonPath dry = Csv.imported(team, "Name,Phone\nOlu Ade,07700 900123\n", "dryRun=true");
        assertEquals(1, dry.getInt("created"));

        team.api().body(Map.of("phoneCountryCode", "44")).patch("/api/v1/team").then().statusCode(200)
                .body("phoneCountryCode", equalTo("44"));
        JsonPath r = Csv.imported(team, "Name,Phone\nOlu Ade,07700 900123\n");
        assertEquals(0, r.getInt("created"));
        assertEquals(1, r.getInt("skipped"));
        assertEquals(1, Csv.contacts(team).size());
    }

    @Test
    void aCountryCodeThatIsNotOneIsRefusedAndTheOldOneKept() {
        TestTeam team = TestTeam.create();
        for (String bad : List.of("+44", "0", "abc", "1234", "")) {
            team.api().body(Map.of("phoneCountryCode", bad)).patch("/api/v1/team").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("phoneCountryCode"));
        }
        team.api().body("{\"phoneCountryCode\": null}").patch("/api/v1/team").then().statusCode(400);
        team.api().get("/api/v1/team").then().body("phoneCountryCode", equalTo("1"));
    }

    @Test
    void aSecondImportIntoTheSameTeamWhileOneRunsIsRefused() throws Exception {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        // hold the team's import lock the way a running import does, from another connection
        try (java.sql.Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try (var ps = conn.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                ps.setString(1, "groundwork-import:" + team.teamId);
                ps.execute();
            }
            Csv.post(team, "Name\nWhile Busy\n", "").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("Another import into your team is running"));
            // other teams import as usual, and a dry run (which commits nothing) is not held up
            assertEquals(1, Csv.imported(other, "Name\nElsewhere\n").getInt("created"));
            assertEquals(1, Csv.imported(team, "Name\nJust Checking\n", "dryRun=true").getInt("created"));
            conn.rollback();
        }
        assertEquals(0, Csv.contacts(team).size());
        assertEquals(1, Csv.imported(team, "Name\nAfter It Ended\n").getInt("created"));
    }

    @Test
    void aNulCharacterInAFileIsALineErrorAndTheOtherLinesImport() {
        TestTeam team = TestTeam.create();
        JsonPath r = Csv.imported(team, "Name,Phone\nRosa\u0000Parks,0123\nLucy Parsons,0456\n");
        assertEquals(1, r.getInt("created"));
        assertEquals(1, r.getList("errors").size());
        assertEquals(2, r.getInt("errors[0].row"));
        assertTrue(r.getString("errors[0].message").contains("NUL"), r.getString("errors[0].message"));
    }
}
