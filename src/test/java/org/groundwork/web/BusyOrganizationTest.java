package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.HeldLocks;
import org.groundwork.support.TestTeam;
import org.groundwork.organization.OrganizationService;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import holds each organization it puts people into until it commits (FOR SHARE, OrganizationService.keepUnits):
 * ~20 s for 100,000 rows. A rename, a unit made or removed, or a merge of that organization waited all of it, past the
 * request's own timeout (the review of session 47). Now it waits a few seconds, then says why, and nothing is
 * changed. Here the test's own connection holds the row as the import does.
 */
@QuarkusTest
class BusyOrganizationTest {

    @Inject
    DataSource dataSource;

    @Test
    void changesOfAnOrganizationAnImportHoldsAreRefusedInWordsAfterAShortWait() throws Exception {
        TestTeam team = TestTeam.create();
        String acme = team.organization("Acme Plant", "workplace");
        String nights = team.unit(acme, "Nights", "shift");
        String into = team.organization("Acme Holdings", "workplace");
        try (Connection importing = AllTeams.connection(dataSource)) {
            importing.setAutoCommit(false);
            HeldLocks.execute(importing, "select 1 from organization where id = ? for share", acme);

            busy(() -> api(team).body(Map.of("name", "Acme Works")).patch("/api/v1/organizations/" + acme), OrganizationService.BUSY);
            busy(() -> api(team).body(Map.of("name", "Days")).post("/api/v1/organizations/" + acme + "/units"), OrganizationService.BUSY);
            busy(() -> api(team).delete("/api/v1/organizations/" + acme + "/units/" + nights), OrganizationService.BUSY);
            busy(() -> api(team).body(Map.of("intoOrganizationId", acme)).post("/api/v1/organizations/" + into + "/merge"),
                    OrganizationService.BUSY);

            // on a page: the words, with what was typed kept
            Session s = Session.logIn(team);
            s.open("/organizations/" + acme);
            s.form().formParam("name", "Acme Typed").formParam("kind", "workplace")
                    .post("/organizations/" + acme + "/rename").then().statusCode(409)
                    .body(containsString("Someone is importing people into this organization"))
                    .body(containsString("value=\"Acme Typed\""));

            // a person put into it by hand holds it the same way, side by side with the import
            team.api().body(Map.of("fullName", "Bea Busy", "organizationId", acme, "unitId", nights))
                    .post("/api/v1/contacts").then().statusCode(201);
            importing.commit();
        }
        // nothing of the refused changes happened, and each goes through once the import is done
        team.api().get("/api/v1/organizations/" + acme).then().statusCode(200).body("name", is("Acme Plant"));
        team.api().get("/api/v1/organizations/" + into).then().statusCode(200).body("name", is("Acme Holdings"));
        List<String> units = team.api().get("/api/v1/organizations/" + acme + "/units").then().statusCode(200)
                .extract().jsonPath().getList("items.name");
        assertEquals(List.of("Nights"), units);
        team.api().body(Map.of("name", "Acme Works")).patch("/api/v1/organizations/" + acme).then().statusCode(200)
                .body("name", is("Acme Works"));
        team.api().body(Map.of("name", "Days")).post("/api/v1/organizations/" + acme + "/units").then().statusCode(201);
    }

    /**
     * An import changing people of an organization (their phones, say) without putting anyone into it holds their
     * rows, not the organization's: a merge, or a unit's removal moving its people, waited on those rows for the
     * whole import (the review). It waits as long as for the organization's row, then says so.
     */
    @Test
    void aMergeOrAMoveOfPeopleAnImportIsChangingIsRefusedInWordsAfterAShortWait() throws Exception {
        TestTeam team = TestTeam.create();
        String acme = team.organization("Acme Plant", "workplace");
        String nights = team.unit(acme, "Nights", "shift");
        String days = team.unit(acme, "Days", "shift");
        String into = team.organization("Acme Holdings", "workplace");
        String ana = team.api().body(Map.of("fullName", "Ana Held", "organizationId", acme, "unitId", nights))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        try (Connection importing = AllTeams.connection(dataSource)) {
            importing.setAutoCommit(false);
            HeldLocks.execute(importing, "select 1 from contact where id = ? for no key update", ana);
            String words = "Someone else is changing these records right now (an import, perhaps); nothing was saved. "
                    + "Try again when they have finished.";
            busy(() -> api(team).body(Map.of("intoOrganizationId", into)).post("/api/v1/organizations/" + acme + "/merge"), words);
            busy(() -> api(team).queryParam("moveTo", days).delete("/api/v1/organizations/" + acme + "/units/" + nights), words);
            // on a page: the unit's page again with its words and the unit chosen, not the error page
            Session s = Session.logIn(team);
            s.open("/organizations/" + acme + "/units/" + nights);
            s.form().formParam("moveTo", days).post("/organizations/" + acme + "/units/" + nights + "/remove").then()
                    .statusCode(409).body(containsString("Someone else is changing these records"))
                    .body(containsString("f-unitName"));
            importing.commit();
        }
        team.api().get("/api/v1/organizations/" + acme).then().statusCode(200);
        team.api().get("/api/v1/contacts/" + ana).then().statusCode(200).body("unitId", is(nights));
        team.api().queryParam("moveTo", days).delete("/api/v1/organizations/" + acme + "/units/" + nights).then().statusCode(204);
    }

    /**
     * An import that makes an organization or a unit holds the team's places version (V28_2) until it commits: a new
     * organization, a unit renamed or moved up by hand waited for all of it (the review). Each waits as long, then
     * says so; the move up on its page, as words with the organization's page.
     */
    @Test
    void aNewOrganizationOrAUnitRenamedWhileAnImportMakesPlacesIsRefusedInWordsAfterAShortWait() throws Exception {
        TestTeam team = TestTeam.create();
        String acme = team.organization("Acme Plant", "workplace");
        team.unit(acme, "Days", "shift");
        String nights = team.unit(acme, "Nights", "shift");
        String words = "Someone else is changing these records right now (an import, perhaps); nothing was saved. "
                + "Try again when they have finished.";
        try (Connection importing = AllTeams.connection(dataSource)) {
            importing.setAutoCommit(false);
            // as the import's insert of an organization leaves it: the row updated, held until the import commits
            HeldLocks.execute(importing, "update team_places_version set version = version + 1 where team_id = ?", team.teamId);
            busy(() -> api(team).body(Map.of("name", "Beta Works")).post("/api/v1/organizations"), words);
            busy(() -> api(team).body(Map.of("name", "Evenings")).patch("/api/v1/organizations/" + acme + "/units/" + nights), words);
            Session s = Session.logIn(team);
            s.open("/organizations/" + acme);
            // said where a move is said, on the organization's page, the focus kept on the button pressed (it was an
            // error page in place of the organization's: the walk)
            String page = s.form().post("/organizations/" + acme + "/units/" + nights + "/up").then().statusCode(409)
                    .extract().asString();
            int said = page.indexOf("id=\"unit-said\"");
            assertTrue(said > 0 && page.indexOf("Someone else is changing these records", said) > said, page);
            assertTrue(page.contains("/units/" + nights + "/up\"") && page.contains("id=\"unit-list\""), page);
            importing.commit();
        }
        team.api().get("/api/v1/organizations/" + acme + "/units/" + nights).then().statusCode(200).body("name", is("Nights"));
        team.api().body(Map.of("name", "Beta Works")).post("/api/v1/organizations").then().statusCode(201);
    }

    /**
     * Up and Down pressed at once (a double click, two organizers) each decided from the order the other was changing
     * and met its version, a bare 409 on an error page (the walk: 4 of 12). Now they go one after the other.
     */
    @Test
    void movesOfUnitsAtOnceGoOneAfterTheOther() throws Exception {
        TestTeam team = TestTeam.create();
        String acme = team.organization("Acme Plant", "workplace");
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("A", "B", "C", "D")) {
            ids.add(team.unit(acme, name, "shift"));
        }
        Session s = Session.logIn(team);
        s.open("/organizations/" + acme);
        List<java.util.concurrent.CompletableFuture<Integer>> moves = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String unit = ids.get(i % 4);
            String dir = i % 2 == 0 ? "up" : "down";
            moves.add(java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    s.form().redirects().follow(false).post("/organizations/" + acme + "/units/" + unit + "/" + dir).statusCode()));
        }
        for (var move : moves) {
            assertEquals(303, move.join());
        }
        // each move read the order the one before left: the places stay 0 to 3, none shared (two moves that crossed
        // gave two units one place)
        List<Integer> places = team.api().get("/api/v1/organizations/" + acme + "/units").then().statusCode(200)
                .extract().jsonPath().getList("items.position", Integer.class);
        assertEquals(List.of(0, 1, 2, 3), places.stream().sorted().toList(), "places: " + places);
    }

    /** The team's API with a socket timeout: a request that waits without bound fails the test instead of hanging it. */
    private static io.restassured.specification.RequestSpecification api(TestTeam team) {
        return team.api().config(io.restassured.RestAssured.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000)));
    }

    /** A 409 in words, after the short wait and well before the request's own timeout. */
    private static void busy(Supplier<Response> request, String words) {
        long start = System.nanoTime();
        request.get().then().statusCode(409).contentType("application/problem+json")
                .body("detail", is(words));
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited >= 2_500 && waited < 20_000, "waited " + waited + " ms");
    }
}
