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
import java.io.IOException;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, languages: an organizer's language (V16_1) moves with the team. The archive (format 3)
 * holds each organizer's language and a restore keeps it; an archive of format 2, made before the
 * language was in it, still restores, its organizers in English (the column's default).
 */
@QuarkusTest
class ArchiveLanguageTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void theArchiveKeepsEachOrganizersLanguage() throws Exception {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);

        LinkedHashMap<String, String> files = Archives.open(Archives.download(team.token));
        assertEquals(3, json.readTree(files.get("manifest.json")).get("formatVersion").asInt());
        Map<String, String> archived = new LinkedHashMap<>();
        for (String line : Archives.lines(files.get("organizer.jsonl"))) {
            JsonNode o = json.readTree(line);
            archived.put(o.get("email").asText(), o.get("language").asText());
        }
        assertEquals(Map.of(team.adminEmail, "es", member.email(), "en"), archived);

        // restored beside the original (new ids, emails "copy-…-" + the original's)
        Map<String, String> restored = new LinkedHashMap<>();
        for (JsonNode o : restored(Archives.copy(files))) {
            String email = o.get("email").asText();
            restored.put(email.endsWith(team.adminEmail) ? "admin" : email.endsWith(member.email()) ? "member" : email,
                    language(o.get("id").asText()));
        }
        assertEquals(Map.of("admin", "es", "member", "en"), restored);
    }

    @Test
    void anArchiveOfFormat2RestoresItsOrganizersInEnglish() throws Exception {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        LinkedHashMap<String, String> files = Archives.copy(Archives.open(Archives.download(team.token)));

        // the archive as Groundwork wrote it before format 3: no language field
        LinkedHashMap<String, String> older = new LinkedHashMap<>(files);
        ObjectNode manifest = (ObjectNode) json.readTree(files.get("manifest.json"));
        manifest.put("formatVersion", 2);
        older.put("manifest.json", json.writeValueAsString(manifest));
        older.put("organizer.jsonl", withoutLanguage(files.get("organizer.jsonl")));

        // format 2 has no language field: one is an unknown field there, as any other
        LinkedHashMap<String, String> mixed = new LinkedHashMap<>(older);
        mixed.put("organizer.jsonl", files.get("organizer.jsonl"));
        Archives.restore(TestTeam.instanceToken(), Archives.zip(mixed)).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("unknown field \"language\""));
        // and format 3 needs it
        LinkedHashMap<String, String> missing = new LinkedHashMap<>(files);
        missing.put("organizer.jsonl", withoutLanguage(files.get("organizer.jsonl")));
        Archives.restore(TestTeam.instanceToken(), Archives.zip(missing)).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("the field \"language\" is missing"));
        // format 1 (and 4) are not read
        manifest.put("formatVersion", 4);
        LinkedHashMap<String, String> newer = new LinkedHashMap<>(files);
        newer.put("manifest.json", json.writeValueAsString(manifest));
        Archives.restore(TestTeam.instanceToken(), Archives.zip(newer)).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("format version 4 is not one this Groundwork reads (2 to 3)"));

        List<JsonNode> restored = restored(older);
        assertEquals(1, restored.size());
        assertEquals("en", language(restored.get(0).get("id").asText()), "an archive without languages restores in English");
    }

    private static String withoutLanguage(String organizers) {
        String without = organizers.replaceAll(",\"language\":\"(en|es)\"", "");
        assertTrue(!without.contains("language"), without);
        return without;
    }

    private List<JsonNode> restored(Map<String, String> files) throws IOException {
        String body = Archives.restore(TestTeam.instanceToken(), Archives.zip(files)).then().statusCode(201)
                .extract().asString();
        List<JsonNode> organizers = new ArrayList<>();
        json.readTree(body).get("organizers").forEach(organizers::add);
        return organizers;
    }

    private String language(String organizerId) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource);
             PreparedStatement ps = c.prepareStatement("select language from organizer where id = ?")) {
            ps.setObject(1, UUID.fromString(organizerId));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the organizer was restored");
                return rs.getString(1);
            }
        }
    }
}
