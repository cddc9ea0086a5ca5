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

    /**
     * The other texts with a limit: a phone's notation rule hands over to {@code @Size} past 50 characters (26 emoji
     * had passed both, the review), a tag, the search, and a minimum (a password of 7 characters in 8 units).
     */
    @Test
    void theOtherLimitsCountCharactersToo() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Rosa Parks", "phone", emoji(26))).post("/api/v1/contacts").then()
                .statusCode(400).body("errors[0].field", is("phone"))
                .body("errors[0].message", is(org.groundwork.contact.Phones.NOT_WRITTEN));
        team.api().body(Map.of("fullName", "Rosa Parks", "phone", emoji(51))).post("/api/v1/contacts").then()
                .statusCode(400).body("errors[0].field", is("phone")).body("errors[0].message", is("size must be between 0 and 50"));
        team.api().body(Map.of("fullName", "Rosa Parks", "tags", java.util.List.of(emoji(50)))).post("/api/v1/contacts")
                .then().statusCode(201).body("tags[0]", is(emoji(50)));
        team.api().body(Map.of("fullName", "Rosa Parks", "tags", java.util.List.of(emoji(51)))).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", is("tags[0]"));
        // the contact list's search (the API's has no limit)
        Session s = Session.logIn(team);
        s.request().queryParam("q", emoji(200)).get("/contacts").then().statusCode(200);
        s.request().queryParam("q", emoji(201)).get("/contacts").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("id=\"f-q-error\""));
        team.api().body(Map.of("currentPassword", TestTeam.PASSWORD, "newPassword", "abcdef" + HANDSHAKE))
                .post("/api/v1/me/password").then().statusCode(400).body("errors[0].field", is("newPassword"))
                .body("errors[0].message", is("size must be between 8 and 200"));
        // the one token the test holds is still good: nothing changed
        team.api().get("/api/v1/me").then().statusCode(200);
    }

    /** A tie search sent by hand past 200 characters is kept for the box cut at 200, not inside an emoji. */
    @Test
    void aTieSearchTooLongIsCutBetweenCharacters() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Rosa Parks")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String page = Session.logIn(team).request().queryParam("tieSearch", "a" + emoji(250))
                .get("/contacts/" + contact).asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("value=\"a" + emoji(199) + "\""), "cut at 200 characters");
    }

    @Test
    void aTokensNameOnThePageCountsCharacters() {
        TestTeam team = TestTeam.create();
        Session s = Session.onPage(team, "/settings");
        Response refused = s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("tokenName", emoji(101)).post("/settings/tokens");
        PageFormsTest.assertFieldError(refused, "tokenName", "Use at most 100 characters (this has 101)");
        s.form().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("tokenName", emoji(100))
                .post("/settings/tokens").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("shown only this once"));
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
