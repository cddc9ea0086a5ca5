package org.groundwork.platform;

import org.groundwork.support.AllTeams;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.support.LogLines;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No personal data in the log at INFO and above: a round of the main flows with recognisable
 * names, emails, phones and conversation words, then a search of every log record the app wrote
 * meanwhile (read in-process from the root logger, message and exceptions, as the console and a
 * JSON collector would get them).
 */
@QuarkusTest
class LogPrivacyTest {

    @Inject
    AgroalDataSource dataSource;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private LogLines log;

    /**
     * A write the database itself refuses, quoting the value (a second organizer with an email
     * already taken, as two admins adding the same person at once would): neither the error the
     * app gets (and Hibernate logs at ERROR) nor the embedded server's own log file quotes it.
     */
    @Test
    void aRefusedWriteDoesNotQuoteItsValues() throws Exception {
        TestTeam team = TestTeam.create();
        String email = "Taken" + TestTeam.unique() + "@tenants.test";
        String insert = "insert into organizer (id, team_id, email, display_name, role, password_hash) "
                + "select gen_random_uuid(), team_id, ?, 'x', role, password_hash from organizer where id = ?::uuid";
        Path serverLog;
        try (Connection conn = AllTeams.connection(dataSource)) {
            try (PreparedStatement ps = conn.prepareStatement(insert)) {
                ps.setString(1, email);
                ps.setString(2, team.adminId);
                ps.executeUpdate();
            }
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = conn.prepareStatement(insert)) {
                    ps.setString(1, email.toUpperCase());
                    ps.setString(2, team.adminId);
                    ps.executeUpdate();
                }
            });
            assertTrue(refused.getMessage().contains("organizer_email_key"), refused.getMessage());
            assertFalse(refused.getMessage().toLowerCase().contains(email.toLowerCase()), refused.getMessage());
            // where the server writes its log: a superuser's question (the app's role may not ask it)
            try (Connection superuser = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                 Statement st = superuser.createStatement();
                 ResultSet rs = st.executeQuery("select current_setting('data_directory')")) {
                rs.next();
                Path data = Path.of(rs.getString(1));
                serverLog = data.resolveSibling(data.getFileName() + ".log");
            }
            // the superuser again: the app's role may not delete from the audit trail, which the
            // foreign key from audit_event to organizer would have to look at
            try (Connection superuser = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                 PreparedStatement ps = superuser.prepareStatement(
                         // the foreign key from the append-only audit_event would need a lock the trail refuses
                         "set session_replication_role = replica; delete from organizer where lower(email) = lower(?)")) {
                ps.setString(1, email);
                ps.executeUpdate();
            }
        }
        if (Files.exists(serverLog)) { // an embedded server (not an external one given to the tests)
            String log = Files.readString(serverLog, StandardCharsets.ISO_8859_1).toLowerCase();
            assertTrue(log.contains("organizer_email_key"), "the refusal is logged, without its values");
            assertFalse(log.contains(email.toLowerCase()), "the embedded server's log quotes " + email);
        }
    }

    @BeforeEach
    void listen() {
        log = LogLines.listen(Level.INFO);
    }

    @AfterEach
    void stop() {
        log.close();
    }

    @Test
    void theMainFlowsLogNothingPersonalAtInfo() throws Exception {
        TestTeam team = TestTeam.create();
        String u = TestTeam.unique();
        String name = "Esperanza Villalobos" + u, email = "esperanza" + u + "@tenants.test", phone = MetricsTest.phone();
        String words = "afraid of eviction " + u;
        String importName = "Teodoro Imported" + u, importEmail = "teodoro" + u + "@tenants.test",
                importPhone = MetricsTest.phone();

        String contact = team.api().body(Map.of("fullName", name, "email", email, "phone", phone, "notes", words))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("contactId", contact, "durationMinutes", 25, "summary", words, "issues", words,
                        "commitments", words, "nextStep", Map.of("dueOn", LocalDate.now().plusDays(2).toString(),
                                "purpose", words)))
                .post("/api/v1/conversations").then().statusCode(201);
        // a bad request naming the person answers 400 and logs nothing of it either
        team.api().body(Map.of("fullName", name, "email", "not-an-email " + email))
                .post("/api/v1/contacts").then().statusCode(400);

        String csv = "Name,Email,Phone,Notes\n" + importName + "," + importEmail + "," + importPhone + "," + words + "\n"
                + name + "," + email + "," + phone + ",\n"
                + "," + "broken-" + email + ",,\n";
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json").body(csv.getBytes())
                .post("/api/v1/imports/contacts?dryRun=true").then().statusCode(200);
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json").body(csv.getBytes())
                .post("/api/v1/imports/contacts").then().statusCode(200);

        given().auth().oauth2(team.token).get("/api/v1/exports/contacts.csv?q=" + name).then().statusCode(200)
                .extract().asByteArray();
        given().auth().oauth2(team.token).get("/api/v1/exports/conversations.csv").then().statusCode(200)
                .extract().asByteArray();
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);

        // the export and the erasure's vacuum log after the answer: wait for their lines
        for (int i = 0; i < 100 && (log.texts().stream().noneMatch(l -> l.contains("Export of conversations"))
                || log.texts().stream().noneMatch(l -> l.contains("Erasure:"))); i++) {
            Thread.sleep(100);
        }
        // the capture does read the app's own INFO lines
        List<String> lines = log.texts();
        assertTrue(lines.stream().anyMatch(l -> l.contains("Import by organizer")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("Export of contacts")), String.join("\n", lines));

        for (String secret : List.of(name, "Esperanza", "Villalobos" + u, email, phone, words, "eviction",
                importName, "Teodoro", importEmail, importPhone)) {
            for (String line : lines) {
                assertFalse(line.contains(secret), "the log holds '" + secret + "': " + line);
            }
        }
    }
}
