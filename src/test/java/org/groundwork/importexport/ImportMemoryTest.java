package org.groundwork.importexport;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An import holds its team's contacts' keys and its file's new ones in memory to its end, so the
 * imports running on an instance share one budget of contacts held (ImportMemory). Past it an import
 * is refused whole instead of taking the app past its heap, which with ExitOnOutOfMemoryError ended
 * the process: a team of 500,000 and a file of 200,000 new people did that at -Xmx256m. Each test
 * sets a small budget of its own (the tests run one at a time) and puts the profile's back.
 */
@QuarkusTest
class ImportMemoryTest {

    static final int BUDGET = 2000;

    @Inject
    EntityManager em;
    @Inject
    ImportMemory memory;
    @Inject
    ImportJobs jobs;
    long profiles;

    @BeforeEach
    void smallBudget() {
        ImportMemory bean = ClientProxy.unwrap(memory);
        profiles = bean.configured;
        bean.configured = BUDGET;
    }

    @AfterEach
    void profilesBudget() {
        ClientProxy.unwrap(memory).configured = profiles;
    }

    static String tooMany(long limit) {
        return "This import would hold more than " + limit + " contacts in memory (your team's with email or phone,"
                + " and the new ones in the file), more than this server can; import a smaller file, or ask your"
                + " administrator to give the server more memory. Nothing was imported.";
    }

    @Test
    void aTeamAndFileTogetherPastTheBudgetAreRefusedWholeAndTheBudgetComesBack() {
        TestTeam team = TestTeam.create();
        assertEquals(1500, Csv.imported(team, people("member", 1, 1500)).getInt("created"));

        // 600 new people: 2,100 held, past the budget; the import and its dry run are refused whole
        String file = people("new", 1, 600);
        Csv.post(team, file, "").then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo(tooMany(BUDGET)));
        Csv.post(team, file, "dryRun=true").then().statusCode(413).body("detail", equalTo(tooMany(BUDGET)));
        // a file large enough for the background (over 3,000 rows in the test profile): its job fails with the same words
        Response started = Csv.post(team, people("later", 1, 3500), "");
        started.then().statusCode(202);
        JsonPath job = ImportJobsTest.waitUntilFinished(team.token, started.path("id"), new ArrayList<>());
        assertEquals("failed", job.getString("state"), job.prettify());
        assertEquals(tooMany(BUDGET), job.getString("failure"));
        assertEquals(1500, contacts(team));

        // the same people again, matched and skipped, hold nothing new
        assertEquals(1000, Csv.imported(team, people("member", 1, 1000)).getInt("skipped"));
        // and the refused imports gave their share back: 400 new people take the team to 1,900
        assertEquals(400, Csv.imported(team, people("new", 1, 400)).getInt("created"));
        assertEquals(1900, contacts(team));
    }

    @Test
    void aTeamPastTheBudgetOnItsOwnIsToldSoWhateverOtherImportsHold() {
        TestTeam team = TestTeam.create();
        ClientProxy.unwrap(memory).configured = 3000;
        assertEquals(2100, Csv.imported(team, people("member", 1, 2100)).getInt("created"));
        ClientProxy.unwrap(memory).configured = BUDGET;
        // with another import holding a little, the team's own 2,100 are still too many: 413, not "try again"
        try (ImportMemory.Share other = memory.share(UUID.randomUUID())) {
            other.take(100);
            Csv.post(team, people("one", 1, 1), "").then().statusCode(413).body("detail", equalTo(tooMany(BUDGET)));
        }
        assertEquals(2100, contacts(team));
    }

    @Test
    void anUpdateThatGivesPeopleNewEmailsHoldsTheNewKeysToo() {
        TestTeam team = TestTeam.create();
        assertEquals(1200, Csv.imported(team, people("member", 1, 1200)).getInt("created"));
        // each line names its person by phone and gives a new email: the old email keys stay held beside the new
        StringBuilder file = new StringBuilder("Name,Phone,Email\n");
        for (int i = 1; i <= 1200; i++) {
            file.append("Person ").append(i).append(",+1 202 555 ").append(String.format("%04d", i))
                    .append(",moved").append(i).append("@held.test\n");
        }
        Csv.post(team, file.toString(), "onMatch=update").then().statusCode(413)
                .body("detail", equalTo(tooMany(BUDGET)));
        Number moved = (Number) AllTeams.call(() -> em.createNativeQuery(
                        "select count(*) from contact where team_id = ?1 and email like 'moved%'")
                .setParameter(1, UUID.fromString(team.teamId)).getSingleResult());
        assertEquals(0, moved.intValue(), "nobody's email changed");
    }

    @Test
    void anImportThatWouldFitWaitsWhileOtherImportsHoldTheBudget() {
        TestTeam team = TestTeam.create();
        String file = people("wait", 1, 200);
        // another import in flight on this instance, holding all but a hundred contacts
        try (ImportMemory.Share other = memory.share(UUID.randomUUID())) {
            other.take(BUDGET - 100);
            Csv.post(team, file, "").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "60")
                    .body("detail", equalTo("The server is busy with other large imports; try again in a minute."
                            + " Nothing was imported."));
            assertEquals(0, contacts(team));
        }
        // once it ends, the same file imports
        assertEquals(200, Csv.imported(team, file).getInt("created"));
    }

    @Test
    void aBackgroundImportThatWouldFitWaitsForTheBudgetAndThenImports() {
        TestTeam team = TestTeam.create();
        ClientProxy.unwrap(memory).configured = 5000;
        JsonPath job;
        Response started;
        // another import holds 3,000: the job's 3,500 new people fit the budget alone, not beside it
        try (ImportMemory.Share other = memory.share(UUID.randomUUID())) {
            other.take(3000);
            started = Csv.post(team, people("later", 1, 3500), "");
            started.then().statusCode(202);
            // refused for now again and again (every 0.2 s in the test profile), it waits: not failed
            ImportJobsTest.sleep(3000);
            job = given().auth().oauth2(team.token).get("/api/v1/imports/" + started.path("id"))
                    .then().statusCode(200).extract().jsonPath();
            assertNull(job.getString("finishedAt"), job.prettify());
            assertEquals(0, contacts(team));
        }
        // once the other import ends, the job imports by itself
        job = ImportJobsTest.waitUntilFinished(team.token, started.path("id"), new ArrayList<>());
        assertEquals("done", job.getString("state"), job.prettify());
        assertEquals(3500, job.getInt("created"));
        assertEquals(3500, contacts(team));
    }

    @Test
    void aBackgroundImportKeptWaitingTooLongFailsWithTheBusyWords() {
        TestTeam team = TestTeam.create();
        ClientProxy.unwrap(memory).configured = 5000;
        ImportJobs bean = ClientProxy.unwrap(jobs);
        Duration wait = bean.busyWait;
        bean.busyWait = Duration.ofSeconds(1);
        try (ImportMemory.Share other = memory.share(UUID.randomUUID())) {
            other.take(3000);
            Response started = Csv.post(team, people("later", 1, 3500), "");
            started.then().statusCode(202);
            JsonPath job = ImportJobsTest.waitUntilFinished(team.token, started.path("id"), new ArrayList<>());
            assertEquals("failed", job.getString("state"), job.prettify());
            assertEquals("The server is busy with other large imports; try again in a minute. Nothing was imported.",
                    job.getString("failure"));
        } finally {
            bean.busyWait = wait;
        }
        assertEquals(0, contacts(team));
    }

    /** People {@code from}..{@code to}, each with an email {@code <prefix><n>@held.test} and a phone. */
    private static String people(String prefix, int from, int to) {
        StringBuilder file = new StringBuilder("Name,Email,Phone\n");
        for (int i = from; i <= to; i++) {
            file.append("Person ").append(i).append(',').append(prefix).append(i).append("@held.test,")
                    .append(prefix.equals("member") ? String.format("+1 202 555 %04d", i) : "").append('\n');
        }
        return file.toString();
    }

    private int contacts(TestTeam team) {
        Number n = (Number) AllTeams.call(() -> em.createNativeQuery("select count(*) from contact where team_id = ?1")
                .setParameter(1, UUID.fromString(team.teamId)).getSingleResult());
        return n.intValue();
    }
}
