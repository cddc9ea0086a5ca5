package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One validation of a contact's fields (contact/ContactFields) through the three doors: the same
 * bad value sent to the API, posted on the contact form and given on a line of an import file is
 * refused by each, which names the same field and the same rule, and nothing is stored.
 */
@QuarkusTest
class ContactFieldsDoorsTest {

    /**
     * A bad value of one field; {@code rule} is in the API's and the import's words (the validator's
     * message), {@code onPage} in the form's message next to the field.
     */
    record Bad(String field, String value, String rule, String onPage) {
    }

    static final String FIFTY_ONE_TAGS = IntStream.rangeClosed(0, 50).mapToObj(i -> "t" + i)
            .collect(Collectors.joining(", "));

    static final List<Bad> BAD = List.of(
            new Bad("fullName", "x".repeat(100_000), "size must be between 0 and 200", "Use at most 200 characters"),
            new Bad("phone", "5".repeat(51), "size must be between 0 and 50", "Use at most 50 characters"),
            new Bad("email", "not-an-email", "must be a well-formed email address", "Enter an email address"),
            new Bad("email", "two@at@example.org", "must be a well-formed email address", "Enter an email address"),
            new Bad("notes", "n".repeat(10_001), "size must be between 0 and 10000", "Use at most 10,000 characters"),
            new Bad("tags", FIFTY_ONE_TAGS, "at most 50 tags", "At most 50 tags"));

    @Test
    void theSameBadValueGetsTheSameVerdictFromTheApiTheFormAndTheImport() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        StringBuilder file = new StringBuilder("Name,Phone,Email,Notes,Tags\n");
        for (Bad bad : BAD) {
            // the API
            Map<String, Object> body = new HashMap<>(Map.of("fullName", "Rosa Parks"));
            body.put(bad.field(), bad.field().equals("tags") ? List.of(bad.value().split(", ")) : bad.value());
            JsonPath api = team.api().body(body).post("/api/v1/contacts").then().statusCode(400)
                    .extract().jsonPath();
            assertEquals(List.of(bad.field()), api.getList("errors.field"), bad.field() + " through the API");
            assertTrue(api.getString("errors[0].message").contains(bad.rule()),
                    bad.field() + " through the API: " + api.getString("errors[0].message"));

            // the contact form
            s.open("/contacts/new");
            Map<String, String> form = new HashMap<>(Map.of("fullName", "Rosa Parks", "engagementLevel", "new",
                    "position", "base"));
            form.put(bad.field(), bad.value());
            Response page = s.form().formParams(form).post("/contacts");
            PageFormsTest.assertFieldError(page, bad.field(), bad.onPage());

            // a line of an import file
            file.append(csvLine(bad)).append('\n');
        }
        JsonPath imported = importFile(team, file.toString());
        assertEquals(0, imported.getInt("created"), imported.prettyPrint());
        assertEquals(BAD.size(), imported.getInt("errorRows"), imported.prettyPrint());
        for (int i = 0; i < BAD.size(); i++) {
            Bad bad = BAD.get(i);
            String message = imported.getString("errors[" + i + "].message");
            assertEquals(i + 2, imported.getInt("errors[" + i + "].row"));
            assertTrue(message.startsWith(bad.field() + ": " + bad.rule()), bad.field() + " in an import: " + message);
        }
        team.api().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
    }

    /** NUL is refused at each door before the rules (PostgreSQL cannot store it), named the same way. */
    @Test
    void aNulCharacterIsNamedByItsFieldThroughEveryDoor() {
        TestTeam team = TestTeam.create();
        String nul = "Rosa\u0000Parks";
        team.api().body(Map.of("fullName", nul)).post("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", containsString("fullName")).body("errors[0].message", containsString("NUL"));
        Session s = Session.logIn(team);
        s.open("/contacts/new");
        s.form().accept("text/html").formParam("fullName", nul).formParam("engagementLevel", "new")
                .formParam("position", "base").post("/contacts")
                .then().statusCode(400).body(containsString("<strong>fullName</strong>: contains a NUL character"));
        JsonPath imported = importFile(team, "Email,Name\nrosa@example.org," + nul + "\n");
        assertEquals(List.of("fullName: contains a NUL character (\\u0000), which cannot be stored"),
                imported.getList("errors.message"));
        team.api().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
    }

    /** A change says what a new contact is told: a blank name is refused by the rule, not by the database. */
    @Test
    void aChangeIsCheckedByTheSameRules() {
        TestTeam team = TestTeam.create();
        String id = PageFormsTest.contact(team, "Lucy Parsons");
        String etag = team.api().get("/api/v1/contacts/" + id).then().statusCode(200).extract().header("ETag");
        for (Bad bad : List.of(new Bad("fullName", "   ", "must not be blank", null),
                new Bad("email", "not-an-email", "must be a well-formed email address", null),
                new Bad("phone", "5".repeat(51), "size must be between 0 and 50", null))) {
            team.api().header("If-Match", etag).body(Map.of(bad.field(), bad.value()))
                    .patch("/api/v1/contacts/" + id).then().statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.is(bad.field()))
                    .body("errors[0].message", containsString(bad.rule()));
        }
    }

    private static String csvLine(Bad bad) {
        List<String> cells = new ArrayList<>(List.of("Rosa Parks", "", "", "", ""));
        int column = List.of("fullName", "phone", "email", "notes", "tags").indexOf(bad.field());
        cells.set(column, bad.value());
        return cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","));
    }

    private static JsonPath importFile(TestTeam team, String file) {
        return given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/contacts")
                .then().statusCode(200).extract().jsonPath();
    }
}
