package org.groundwork.importexport;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What keeps an import's memory bounded whatever the file: at most groundwork.import.max-rows rows
 * (50,000 in the test profile), refused whole past it, and at most 1,000 error and warning messages
 * listed, with exact counts.
 */
@QuarkusTest
class ImportLimitsTest {

    static final int MAX_ROWS = 50_000;
    static final String TOO_MANY = "The file has more than 50000 rows, the import limit; split it into smaller files."
            + " Nothing was imported.";

    @Inject
    EntityManager em;

    @Test
    void aFileOneRowOverTheLimitIsRefusedWholeAndCreatesNobody() {
        TestTeam team = TestTeam.create();
        team.api().body(java.util.Map.of("fullName", "Already Here")).post("/api/v1/contacts").then().statusCode(201);
        StringBuilder file = new StringBuilder("Name\n");
        for (int i = 0; i <= MAX_ROWS; i++) {
            file.append("M").append(i).append('\n');
        }
        // a real import is refused before it starts (no job, no contact)
        Csv.post(team, file.toString(), "").then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo(TOO_MANY));
        assertEquals(1, contacts(team));

        // the dry run streams the rows: it stops at the row past the limit, never reading the broken
        // line after it (which would answer 400)
        StringBuilder refused = new StringBuilder("Name,Level\n");
        for (int i = 0; i <= MAX_ROWS; i++) {
            refused.append(",x\n"); // a line with errors is the quickest line to read
        }
        refused.append("\"never closed\n");
        Csv.post(team, refused.toString(), "dryRun=true").then().statusCode(413)
                .contentType("application/problem+json").body("detail", equalTo(TOO_MANY));
        assertEquals(1, contacts(team));
    }

    /**
     * At most 1,000 columns, before any row is read, the dry run as the import (the walk: 50,000 columns drew a
     * check page that ran the server out of memory); a quote never closed said in words, not the CSV reader's.
     */
    @Test
    void aFileTooWideOrWithAQuoteNeverClosedIsRefusedInWords() {
        TestTeam team = TestTeam.create();
        StringBuilder wide = new StringBuilder("Name");
        for (int i = 1; i <= 1000; i++) {
            wide.append(",c").append(i);
        }
        for (String query : new String[] {"", "dryRun=true"}) {
            Csv.post(team, wide + "\nRosa\n", query).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", equalTo("The file has 1001 columns, more than the 1000 an import reads; keep the"
                            + " columns you need and save it again. Nothing was imported."));
        }
        Csv.post(team, "Name,Email\n\"Rosa,rosa@example.org\nSam,sam@example.org\n", "").then().statusCode(400)
                .body("detail", equalTo("The file could not be read as CSV near line 2: a quote (\") opens a cell there"
                        + " and is never closed. Nothing was imported."));
        Csv.post(team, "Name,Email\n\"Rosa\"x,rosa@example.org\n", "").then().statusCode(400)
                .body("detail", equalTo("The file could not be read as CSV near line 2: a cell has more after its"
                        + " closing quote (\"); put the whole cell in quotes, and write a quote inside it twice (\"\")."
                        + " Nothing was imported."));
        // one large enough for a job is refused as well, before it is queued (no 202, no job)
        StringBuilder large = new StringBuilder(wide).append('\n');
        for (int i = 0; i < 3001; i++) {
            large.append("M").append(i).append('\n');
        }
        Csv.post(team, large.toString(), "").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("The file has 1001 columns"));
        // a file exactly as wide imports
        Csv.post(team, wide.substring(0, wide.lastIndexOf(",")) + "\nRosa\n", "").then().statusCode(200)
                .body("created", equalTo(1));
        assertEquals(1, contacts(team));
    }

    @Test
    void aFileExactlyAtTheLimitImports() {
        TestTeam team = TestTeam.create();
        // a hundred people, each on many lines (matches, skipped): a quick file of 50,000 rows, and blank
        // lines, which are not rows (its lines after the header are more than the limit)
        StringBuilder file = new StringBuilder("Email\n\n");
        for (int i = 0; i < MAX_ROWS; i++) {
            file.append('m').append(i % 100).append("@x.io\n");
            if (i % 1000 == 0) {
                file.append('\n');
            }
        }
        Response started = Csv.post(team, file.toString(), "");
        started.then().statusCode(202);
        JsonPath job = ImportJobsTest.waitUntilFinished(team.token, started.path("id"), new ArrayList<>());
        assertEquals("done", job.getString("state"), job.prettify());
        assertEquals(100, job.getInt("result.created"));
        assertEquals(MAX_ROWS - 100, job.getInt("result.skipped"));
        assertEquals(100, contacts(team));
    }

    @Test
    void moreBadLinesThanAreListedAreCountedExactly() {
        TestTeam team = TestTeam.create();
        StringBuilder file = new StringBuilder("Name,Level,Owner\n");
        for (int i = 0; i < 1200; i++) {
            file.append("Bad ").append(i).append(",hero,\n");
            file.append("Owned ").append(i).append(",,nobody-").append(i).append("@example.org\n");
        }
        file.append(",,\nGood,,\n");
        JsonPath report = Csv.imported(team, file.toString(), "dryRun=true");
        assertEquals(1201, report.getInt("created"));
        assertEquals(1200, report.getInt("errorRows"));
        assertEquals(1000, report.getList("errors").size());
        assertEquals(1200, report.getInt("warningCount"));
        assertEquals(1000, report.getList("warnings").size());
        assertEquals(2, report.getInt("errors[0].row"));
        assertEquals(3, report.getInt("warnings[0].row"));
    }

    /**
     * A line's message quotes its cell cut to a preview: quoted whole, a 20,000-character cell made each
     * of the 1,000 listed messages that long (found on a walk). Every message that quotes a cell.
     */
    @Test
    void aLongCellIsQuotedCutShortInItsLinesMessage() {
        TestTeam team = TestTeam.create();
        String cell = "x".repeat(20_000);
        JsonPath report = Csv.imported(team, "Name,Level,Position,Do not contact,Owner,Unit,Email\n"
                + "Level," + cell + ",,,,,\n"
                + "Position,," + cell + ",,,,\n"
                + "Dnc,,," + cell + ",,,\n"
                + "Email,,,,,," + cell + "@example.org\n"
                + "Owner,,,," + cell + ",,\n"
                // a unit name is at most 200 characters: a longer one is an error of its own, unquoted
                + "Unit,,,,," + cell.substring(0, 190) + ",\n", "dryRun=true");
        assertEquals(4, report.getInt("errorRows"));
        assertEquals(2, report.getInt("warningCount"));
        java.util.List<String> messages = new ArrayList<>(report.getList("errors.message", String.class));
        messages.addAll(report.getList("warnings.message", String.class));
        for (String message : messages) {
            org.junit.jupiter.api.Assertions.assertTrue(message.length() < 400 && message.contains("xxx…"),
                    message.length() + " characters: " + message.substring(0, Math.min(300, message.length())));
        }
    }

    private int contacts(TestTeam team) {
        Number n = (Number) AllTeams.call(() -> em.createNativeQuery("select count(*) from contact where team_id = ?1")
                .setParameter(1, UUID.fromString(team.teamId)).getSingleResult());
        return n.intValue();
    }
}
