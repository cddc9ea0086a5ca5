package org.groundwork.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganizationsTest {

    @Test
    void createGetAndList() {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("name", "  Acme Warehouse ", "kind", "workplace"))
                .post("/api/v1/organizations").then().statusCode(201)
                .header("Location", containsString("/api/v1/organizations/"))
                .header("ETag", notNullValue())
                .body("name", is("Acme Warehouse"))
                .body("kind", is("workplace"))
                .body("createdAt", notNullValue())
                .extract().path("id");
        team.api().get("/api/v1/organizations/" + id).then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("id", is(id)).body("name", is("Acme Warehouse")).body("kind", is("workplace"));
        team.api().body(Map.of("name", "Maple Court")).post("/api/v1/organizations").then().statusCode(201)
                .body("kind", is("other"));
        team.api().body(Map.of("name", "Teachers Union 50%", "kind", "tenant-association"))
                .post("/api/v1/organizations").then().statusCode(201).body("kind", is("tenant-association"));

        team.api().get("/api/v1/organizations").then().statusCode(200)
                .body("items.name", contains("Acme Warehouse", "Maple Court", "Teachers Union 50%"))
                .body("nextCursor", nullValue());
        team.api().queryParam("q", "WAREHOUSE").get("/api/v1/organizations").then().statusCode(200)
                .body("items.name", contains("Acme Warehouse"));
        // wildcards in q are taken literally
        team.api().queryParam("q", "50%").get("/api/v1/organizations").then().statusCode(200)
                .body("items.name", contains("Teachers Union 50%"));
        team.api().queryParam("q", "%").get("/api/v1/organizations").then().statusCode(200)
                .body("items.name", contains("Teachers Union 50%"));
    }

    @Test
    void locationNamesTheNewOrganization() {
        TestTeam team = TestTeam.create();
        var response = team.api().body(Map.of("name", "Hospital")).post("/api/v1/organizations");
        response.then().statusCode(201);
        org.junit.jupiter.api.Assertions.assertTrue(
                response.header("Location").endsWith("/api/v1/organizations/" + response.path("id")));
    }

    @Test
    void duplicateNameInTheTeamIsAConflictButOtherTeamsMayUseIt() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("name", "Riverside Tenants")).post("/api/v1/organizations").then().statusCode(201);
        team.api().body(Map.of("name", "riverside TENANTS ")).post("/api/v1/organizations").then().statusCode(409)
                .contentType("application/problem+json").body("status", is(409));
        team.api().get("/api/v1/organizations").then().body("items", hasSize(1));
        TestTeam.create().api().body(Map.of("name", "Riverside Tenants")).post("/api/v1/organizations")
                .then().statusCode(201);
    }

    /**
     * The probe: a name of the same look in other characters (a combining accent, a no-break space pasted
     * from a web page, a zero-width space) made a second organization. Stored composed, with plain
     * spaces and without the invisible ones, it is the same name; one of only invisible ones is blank.
     */
    @Test
    void aNameOfTheSameLookInOtherCharactersIsTheSameName() {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("name", "Caf\u00e9 Workers")).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
        for (String lookalike : List.of("Cafe\u0301 Workers", "Caf\u00e9\u00a0Workers", "Caf\u00e9 \u200bWorkers",
                "Caf\u00e9\u2002 Workers\ufeff")) {
            team.api().body(Map.of("name", lookalike)).post("/api/v1/organizations").then().statusCode(409);
        }
        String acme = team.api().body(Map.of("name", "Acme\u00a0\u00a0Warehouse\u200b")).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("name");
        assertEquals("Acme Warehouse", acme);
        // and those the probe found next: the Arabic letter mark, a joiner alone, the Hangul fillers, an invisible
        // operator, a Khmer inherent vowel, a Mongolian variation selector, a musical formatting character
        for (String invisible : List.of("\u200b\u2060", "\u200e", "\u3164", "\u2800", "\udb40\udc20", "\u061c",
                "\u200d", "\u200c\u200d", "\u115f\u1160", "\u2061", "\u17b4", "\u180b", "\ud834\udd73")) {
            team.api().body(Map.of("name", invisible)).post("/api/v1/organizations").then().statusCode(400)
                    .body("errors[0].field", is("name"));
        }
        // a joiner at an end or beside a space joins nothing: the same name (the review); inside a word it stays,
        // as a Mongolian variation selector does (they choose a letter's shape)
        team.api().body(Map.of("name", "\u200dAcme Warehouse\u200c")).post("/api/v1/organizations").then().statusCode(409);
        team.api().body(Map.of("name", "Acme \u200dWarehouse")).post("/api/v1/organizations").then().statusCode(409);
        // nor one between letters or digits of a script that joins nothing with it (the probe of session 45), while
        // Persian keeps its non-joiner and Devanagari its joiner after a virama; an accent kept from its letter by an
        // invisible character is composed with it once that is gone (the review)
        team.api().body(Map.of("name", "1400 River Street")).post("/api/v1/organizations").then().statusCode(201);
        for (String lookalike : List.of("14\u200d00 River Street", "1400 River Stre\u200cet", "1400 River\u200c\u200d Street")) {
            team.api().body(Map.of("name", lookalike)).post("/api/v1/organizations").then().statusCode(409);
        }
        team.api().body(Map.of("name", "Cafe\u00ad\u0301 Workers")).post("/api/v1/organizations").then().statusCode(409);
        for (String joined : List.of("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0915\u094d\u200d\u0937 Sangh")) {
            team.api().body(Map.of("name", joined)).post("/api/v1/organizations").then().statusCode(201).body("name", is(joined));
        }
        // direction marks and overrides (U+202E turns how a name reads) make no other name either
        team.api().body(Map.of("name", "\u202eCaf\u00e9 Workers\u200e")).post("/api/v1/organizations").then().statusCode(409);
        // a name that composing makes longer than 200 (U+0958 is two characters in NFC): a 400 on the name, not a 409
        team.api().body(Map.of("name", "\u0958".repeat(150))).post("/api/v1/organizations").then().statusCode(400)
                .body("errors[0].field", is("name")).body("errors[0].message", is("size must be between 0 and 200"));
        // typed with a combining accent or a no-break space, the search finds the name stored
        team.api().queryParam("q", "Cafe\u0301\u00a0Work").get("/api/v1/organizations").then()
                .body("items.name", contains("Caf\u00e9 Workers"));
        team.api().get("/api/v1/organizations").then().body("items", hasSize(5));
        assertEquals("\u182e\u180b\u1823", team.api().body(Map.of("name", "\u182e\u180b\u1823")).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("name"));
        // a unit's name likewise
        team.api().body(Map.of("name", "Floor\u00a03")).post("/api/v1/organizations/" + id + "/units").then().statusCode(201)
                .body("name", is("Floor 3"));
        team.api().body(Map.of("name", "floor 3\u200b")).post("/api/v1/organizations/" + id + "/units").then().statusCode(409);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("kind", "union")).post("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("name"));
        team.api().body(Map.of("name", "   ")).post("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", contains("name"));
        team.api().body(Map.of("name", "x".repeat(201))).post("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", contains("name"));
        team.api().body(Map.of("name", "Boss Co", "kind", "boss")).post("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", contains("kind")).body("errors[0].message", containsString("workplace"));
        team.api().body("{\"name\": ").post("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json");
        team.api().contentType(ContentType.TEXT).body("name=x").post("/api/v1/organizations").then().statusCode(415)
                .contentType("application/problem+json");
        team.api().post("/api/v1/organizations").then().statusCode(400).contentType("application/problem+json");
        team.api().get("/api/v1/organizations").then().statusCode(200).body("items", empty());

        team.api().queryParam("cursor", "not-a-cursor").get("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", contains("cursor"));
        team.api().queryParam("limit", "0").get("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", contains("limit"));
        team.api().queryParam("limit", "many").get("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", contains("limit"));
        team.api().get("/api/v1/organizations/not-an-id").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void pagesFollowTheCursor() {
        TestTeam team = TestTeam.create();
        for (String name : List.of("One", "Two", "Three")) {
            team.api().body(Map.of("name", name)).post("/api/v1/organizations").then().statusCode(201);
        }
        String next = team.api().queryParam("limit", 2).get("/api/v1/organizations").then().statusCode(200)
                .body("items.name", contains("One", "Two")).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        team.api().queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/organizations").then()
                .statusCode(200).body("items.name", contains("Three")).body("nextCursor", nullValue());
    }

    /**
     * Names whose lower case Java and PostgreSQL disagree on ("İ": Java "i̇", PostgreSQL "i";
     * "ΟΔΟΣ": Java "οδος", PostgreSQL "οδοσ"; under a C locale PostgreSQL leaves "É" as it is):
     * q is folded by the same lower() as the name it is compared with, so a name typed as it is
     * stored finds it; and the API's list (by id) pages through them with limit=1, each once.
     */
    @Test
    void qFindsANameTypedAsItIsStoredWhateverItsLettersAndPagesSeeEachOnce() {
        TestTeam team = TestTeam.create();
        List<String> names = List.of("İstanbul Sendikası", "Istanbul Sendikasi", "ıstanbul", "Straße 1",
                "STRASSE 1", "ΟΔΟΣ", "οδος", "Émile", "emile", "Zürich", "ZURICH");
        for (String name : names) {
            team.api().body(Map.of("name", name)).post("/api/v1/organizations").then().statusCode(201);
        }
        for (String name : names) {
            team.api().queryParam("q", name).get("/api/v1/organizations").then().statusCode(200)
                    .body("items.name", hasItem(name));
        }
        List<String> all = team.api().queryParam("limit", 100).get("/api/v1/organizations").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().path("items.name");
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = team.api().queryParam("limit", 1);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            var body = page.get("/api/v1/organizations").then().statusCode(200).body("items", hasSize(1)).extract();
            seen.add(body.path("items[0].name"));
            cursor = body.path("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(all, seen, "each once, in the unpaged list's order");
        org.junit.jupiter.api.Assertions.assertEquals(names.size(), seen.size());
    }

    @Test
    void anotherTeamNeverSeesThem() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String id = team.api().body(Map.of("name", "Secret Shop")).post("/api/v1/organizations").then()
                .statusCode(201).extract().path("id");
        String unknown = other.api().get("/api/v1/organizations/0190f0f0-0000-7000-8000-000000000000").then()
                .statusCode(404).extract().body().asString();
        String foreign = other.api().get("/api/v1/organizations/" + id).then().statusCode(404)
                .contentType("application/problem+json").extract().body().asString();
        org.junit.jupiter.api.Assertions.assertEquals(unknown, foreign);
        other.api().get("/api/v1/organizations").then().statusCode(200).body("items", empty());
        other.api().queryParam("q", "Secret").get("/api/v1/organizations").then().body("items", empty());
    }
}
