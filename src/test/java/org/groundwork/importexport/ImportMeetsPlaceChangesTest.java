package org.groundwork.importexport;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.HeldLocks;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * An import holds each organization it puts people into, as a person put there by hand holds it
 * (OrganizationService.keepUnits): it read the team's organizations and units when it began, and a unit removed or
 * an organization merged away while it ran made its write a foreign-key refusal of the whole file, or left its
 * people in no unit (the review of session 46). Here the other side holds the organization's row first, as a
 * removal or a merge does, and changes it while the import waits.
 */
@QuarkusTest
class ImportMeetsPlaceChangesTest {

    @Inject
    DataSource dataSource;

    private static final String FILE = "Name,Organization,Unit\nAna Import,Acme Plant,Nights\n";

    @Test
    void aUnitRemovedWhileTheImportWaitsIsMadeAgainAndItsPeopleSitInIt() throws Exception {
        TestTeam team = TestTeam.create();
        String acme = team.organization("Acme Plant", "workplace");
        String nights = team.unit(acme, "Nights", "shift");
        Response answer = whileHeld(team, acme, holding -> {
            // as UnitService.delete does, its people to no unit
            HeldLocks.execute(holding, "update contact set unit_id = null where unit_id = ?", nights);
            HeldLocks.execute(holding, "delete from unit where id = ?", nights);
        });
        answer.then().statusCode(200);
        Map<String, Object> ana = Csv.contactNamed(team, "Ana Import");
        assertEquals(acme, ana.get("organizationId"));
        String unit = (String) ana.get("unitId");
        assertNotEquals(nights, unit, "the unit removed is not used");
        List<String> names = team.api().get("/api/v1/organizations/" + acme + "/units").then().statusCode(200)
                .extract().jsonPath().getList("items.name");
        assertEquals(List.of("Nights"), names, "made again, once");
    }

    @Test
    void anOrganizationMergedAwayWhileTheImportWaitsIsMadeAgain() throws Exception {
        TestTeam team = TestTeam.create();
        String acme = team.organization("Acme Plant", "workplace");
        team.unit(acme, "Nights", "shift");
        String into = team.organization("Acme Holdings", "workplace");
        Response answer = whileHeld(team, acme, holding -> {
            // as a merge does, the units and people moved, the organization gone
            try (var ps = holding.prepareStatement("update unit set organization_id = ? where organization_id = ?")) {
                ps.setObject(1, java.util.UUID.fromString(into));
                ps.setObject(2, java.util.UUID.fromString(acme));
                ps.execute();
            }
            HeldLocks.execute(holding, "delete from organization where id = ?", acme);
        });
        answer.then().statusCode(200);
        Map<String, Object> ana = Csv.contactNamed(team, "Ana Import");
        String made = (String) ana.get("organizationId");
        assertNotEquals(acme, made);
        team.api().get("/api/v1/organizations/" + made).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.is("Acme Plant"));
    }

    /**
     * A merge of two organizations the file names, the later one first: the import holds B, waits for A, which the
     * merge holds while it waits for B. PostgreSQL undoes one of the two; the import, undone, says why in words
     * (it was a 500 for a background import, a bare 409 here: the review), and nothing of it is stored.
     */
    @Test
    void anImportCrossedByAMergeOfTwoOrganizationsItNamesSaysSoAndStoresNothing() throws Exception {
        TestTeam team = TestTeam.create();
        String a = team.organization("Alpha Works", "workplace");
        String b = team.organization("Beta Works", "workplace");
        // ids are time-ordered: a before b, as holdUnits takes them
        String file = "Name,Organization\nBea Import,Beta Works\nAl Import,Alpha Works\n";
        Response answer = whileHeld(team, a, file, holding -> {
            // the merge's second hold: it waits for the import, which waits for it
            try {
                HeldLocks.execute(holding, "select 1 from organization where id = ? for no key update", b);
            } catch (java.sql.SQLException undone) {
                holding.rollback(); // PostgreSQL chose this side: the import goes on
            }
        });
        if (answer.statusCode() == 200) {
            // the merge's side was undone: the import did all of it
            assertEquals(2, Csv.contacts(team).size());
        } else {
            answer.then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("was changed (merged, or a unit removed) while the import ran"));
            assertEquals(0, Csv.contacts(team).size(), "nothing stored");
        }
    }

    interface Change {
        void on(Connection holding) throws Exception;
    }

    /** The import sent while the organization's row is held here, the change made once it waits, then let go. */
    private Response whileHeld(TestTeam team, String organization, Change change) throws Exception {
        return whileHeld(team, organization, FILE, change);
    }

    private Response whileHeld(TestTeam team, String organization, String file, Change change) throws Exception {
        CompletableFuture<Response> sent;
        try (Connection holding = AllTeams.connection(dataSource)) {
            holding.setAutoCommit(false);
            HeldLocks.execute(holding, "select 1 from organization where id = ? for no key update", organization);
            sent = CompletableFuture.supplyAsync(() -> Csv.post(team, file, ""));
            HeldLocks.waitUntilBlocked(dataSource, holding, sent);
            change.on(holding);
            holding.commit();
        }
        return sent.join();
    }
}
