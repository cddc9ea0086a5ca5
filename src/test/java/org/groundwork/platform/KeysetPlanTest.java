package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.followup.ContactRows;
import org.groundwork.support.GenericPlan;
import org.groundwork.support.SqlSeen;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page after a cursor starts where the cursor points, by index: the statement the request sent
 * bounds its index scan with the cursor (an Index Cond on the row (time, id)), for the lists ordered
 * by time: conversations, actions and the audit log. Written as {@code at < x or (at = x and id < y)}
 * the cursor was only a filter on a scan from the newest row, and a deep page of a team's million
 * conversations read every newer one first (0.6 s; this fails there). The plan is the generic one
 * (any cursor), with sequential and bitmap scans ruled out as a big team's table would: it shows
 * that the statement can bound its index range, which the old form could not.
 */
@QuarkusTest
class KeysetPlanTest {

    @Inject
    DataSource dataSource;

    @Test
    void theNextPageOfEachTimeOrderedListIsAnIndexRangeFromTheCursor() throws SQLException {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).name("Nina Simone").insert();
        for (int i = 0; i < 2; i++) {
            team.api().body(Map.of("contactId", contact, "durationMinutes", 10)).post("/api/v1/conversations")
                    .then().statusCode(201);
            team.api().body(Map.of("title", "Meeting " + i, "kind", "meeting", "startsAt", "2026-0" + (i + 3) + "-01T18:00:00Z",
                    "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201);
        }
        Map<String, String> tables = Map.of("conversations", "from conversation ", "actions", "from action ",
                "audit", "from audit_event ");
        for (String list : tables.keySet()) {
            String cursor = team.api().get("/api/v1/" + list + "?limit=1").then().statusCode(200)
                    .extract().path("nextCursor");
            assertNotNull(cursor, list);
            List<String> sent = SqlSeen.during(() -> team.api().get("/api/v1/" + list + "?limit=1&cursor=" + cursor)
                    .then().statusCode(200));
            List<String> paged = sent.stream().filter(s -> s.contains(tables.get(list)) && s.contains("order by")).toList();
            assertEquals(1, paged.size(), list + ": " + sent);
            String plan = GenericPlan.of(dataSource, paged.get(0));
            assertTrue(plan.lines().anyMatch(l -> l.contains("Index Cond:") && l.contains("ROW(")), list + ":\n" + plan);
        }
    }
}
