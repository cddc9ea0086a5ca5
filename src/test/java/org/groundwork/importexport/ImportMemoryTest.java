package org.groundwork.importexport;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An import holds its team's contacts' keys and its file's new ones in memory to its end, so the
 * imports running on an instance share one budget of contacts held (ImportMemory;
 * groundwork.import.max-held-contacts, 60,000 in the test profile). Past it an import is refused whole
 * instead of taking the app past its heap, which with ExitOnOutOfMemoryError ended the process: a
 * team of 500,000 and a file of 200,000 new people did that at -Xmx256m.
 */
@QuarkusTest
class ImportMemoryTest {

    static final int LIMIT = 60_000;
    static final String TOO_MANY = "This import would hold more than 60000 contacts in memory (your team's with email or"
            + " phone, and the new ones in the file), more than this server can; import a smaller file, or ask your"
            + " administrator to give the server more memory. Nothing was imported.";

    @Inject
    EntityManager em;
    @Inject
    ImportMemory memory;

    @Test
    void aTeamAndFileTogetherPastTheBudgetAreRefusedWholeAndTheBudgetComesBack() {
        TestTeam team = TestTeam.create();
        // a large team, written directly: 59,000 people with an email, 1,000 fewer than the budget
        AllTeams.run(() -> em.createNativeQuery("""
                        insert into contact (id, team_id, full_name, email)
                        select gen_random_uuid(), ?1, 'Member ' || g, 'member' || g || '@held.test'
                        from generate_series(1, 59000) g""")
                .setParameter(1, UUID.fromString(team.teamId)).executeUpdate());

        // 1,500 new people: 60,500 held, past the budget; the import and its dry run are refused whole
        String file = people("new", 1500);
        Csv.post(team, file, "").then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo(TOO_MANY));
        Csv.post(team, file, "dryRun=true").then().statusCode(413).body("detail", equalTo(TOO_MANY));
        assertEquals(59_000, contacts(team));
        // a file large enough for the background (over 3,000 rows in the test profile): its job fails with the same words
        io.restassured.response.Response started = Csv.post(team, people("later", 4000), "");
        started.then().statusCode(202);
        io.restassured.path.json.JsonPath job = ImportJobsTest.waitUntilFinished(team.token, started.path("id"),
                new java.util.ArrayList<>());
        assertEquals("failed", job.getString("state"), job.prettify());
        assertEquals(TOO_MANY, job.getString("failure"));
        assertEquals(59_000, contacts(team));

        // the same people again, matched and skipped, hold nothing new: the team's own 59,000 fit
        assertEquals(1000, Csv.imported(team, people("member", 1000)).getInt("skipped"));
        // and the refused imports gave their share back: 900 new people take the team to 59,900
        assertEquals(900, Csv.imported(team, people("new", 900)).getInt("created"));
        assertEquals(59_900, contacts(team));
    }

    @Test
    void anImportThatWouldFitWaitsWhileOtherImportsHoldTheBudget() {
        TestTeam team = TestTeam.create();
        String file = people("wait", 200);
        // another import in flight on this instance, holding all but a hundred contacts
        try (ImportMemory.Share other = memory.share()) {
            other.take(LIMIT - 100);
            Csv.post(team, file, "").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "60")
                    .body("detail", equalTo("The server is busy with other large imports; try again in a minute."
                            + " Nothing was imported."));
            assertEquals(0, contacts(team));
        }
        // once it ends, the same file imports
        assertEquals(200, Csv.imported(team, file).getInt("created"));
    }

    /** {@code count} people with an email, {@code <prefix>1@held.test} onwards. */
    private static String people(String prefix, int count) {
        StringBuilder file = new StringBuilder("Name,Email\n");
        for (int i = 1; i <= count; i++) {
            file.append("Person ").append(i).append(',').append(prefix).append(i).append("@held.test\n");
        }
        return file.toString();
    }

    private int contacts(TestTeam team) {
        Number n = (Number) AllTeams.call(() -> em.createNativeQuery("select count(*) from contact where team_id = ?1")
                .setParameter(1, UUID.fromString(team.teamId)).getSingleResult());
        return n.intValue();
    }
}
