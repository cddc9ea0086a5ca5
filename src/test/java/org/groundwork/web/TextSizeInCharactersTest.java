package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/**
 * A text's limit counts characters as the database's checks do (PostgreSQL's {@code length()}, one per code point):
 * an emoji is one character, two UTF-16 units. A name of 101 emoji was refused as over 200 (the walk).
 */
@QuarkusTest
class TextSizeInCharactersTest {

    /** U+1F91D, one character, two UTF-16 units. */
    private static final String HANDSHAKE = "\uD83E\uDD1D";

    private static String emoji(int n) {
        return HANDSHAKE.repeat(n);
    }

    @Test
    void twoHundredEmojiAreANameOfTwoHundredCharactersThroughTheApi() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", emoji(200))).post("/api/v1/contacts")
                .then().statusCode(201).body("fullName", is(emoji(200))).extract().path("id");
        team.api().get("/api/v1/contacts/" + contact).then().statusCode(200).body("fullName", is(emoji(200)));
        team.api().body(Map.of("fullName", emoji(201))).post("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", is("fullName")).body("errors[0].message", is("size must be between 0 and 200"));

        // a place's name, checked by the record and again once composed (Text.name)
        team.api().body(Map.of("name", emoji(200))).post("/api/v1/organizations").then().statusCode(201)
                .body("name", is(emoji(200)));
        team.api().body(Map.of("name", emoji(201) + "x")).post("/api/v1/organizations").then().statusCode(400)
                .body("errors[0].field", is("name")).body("errors[0].message", is("size must be between 0 and 200"));
        // a conversation's words: 20,000 characters, 40,000 UTF-16 units
        team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "summary", emoji(20_000))).post("/api/v1/conversations")
                .then().statusCode(201);
    }

    @Test
    void theFormCountsTheCharactersTyped() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.open("/contacts/new");
        Response page = s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of("fullName", emoji(201), "engagementLevel", "new", "position", "base"))
                .post("/contacts");
        PageFormsTest.assertFieldError(page, "fullName", "Use at most 200 characters (this has 201)");

        s.open("/contacts/new");
        s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of("fullName", emoji(200), "engagementLevel", "new", "position", "base"))
                .post("/contacts").then().statusCode(303);
        team.api().get("/api/v1/contacts").then().statusCode(200).body("items[0].fullName", is(emoji(200)));
    }

    @Test
    void anImportTakesAPlaceNameOfTwoHundredEmoji() {
        TestTeam team = TestTeam.create();
        String file = "Name,Organization\nRosa Parks," + emoji(200) + "\nAda Lovelace," + emoji(201) + "\n";
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/contacts")
                .then().statusCode(200).body("created", is(1)).body("errorRows", is(1))
                .body("errors[0].row", is(3)).body("errors[0].message", is("the organization name is longer than 200 characters"));
        team.api().get("/api/v1/organizations").then().statusCode(200).body("items.name", org.hamcrest.Matchers.contains(emoji(200)));
    }
}
