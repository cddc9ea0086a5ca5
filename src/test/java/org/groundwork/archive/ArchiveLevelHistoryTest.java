package org.groundwork.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An archive made before V28_6 holds level histories that migration repaired everywhere else: a
 * change back-dated before another left that later change's from_level as written. A restore gives
 * the restored team the same repair (V28_7's function), so its movement report counts each change
 * under the pair it now stands for; a history already chained restores unchanged.
 */
@QuarkusTest
class ArchiveLevelHistoryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void anOlderArchivesBackDatedLevelChangesRestoreChained() throws Exception {
        TestTeam team = TestTeam.create();
        String ana = team.api().body(Map.of("fullName", "Ana Reyes", "engagementLevel", "new"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String bea = team.api().body(Map.of("fullName", "Bea Okafor", "engagementLevel", "new"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        // Ana: cadre in March, then less-involved put before it in February (the service chains them)
        level(team, ana, "cadre", "2026-03-02T12:00:00Z");
        level(team, ana, "less-involved", "2026-02-01T12:00:00Z");
        // Bea: a history written in order, nothing to repair
        level(team, bea, "less-involved", "2026-02-01T12:00:00Z");
        level(team, bea, "cadre", "2026-03-02T12:00:00Z");

        LinkedHashMap<String, String> files = Archives.copy(Archives.open(Archives.download(team.token)));
        // the archive as an instance before V28_6 wrote it: Ana's March change still from "new"
        ObjectNode manifest = (ObjectNode) json.readTree(files.get("manifest.json"));
        manifest.put("schemaVersion", "28.5");
        files.put("manifest.json", json.writeValueAsString(manifest));
        String anaCopy = null;
        String anaMarch = null;
        String beaMarch = null;
        List<String> lines = new ArrayList<>();
        for (String line : Archives.lines(files.get("level_change.jsonl"))) {
            ObjectNode change = (ObjectNode) json.readTree(line);
            boolean march = change.get("changed_at").asText().startsWith("2026-03-02");
            if (march && "less-involved".equals(change.get("from_level").asText())) {
                // which of the two March changes is Ana's: hers came second, so hers was moved along
                if (anaMarch == null && isAnasHistory(files, change.get("contact_id").asText())) {
                    anaMarch = change.get("id").asText();
                    anaCopy = change.get("contact_id").asText();
                    change.put("from_level", "new");
                } else {
                    beaMarch = change.get("id").asText();
                }
            }
            lines.add(json.writeValueAsString(change));
        }
        assertNotNull(anaMarch, "Ana's March change is in the archive, from less-involved");
        assertNotNull(beaMarch, "Bea's March change is in the archive, from less-involved");
        files.put("level_change.jsonl", String.join("\n", lines) + "\n");

        Archives.restore(TestTeam.instanceToken(), Archives.zip(files)).then().statusCode(201);

        assertEquals("less-involved", fromLevel("level_change", anaMarch),
                "the restored change starts from the level in force before it");
        assertEquals("less-involved", fromLevel("level_move", anaMarch),
                "the movement report counts it under less-involved -> cadre");
        assertEquals("less-involved", fromLevel("level_change", beaMarch), "a chained history is left as it was");
        assertEquals(List.of("new", "less-involved"), fromLevels(anaCopy),
                "the rest of Ana's history is as archived: her creation (no from level) aside, February from new");
    }

    private boolean isAnasHistory(Map<String, String> files, String contactId) throws Exception {
        for (String line : Archives.lines(files.get("contact.jsonl"))) {
            JsonNode c = json.readTree(line);
            if (c.get("id").asText().equals(contactId)) {
                return "Ana Reyes".equals(c.get("full_name").asText());
            }
        }
        throw new AssertionError("no contact " + contactId + " in the archive");
    }

    private static void level(TestTeam team, String contact, String level, String at) {
        team.api().body(Map.of("level", level, "changedAt", at))
                .post("/api/v1/contacts/" + contact + "/level").then().statusCode(201);
    }

    private String fromLevel(String table, String changeId) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource);
             PreparedStatement ps = c.prepareStatement("select from_level from " + table + " where id = ?")) {
            ps.setObject(1, UUID.fromString(changeId));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the change is in " + table);
                return rs.getString(1);
            }
        }
    }

    private List<String> fromLevels(String contactId) throws SQLException {
        List<String> from = new ArrayList<>();
        try (Connection c = AllTeams.connection(dataSource);
             PreparedStatement ps = c.prepareStatement("select from_level from level_change where contact_id = ?"
                     + " and from_level is not null order by changed_at, id")) {
            ps.setObject(1, UUID.fromString(contactId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    from.add(rs.getString(1));
                }
            }
        }
        return from;
    }
}
