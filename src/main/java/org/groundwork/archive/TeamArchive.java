package org.groundwork.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.groundwork.archive.ArchiveFormat.Table;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Role;
import org.groundwork.platform.Problems;
import org.groundwork.platform.TeamScope;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A team's whole archive, streamed: one zip of JSON Lines per table (ArchiveFormat) behind a
 * manifest. Everything is read in one REPEATABLE READ, read-only transaction on one
 * connection, so the files are one consistent snapshot even while the team keeps working, and
 * the manifest's counts (counted first, in that snapshot) are exactly the rows that follow.
 * PostgreSQL writes each row's JSON; rows go out as they are fetched (a cursor of
 * {@link #FETCH} rows), so a team of any size costs a few hundred rows of memory.
 */
@ApplicationScoped
public class TeamArchive {

    private static final Logger LOG = Logger.getLogger(TeamArchive.class);
    static final int FETCH = 500;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CurrentOrganizer current;
    @Inject
    Audit audit;
    @Inject
    ObjectMapper mapper;

    /** The team's admins only; checked now, so a refusal is a 403 rather than a broken download. */
    public StreamingOutput archive() {
        if (!current.has(Role.ADMIN)) {
            throw Problems.forbidden("Only the team's admins can download the team's archive");
        }
        // the request's identity is read now; the body is written after this method returns
        UUID team = current.teamId();
        UUID organizer = current.id();
        // written after the request's method returned: its connections (the archive's own and the
        // audit event's) are scoped to the team by name, for row-level security
        return output -> TeamScope.runAs(team, () -> {
            long rows = write(team, output);
            LOG.infof("Archive of team %s downloaded by organizer %s: %d rows", team, organizer, rows);
            try {
                // the trail keeps how many rows went out, never which
                audit.exported(team, organizer, AuditEntity.TEAM, (int) Math.min(rows, Integer.MAX_VALUE));
            } catch (RuntimeException e) {
                LOG.error("Could not record an archive download in the audit trail", e);
            }
            return null;
        });
    }

    private long write(UUID team, OutputStream output) throws IOException {
        try (Connection conn = dataSource.getConnection()) {
            boolean autoCommit = conn.getAutoCommit();
            int isolation = conn.getTransactionIsolation();
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            conn.setReadOnly(true);
            try {
                long rows = write(conn, team, output);
                conn.commit();
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setReadOnly(false);
                conn.setTransactionIsolation(isolation);
                conn.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("The team's archive failed reading the database", e);
        }
    }

    private long write(Connection conn, UUID team, OutputStream output) throws SQLException, IOException {
        // Row-level security: this transaction reads one team, the caller's; the connection was
        // set for it when lent (the caller runs this in TeamScope.runAs(team, ...)).
        try (Statement s = conn.createStatement()) {
            // timestamps in the files as UTC ("…+00:00"), whatever the server's zone
            s.execute("set local time zone 'UTC'");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table t : ArchiveFormat.TABLES) {
            try (PreparedStatement ps = conn.prepareStatement(
                    "select count(*) from " + t.name() + " where " + t.teamColumn() + " = ?")) {
                ps.setObject(1, team);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(t.file(), rs.getLong(1));
                }
            }
        }
        ZipOutputStream zip = new ZipOutputStream(output, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(ArchiveFormat.MANIFEST));
        zip.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(conn, team, counts)));
        zip.closeEntry();
        long total = 0;
        for (Table t : ArchiveFormat.TABLES) {
            zip.putNextEntry(new ZipEntry(t.file()));
            String sql = "select row_to_json(r)::text from (select " + String.join(", ", t.columns()) + " from "
                    + t.name() + " where " + t.teamColumn() + " = ? order by " + t.order() + ") r";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setFetchSize(FETCH);
                ps.setObject(1, team);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        zip.write(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                        zip.write('\n');
                        total++;
                    }
                }
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
        return total;
    }

    private Manifest manifest(Connection conn, UUID team, Map<String, Long> counts) throws SQLException {
        String name;
        try (PreparedStatement ps = conn.prepareStatement("select name from team where id = ?")) {
            ps.setObject(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                name = rs.getString(1);
            }
        }
        List<Manifest.File> files = new ArrayList<>();
        counts.forEach((file, rows) -> files.add(new Manifest.File(file, rows)));
        return new Manifest(ArchiveFormat.FORMAT, ArchiveFormat.VERSION, schemaVersion(conn),
                new Manifest.Team(team, name), Instant.now(), files);
    }

    /** The newest migration applied: what the archive's rows were written under. */
    static String schemaVersion(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "select version from flyway_schema_history where success and version is not null "
                        + "order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }
}
