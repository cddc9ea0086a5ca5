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

    /** The phone rule's own words (contact/Phones), not a copy that could drift from them. */
    static final String PHONE_RULE = org.groundwork.contact.Phones.NOT_WRITTEN;

    static final String FIFTY_ONE_TAGS = IntStream.rangeClosed(0, 50).mapToObj(i -> "t" + i)
            .collect(Collectors.joining(", "));

    static final List<Bad> BAD = List.of(
            new Bad("fullName", "x".repeat(100_000), "size must be between 0 and 200", "Use at most 200 characters"),
            // 100,000 letters of two and three bytes: 600 and 900 KB in a form's encoding, past the 256 KB a form field
            // was held to, so the page was a 413 and the typing lost (a walk in Spanish); now the rule beside the field
            new Bad("fullName", "ñ".repeat(100_000), "size must be between 0 and 200", "Use at most 200 characters"),
            new Bad("fullName", "€".repeat(100_000), "size must be between 0 and 200", "Use at most 200 characters"),
            // nothing that shows (a no-break space, a zero-width space, a Hangul filler): a blank row in every list
            new Bad("fullName", "\u00A0\u200B\u3164", "must not be blank", "Fill this in"),
            // more of them (the probe, again): the Arabic letter mark, a joiner alone, the Hangul fillers
            new Bad("fullName", "\u061C\u200D\u115F\u1160", "must not be blank", "Fill this in"),
            new Bad("phone", "5".repeat(51), "size must be between 0 and 50", "Use at most 50 characters"),
            // phone notation (contact/Phones): words, a '+' inside, more digits than any number has
            new Bad("phone", "call after 5", PHONE_RULE, "Enter a phone number"),
            new Bad("phone", "555+0101", PHONE_RULE, "Enter a phone number"),
            new Bad("phone", "5".repeat(30), PHONE_RULE, "Enter a phone number"),
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
            // as a browser sends it: UTF-8 (RestAssured's default, ISO-8859-1, has no U+200B)
            Response page = s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form)
                    .post("/contacts");
            PageFormsTest.assertFieldError(page, bad.field(), bad.onPage());

            // a line of an import file
            file.append(csvLine(bad)).append('\n');
        }
        // the import says the same rule; a phone the phone rule refuses is a warning, not an error:
        // the person is imported without it (an export's old phone must not lose the person)
        JsonPath imported = importFile(team, file.toString());
        long phoneRule = BAD.stream().filter(b -> b.rule().equals(PHONE_RULE)).count();
        assertEquals(phoneRule, imported.getInt("created"), imported.prettyPrint());
        assertEquals(BAD.size() - phoneRule, imported.getInt("errorRows"), imported.prettyPrint());
        int errors = 0;
        int warnings = 0;
        for (int i = 0; i < BAD.size(); i++) {
            Bad bad = BAD.get(i);
            String said = bad.rule().equals(PHONE_RULE) ? "warnings[" + warnings++ + "]" : "errors[" + errors++ + "]";
            String message = imported.getString(said + ".message");
            assertEquals(i + 2, imported.getInt(said + ".row"), imported.prettyPrint());
            assertTrue(message.startsWith(bad.field() + ": " + bad.rule()), bad.field() + " in an import: " + message);
            if (bad.rule().equals(PHONE_RULE)) {
                assertTrue(message.endsWith("; the contact was imported without it"), message);
            }
        }
        assertEquals(phoneRule, warnings, imported.prettyPrint());
        team.api().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize((int) phoneRule))
                .body("items.phone", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
    }

    /**
     * The walk: a tag with a comma in it came back as two from the edit page and from an export imported again
     * (the pages and CSV files separate tags with commas, the import with semicolons too). The API refuses both in a
     * tag, naming it, on a new contact and a change; nothing is stored.
     */
    @Test
    void aTagWithACommaOrASemicolonIsRefusedByTheApi() {
        TestTeam team = TestTeam.create();
        for (String tag : List.of("rent strike, 2026", "rent; strike")) {
            team.api().body(Map.of("fullName", "Rosa Parks", "tags", List.of("building-a", tag))).post("/api/v1/contacts")
                    .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("tags[1]"))
                    .body("errors[0].message", containsString("must not hold a comma or a semicolon"));
        }
        String id = team.api().body(Map.of("fullName", "Rosa Parks", "tags", List.of("building-a"))).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        team.api().body(Map.of("tags", List.of("rent, strike"))).patch("/api/v1/contacts/" + id).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("tags[0]"));
        team.api().get("/api/v1/contacts/" + id).then().body("tags", org.hamcrest.Matchers.contains("building-a"));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(1));
    }

    /**
     * The fourth door, someone new checked in at an action: the same rules (ContactFields), the
     * API naming the item's field and the page saying it next to the field; nobody is added.
     */
    @Test
    void theDoorOfAnActionChecksTheSameRules() {
        TestTeam team = TestTeam.create();
        String action = team.api().body(Map.of("title", "Rally", "startsAt", "2026-05-01T07:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        int checked = 0;
        for (Bad bad : BAD) {
            if (!List.of("fullName", "phone", "email").contains(bad.field())) {
                continue; // the door asks for a name, a phone and an email only
            }
            checked++;
            Map<String, Object> newContact = new HashMap<>(Map.of("fullName", "Rosa Parks"));
            newContact.put(bad.field(), bad.value());
            JsonPath api = team.api().body(List.of(Map.of("newContact", newContact)))
                    .put("/api/v1/actions/" + action + "/attendance").then().statusCode(400)
                    .contentType("application/problem+json").extract().jsonPath();
            assertEquals(List.of("[0].newContact." + bad.field()), api.getList("errors.field"), bad.field() + " at the door");
            assertTrue(api.getString("errors[0].message").contains(bad.rule()),
                    bad.field() + " at the door: " + api.getString("errors[0].message"));

            s.open("/actions/" + action);
            Map<String, String> form = new HashMap<>(Map.of("fullName", "Rosa Parks", "firstTime", "true"));
            form.put(bad.field(), bad.value());
            Response page = s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form)
                    .post("/actions/" + action + "/attendance/new");
            PageFormsTest.assertFieldError(page, bad.field(), bad.onPage());
        }
        assertEquals(BAD.stream().filter(b -> List.of("fullName", "phone", "email").contains(b.field())).count(), checked);
        assertTrue(checked >= 4);
        team.api().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
        team.api().get("/api/v1/actions/" + action).then().body("attendance", hasSize(0));
    }

    /**
     * Someone new at the door with several mistakes hears of them all at once, in Add contact's words:
     * a NUL in the name no longer hides a phone too long and an email that is not one, and the phone's
     * message says how long it is, as the contact form's does. What was typed stays in the fields.
     */
    @Test
    void theDoorSaysEveryMistakeAtOnceInAddContactsWords() {
        TestTeam team = TestTeam.create();
        String action = team.api().body(Map.of("title", "Rally", "startsAt", "2026-05-01T07:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        String phone = "5".repeat(500);
        for (String name : List.of("\u0000", "Rosa Parks")) {
            s.open("/contacts/new");
            String added = s.form().formParams(Map.of("fullName", name, "phone", phone, "email", "notanemail",
                    "engagementLevel", "new", "position", "base")).post("/contacts").then().statusCode(400)
                    .extract().asString();
            s.open("/actions/" + action);
            String door = s.form().formParams(Map.of("fullName", name, "phone", phone, "email", "notanemail",
                    "firstTime", "true")).post("/actions/" + action + "/attendance/new").then().statusCode(400)
                    .extract().asString();
            List<String> fields = name.contains("\u0000") ? List.of("fullName", "phone", "email") : List.of("phone", "email");
            for (String field : fields) {
                String said = message(added, field);
                assertTrue(said != null, "Add contact says something about " + field + ":\n" + added);
                assertEquals(said, message(door, field), field + " at the door:\n" + door);
            }
            assertTrue(message(door, "phone").contains("Use at most 50 characters (this has 500)"), message(door, "phone"));
            assertTrue(door.contains("value=\"notanemail\"") && door.contains("value=\"" + phone + "\""), door);
        }
        team.api().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
        team.api().get("/api/v1/actions/" + action).then().body("attendance", hasSize(0));
    }

    /** The message next to a field of a page's form, or null. */
    private static String message(String html, String field) {
        int at = html.indexOf("id=\"f-" + field + "-error\"");
        return at < 0 ? null : html.substring(html.indexOf('>', at) + 1, html.indexOf("</p>", at)).strip();
    }

    /**
     * The import page says a line's broken rule plainly, per field, in the page's language, where
     * the API keeps the validator's words (above).
     */
    @Test
    void theImportPageSaysEachBrokenRulePlainlyInItsLanguage() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String file = "Name,Phone,Email,Notes\n"
                + "\"" + "x".repeat(201) + "\",,,\n"
                + "Rosa Parks," + "5".repeat(51) + ",,\n"
                + "Lucy Parsons,,not-an-email,\n"
                + "Ella Baker,,,\"" + "n".repeat(10_001) + "\"\n"
                + "Dolores Huerta,call after 5,,\n";
        String english = s.request().get(ImportPagesTest.upload(s, file)).then().statusCode(200).extract().asString();
        for (String said : List.of("the name is longer than 200 characters", "the phone is longer than 50 characters",
                "&#39;not-an-email&#39; is not an email address", "the notes are longer than 10000 characters",
                "&#39;call after 5&#39; is not a phone number (3 to 20 digits",
                // a check saves nothing: what the import will do
                "; the contact will be imported without it", "To be imported: lines to look at first")) {
            assertTrue(english.contains(said), said + " in:\n" + english);
        }
        assertTrue(!english.contains("size must be") && !english.contains("well-formed"), "no validator's words: " + english);

        s.open("/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        String spanish = s.request().get(ImportPagesTest.upload(s, file)).then().statusCode(200).extract().asString();
        for (String said : List.of("el nombre tiene más de 200 caracteres", "el teléfono tiene más de 50 caracteres",
                "&#39;not-an-email&#39; no es una dirección de correo", "las notas tienen más de 10000 caracteres",
                "&#39;call after 5&#39; no es un número de teléfono (de 3 a 20 cifras",
                // the phone rule's refusal is a warning: the person is imported without it
                "de 3 a 20 cifras, con espacios, - ( ) . / y un + solo al principio, como +34 o (+34), y quizá una"
                        + " extensión como x12, ext 12, #12, ,,12 o ;ext=12); el contacto se importará sin él",
                "Se importará: líneas que revisar antes")) {
            assertTrue(spanish.contains(said), said + " in:\n" + spanish);
        }
        assertEquals(0, ImportPagesTest.contacts(team));
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
                .then().statusCode(400).body(containsString("This contains a NUL character"),
                        containsString("value=\"RosaParks\""));
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
                new Bad("phone", "5".repeat(51), "size must be between 0 and 50", null),
                new Bad("phone", "call after 5", PHONE_RULE, null))) {
            team.api().header("If-Match", etag).body(Map.of(bad.field(), bad.value()))
                    .patch("/api/v1/contacts/" + id).then().statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.is(bad.field()))
                    .body("errors[0].message", containsString(bad.rule()));
        }
    }

    /**
     * The phones organizers write, and the demo team's, pass every door the phone rule guards: the
     * API, the contact form and an import line (contact/Phones.written).
     */
    @Test
    void phonesAsOrganizersWriteThemAreTakenThroughEveryDoor() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        List<String> good = List.of("(718) 555-0102", "+1 718 555 0102", "1-718-555-0102", "718.555.0102",
                "718/555 0102", "555", "555-0142-77", "+44 (0)20 7946 0958", "0044 20 7946 0958",
                "011 44 20 7946 0958", "(718) 555-0102 x123", "555-0101, ext. 12", "718 555 0102 EXT 7",
                "718\u00a0555\u20110102", "  600 111 222  ", "5".repeat(20),
                // a bracketed + (Spain, Latin America), "#", dialling pauses and RFC 3966's ;ext=
                "(+34) 612 345 678", "(+52) 55 1234 5678", "555-0102 #12", "555-0102,,12", "555-0102;ext=12");
        StringBuilder file = new StringBuilder("Name,Phone\n");
        for (int i = 0; i < good.size(); i++) {
            String phone = good.get(i);
            team.api().body(Map.of("fullName", "Api " + i, "phone", phone)).post("/api/v1/contacts")
                    .then().statusCode(201);
            s.open("/contacts/new");
            // as a browser sends it: UTF-8 (RestAssured's default, ISO-8859-1, has no U+2011)
            Response added = s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(Map.of("fullName", "Form " + i, "phone", phone, "engagementLevel", "new",
                    "position", "base", "someoneElse", "true")).post("/contacts");
            assertEquals(303, added.statusCode(), phone + " on the form: " + message(added.asString(), "phone"));
            file.append("\"Import ").append(i).append("\",\"").append(phone).append("\"\n");
        }
        JsonPath imported = importFile(team, file.toString());
        assertEquals(0, imported.getInt("errorRows"), imported.prettyPrint());
    }

    /** A bad phone on the contact form comes back next to the phone box, as typed, with a 400. */
    @Test
    void aBadPhoneOnTheFormIsSaidBesideItWithWhatWasTyped() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/new");
        Response page = s.form().formParams(Map.of("fullName", "Rosa Parks", "phone", "call after 5",
                "engagementLevel", "new", "position", "base")).post("/contacts");
        PageFormsTest.assertFieldError(page, "phone", "Enter a phone number: 3 to 20 digits");
        assertTrue(page.asString().contains("value=\"call after 5\""), page.asString());
        s.open("/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        s.open("/contacts/new");
        page = s.form().formParams(Map.of("fullName", "Rosa Parks", "phone", "+++", "engagementLevel", "new",
                "position", "base")).post("/contacts");
        PageFormsTest.assertFieldError(page, "phone", "Escribe un número de teléfono: de 3 a 20 cifras");
        assertTrue(page.asString().contains("value=\"+++\""), page.asString());
        team.api().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /**
     * A phone stored before the rule (2026-12-04), as old data and archives hold it, does not stop
     * an edit that leaves it as it is: the page's form sends it back with a name fixed, the API
     * patches the name and notes or sends it back unchanged. A new phone still meets the rule.
     */
    @Test
    void aPhoneStoredBeforeTheRuleStopsOnlyAnEditThatChangesIt() throws java.sql.SQLException {
        TestTeam team = TestTeam.create();
        String id = PageFormsTest.contact(team, "Lucy Parsns");
        try (java.sql.Connection c = org.groundwork.support.AllTeams.connection(dataSource);
             java.sql.PreparedStatement ps = c.prepareStatement("update contact set phone = 'call after 5' where id = ?::uuid")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        // (a) the edit page: a typo in the name fixed, the phone box as it came
        Session s = Session.logIn(team);
        String form = s.open("/contacts/" + id + "/edit");
        assertTrue(form.contains("value=\"call after 5\""), form);
        Response saved = s.form().formParam("fullName", "Lucy Parsons").formParam("phone", "call after 5")
                .formParam("position", "base").formParam("version", "0").post("/contacts/" + id + "/edit");
        assertEquals(303, saved.statusCode(), message(saved.asString(), "phone"));
        team.api().get("/api/v1/contacts/" + id).then().statusCode(200)
                .body("fullName", org.hamcrest.Matchers.is("Lucy Parsons"))
                .body("phone", org.hamcrest.Matchers.is("call after 5"));

        // a box the form could not read (no position chosen) is said alone: the phone as stored is not
        Response other = s.form().formParam("fullName", "Lucy Parsons").formParam("phone", "call after 5")
                .formParam("position", "").formParam("version", "1").post("/contacts/" + id + "/edit");
        PageFormsTest.assertFieldError(other, "position", "Choose one from the list");
        assertTrue(!other.asString().contains("id=\"f-phone-error\""), other.asString());

        // (b) the API: notes and name only, then the whole contact sent back as read
        team.api().header("If-Match", etag(team, id)).body(Map.of("notes", "Met at the picket", "fullName", "Lucy E. Parsons"))
                .patch("/api/v1/contacts/" + id).then().statusCode(200).body("notes", org.hamcrest.Matchers.is("Met at the picket"));
        team.api().header("If-Match", etag(team, id)).body(Map.of("fullName", "Lucy Parsons", "phone", "call after 5"))
                .patch("/api/v1/contacts/" + id).then().statusCode(200).body("phone", org.hamcrest.Matchers.is("call after 5"));

        // (c) another bad value is a new phone: refused by the API naming it and beside the page's box
        team.api().header("If-Match", etag(team, id)).body(Map.of("phone", "call after 6"))
                .patch("/api/v1/contacts/" + id).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("phone"))
                .body("errors[0].message", containsString(PHONE_RULE));
        s.open("/contacts/" + id + "/edit");
        Response refused = s.form().formParam("fullName", "Lucy Parsons").formParam("phone", "call after 5 pm")
                .formParam("position", "base").formParam("version", "3").post("/contacts/" + id + "/edit");
        PageFormsTest.assertFieldError(refused, "phone", "Enter a phone number: 3 to 20 digits");
        assertTrue(refused.asString().contains("value=\"call after 5 pm\""), refused.asString());
        team.api().get("/api/v1/contacts/" + id).then().body("phone", org.hamcrest.Matchers.is("call after 5"));

        // (d) a good phone replaces it
        team.api().header("If-Match", etag(team, id)).body(Map.of("phone", "718 555 0102"))
                .patch("/api/v1/contacts/" + id).then().statusCode(200).body("phone", org.hamcrest.Matchers.is("718 555 0102"));
    }

    private static String etag(TestTeam team, String id) {
        return team.api().get("/api/v1/contacts/" + id).then().statusCode(200).extract().header("ETag");
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
