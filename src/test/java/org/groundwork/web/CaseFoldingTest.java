package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Case aside" is PostgreSQL's lower(), everywhere: the unique indexes on names and email_key fold
 * with it, so a name or email is compared by it too, never by Java's toLowerCase, which makes
 * "İ" into "i̇" (i and a combining dot) and a final "Σ" into "ς" where lower() gives "i" and "σ".
 * Names such as "İstanbul Depot" and "ΟΔΟΣ" were refused mid-import, found nothing, or made twice.
 */
@QuarkusTest
class CaseFoldingTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /** lower(s), and the database's LC_CTYPE it folds under. */
    private String[] lower(String s) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("select lower(?), datctype from pg_database where datname = current_database()")) {
            ps.setString(1, s);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new String[]{rs.getString(1), rs.getString(2)};
            }
        }
    }

    /** The test database folds every letter (a UTF-8 LC_CTYPE), as docs/operations.md requires. */
    @Test
    void theDatabaseFoldsAsTheseTestsAssume() throws SQLException {
        for (String[] pair : new String[][]{{"İstanbul Depot", "istanbul depot"}, {"ΟΔΟΣ", "οδοσ"}, {"Émile", "émile"}}) {
            String[] folded = lower(pair[0]);
            assertEquals(pair[1], folded[0], "lower() under LC_CTYPE " + folded[1]);
        }
    }

    @Test
    void aUnitNameTheDatabaseHoldsAlreadyIsRefusedInPlainWords() {
        TestTeam team = TestTeam.create();
        String org = team.organization("Harbour " + TestTeam.unique(), "workplace");
        for (String[] pair : new String[][]{{"İstanbul Depot", "İstanbul Depot"}, {"istanbul yard", "İstanbul Yard"},
                {"οδοσ", "ΟΔΟΣ"}}) {
            team.unit(org, pair[0], "department");
            team.api().body(Map.of("name", pair[1], "kind", "department"))
                    .post("/api/v1/organizations/" + org + "/units")
                    .then().statusCode(409)
                    // said by the name the unit has, not the one typed (the walk)
                    .body("detail", containsString("already has a unit named '" + pair[0] + "'"));
        }
        // two names lower() keeps apart stay two units
        team.unit(org, "Straße", "department");
        team.unit(org, "STRASSE", "department");
    }

    /** Organizations were already compared by lower() (OrganizationService.byName): kept so. */
    @Test
    void anOrganizationNameTheDatabaseHoldsAlreadyIsRefusedInPlainWords() {
        TestTeam team = TestTeam.create();
        team.organization("İstanbul Depot", "workplace");
        team.organization("ΟΔΟΣ", "workplace");
        for (String again : List.of("İstanbul Depot", "istanbul depot", "ΟΔΟΣ", "οδοσ")) {
            team.api().body(Map.of("name", again, "kind", "workplace")).post("/api/v1/organizations")
                    .then().statusCode(409).body("detail", containsString("already has an organization named"));
        }
    }

    @Test
    void anImportFindsOrganizationsUnitsAndOwnersAsTheDatabaseFoldsThem() {
        TestTeam team = TestTeam.create();
        String depot = team.organization("İstanbul Depot", "workplace");
        String street = team.unit(depot, "ΟΔΟΣ", "department");
        String ownerEmail = "ΟΔΟΣ-" + TestTeam.unique() + "@groundwork.test";
        String ownerId = team.api().body(Map.of("email", ownerEmail, "displayName", "Owner", "role", "organizer",
                "password", TestTeam.PASSWORD)).post("/api/v1/organizers").then().statusCode(201).extract().path("id");
        String file = "Name,Email,Organization,Unit,Owner\n"
                // as stored, as an export writes them back
                + "Ayşe One,ayse1@example.org,İstanbul Depot,ΟΔΟΣ," + ownerEmail + "\n"
                // as lower() folds them
                + "Ayşe Two,ayse2@example.org,istanbul depot,οδοσ," + ownerEmail.replace("ΟΔΟΣ", "οδοσ") + "\n"
                // new ones, twice in the file as the database sees them: made once
                + "Ayşe Three,ayse3@example.org,İzmir Port,Kapı,\n"
                + "Ayşe Four,ayse4@example.org,izmir port,kapı,\n"
                + "Ayşe Five,ayse5@example.org,ΝΕΑ ΟΔΟΣ,ΟΔΟΣ,\n"
                + "Ayşe Six,ayse6@example.org,νεα οδοσ,οδοσ,\n"
                // and two that lower() keeps apart, as the unique index does: two
                + "Ayşe Seven,ayse7@example.org,Straße Works,,\n"
                + "Ayşe Eight,ayse8@example.org,STRASSE WORKS,,\n";
        JsonPath report = importFile(team, file);
        assertEquals(0, report.getInt("errorRows"), report.prettyPrint());
        assertEquals(8, report.getInt("created"), report.prettyPrint());
        assertEquals(List.of(), report.getList("warnings"), report.prettyPrint());
        for (String email : List.of("ayse1@example.org", "ayse2@example.org")) {
            JsonPath c = team.api().get("/api/v1/contacts?q=" + email).then().statusCode(200).extract().jsonPath();
            assertEquals(depot, c.getString("items[0].organizationId"), email);
            assertEquals(street, c.getString("items[0].unitId"), email);
            assertEquals(ownerId, c.getString("items[0].ownerId"), email);
        }
        List<String> names = team.api().get("/api/v1/organizations?limit=100").then().statusCode(200)
                .extract().path("items.name");
        assertEquals(5, names.size(), names.toString());
        assertTrue(names.containsAll(List.of("İstanbul Depot", "İzmir Port", "ΝΕΑ ΟΔΟΣ", "Straße Works", "STRASSE WORKS")),
                names.toString());
        team.api().get("/api/v1/organizations/" + depot + "/units").then().statusCode(200).body("items", hasSize(1));
    }

    /** An import matches a person by email as the door and email_key do: lower(), not Java's rule. */
    @Test
    void anImportMatchesAnEmailAsTheDatabaseFoldsIt() {
        TestTeam team = TestTeam.create();
        String ilker = team.api().body(Map.of("fullName", "İlker Yılmaz", "email", "İlker@example.org"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String odos = team.api().body(Map.of("fullName", "Odos Person", "email", "οδοσ@example.org"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        // people already known are skipped (the default), not made twice
        JsonPath report = importFile(team, "Name,Email\n"
                + "İlker Yılmaz,ilker@example.org\n"
                + "Odos Person,ΟΔΟΣ@example.org\n"
                + "Nur New,İnci@example.org\n"
                + "Nur New,inci@example.org\n");
        assertEquals(0, report.getInt("errorRows"), report.prettyPrint());
        assertEquals(1, report.getInt("created"), report.prettyPrint());
        assertEquals(3, report.getInt("skipped"), report.prettyPrint());
        List<String> ids = team.api().get("/api/v1/contacts?limit=100").then().statusCode(200).extract().path("items.id");
        assertEquals(3, ids.size(), ids.toString());
        assertTrue(ids.containsAll(List.of(ilker, odos)), ids.toString());
    }

    /** At the door (the contact form), an email typed as it is stored finds the person. */
    @Test
    void theContactFormFindsAPersonByAnEmailTypedAsStored() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        for (String email : List.of("ΟΔΟΣ@example.org", "İlker@example.org", "Émile@example.org")) {
            team.api().body(Map.of("fullName", "Known " + email, "email", email)).post("/api/v1/contacts")
                    .then().statusCode(201);
            s.open("/contacts/new");
            Response page = s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParams(Map.of("fullName", "Typed Again", "email", email, "engagementLevel", "new",
                            "position", "base")).post("/contacts");
            assertEquals(200, page.statusCode(), email);
            assertTrue(page.asString().contains("id=\"same-person\""), email + ": " + page.asString());
        }
        team.api().get("/api/v1/contacts?q=Typed").then().statusCode(200).body("items", hasSize(0));
    }

    /** The search and the name check fold the words typed as the stored names are folded. */
    @Test
    void aNameIsFoundWrittenAsStoredOrAsLowerFoldsIt() {
        TestTeam team = TestTeam.create();
        for (String name : List.of("ΟΔΟΣ Worker", "İlker Yılmaz", "Straße Kern")) {
            team.api().body(Map.of("fullName", name)).post("/api/v1/contacts").then().statusCode(201);
        }
        for (String[] q : new String[][]{{"ΟΔΟΣ", "ΟΔΟΣ Worker"}, {"οδοσ", "ΟΔΟΣ Worker"}, {"İlker", "İlker Yılmaz"},
                {"ilker", "İlker Yılmaz"}, {"İLKER", "İlker Yılmaz"}, {"straße", "Straße Kern"}}) {
            List<String> found = team.api().queryParam("q", q[0]).get("/api/v1/contacts").then().statusCode(200)
                    .extract().path("items.fullName");
            assertEquals(List.of(q[1]), found, "searching " + q[0]);
        }
        // the door's "someone you already know?" by name
        String action = CheckInAtTheDoorBrowserTest.action(team);
        Session s = Session.onPage(team, "/actions/" + action);
        Response asked = s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("fullName", "ΟΔΟΣ WORKER").formParam("phone", "").formParam("email", "")
                .formParam("firstTime", "true").post("/actions/" + action + "/attendance/new");
        asked.then().statusCode(200);
        assertTrue(asked.asString().contains("someone you already know?"), asked.asString());
        // and spaces aside, as names are stored (ContactFields.storedName): a no-break space pasted, doubled spaces
        s.open("/actions/" + action);
        Response spaced = s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("fullName", "ΟΔΟΣ\u00A0 worker").formParam("phone", "").formParam("email", "")
                .formParam("firstTime", "true").post("/actions/" + action + "/attendance/new");
        spaced.then().statusCode(200);
        // the question quotes the name as it will be stored, not with the spaces pasted (the walk)
        assertTrue(spaced.asString().contains("Is ΟΔΟΣ worker someone you already know?"), spaced.asString());
    }

    /**
     * The login throttle counts one account's failures under one key, however its email is
     * written: "ΟΔΟΣ-…" and "οδοσ-…" log into one account (email_key), so they are counted
     * together; Java's fold gave them two keys, twice the guesses before the wait.
     */
    @Test
    void wrongPasswordsForOneAccountAreCountedTogetherHoweverItsEmailIsWritten() {
        TestTeam team = TestTeam.create();
        String email = "ΟΔΟΣ-" + TestTeam.unique() + "@groundwork.test";
        team.api().body(Map.of("email", email, "displayName", "Greek", "role", "organizer", "password", TestTeam.PASSWORD))
                .post("/api/v1/organizers").then().statusCode(201);
        String address = "10.78." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
        for (int i = 0; i < 5; i++) {
            tokenRequest(address, i % 2 == 0 ? email : email.replace("ΟΔΟΣ", "οδοσ"), "wrong password " + i)
                    .then().statusCode(401);
        }
        // five failures for the account (the limit): the right password waits too
        tokenRequest(address, email, TestTeam.PASSWORD).then().statusCode(429);
    }

    private static Response tokenRequest(String address, String email, String password) {
        return given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("email", email, "password", password, "name", "script")).post("/api/v1/tokens");
    }

    private static JsonPath importFile(TestTeam team, String file) {
        return given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/contacts")
                .then().statusCode(200).extract().jsonPath();
    }
}
