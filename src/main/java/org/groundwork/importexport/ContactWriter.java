package org.groundwork.importexport;

import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.platform.Ids;
import org.groundwork.platform.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes an import in batches on the import's own transaction: multi-row INSERTs for new
 * organizations, contacts and their first level changes, a JDBC batch for updates. A batch is
 * written once it holds {@link #BATCH} rows, so memory stays flat however long the file.
 */
final class ContactWriter {

    /** 14 parameters a contact: 1,000 rows stay well under PostgreSQL's 65,535 bind parameters. */
    static final int BATCH = 1000;
    static final String IMPORTED = "imported";

    private final Connection conn;
    private final UUID team;
    private final UUID organizer;

    private final List<Object[]> organizations = new ArrayList<>();
    private final List<ImportRow> creates = new ArrayList<>();
    private final List<ImportRow> updates = new ArrayList<>();
    private final List<Object[]> levels = new ArrayList<>();
    /** The file lines the pending batch came from, to name them if the database refuses it. */
    private long firstLine = -1;
    private long lastLine;

    ContactWriter(Connection conn, UUID team, UUID organizer) {
        this.conn = conn;
        this.team = team;
        this.organizer = organizer;
    }

    void organization(UUID id, String name) {
        organizations.add(new Object[]{id, name});
    }

    void create(ImportRow row) throws SQLException {
        creates.add(row);
        levels.add(new Object[]{Ids.next(), row.id, null, row.level, row.at, IMPORTED});
        pending(row.line);
    }

    /** An update of an existing contact (or one an earlier line created); level moves are appended to its history. */
    void update(ImportRow row, Level from) throws SQLException {
        updates.add(row);
        if (row.level != null && row.level != from) {
            levels.add(new Object[]{Ids.next(), row.id, from, row.level, row.at, "changed by an import"});
        }
        pending(row.line);
    }

    private void pending(long line) throws SQLException {
        if (firstLine < 0) {
            firstLine = line;
        }
        lastLine = line;
        if (creates.size() + updates.size() >= BATCH) {
            flush();
        }
    }

    void flush() throws SQLException {
        try {
            insertOrganizations();
            insertContacts();
            // updates after inserts: an update may concern a contact created earlier in this batch
            updateContacts();
            insertLevels();
        } catch (SQLException e) {
            throw refused(e);
        }
        organizations.clear();
        creates.clear();
        updates.clear();
        levels.clear();
        firstLine = -1;
    }

    private ProblemException refused(SQLException e) {
        String what = e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getConstraint() != null
                ? " (rule " + p.getServerErrorMessage().getConstraint() + ")" : "";
        return new ProblemException(409, "Conflict", "The database refused a row between lines " + firstLine
                + " and " + lastLine + what + "; the import stopped and nothing was imported");
    }

    private void insertOrganizations() throws SQLException {
        if (organizations.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "insert into organization (id, team_id, name) values " + values(3, organizations.size()))) {
            int p = 1;
            for (Object[] o : organizations) {
                ps.setObject(p++, o[0]);
                ps.setObject(p++, team);
                ps.setString(p++, (String) o[1]);
            }
            ps.executeUpdate();
        }
    }

    private void insertContacts() throws SQLException {
        if (creates.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into contact (id, team_id, full_name, phone, email, organization_id, position,
                    engagement_level, owner_id, tags, do_not_contact, notes, created_at, updated_at)
                values """ + values(14, creates.size()))) {
            int p = 1;
            for (ImportRow r : creates) {
                OffsetDateTime at = time(r.at);
                ps.setObject(p++, r.id);
                ps.setObject(p++, team);
                ps.setString(p++, r.displayName());
                ps.setString(p++, r.phone);
                ps.setString(p++, r.email);
                ps.setObject(p++, r.organizationId, Types.OTHER);
                ps.setString(p++, (r.position == null ? Position.BASE : r.position).word());
                ps.setString(p++, r.level.word());
                ps.setObject(p++, r.ownerId == null ? organizer : r.ownerId);
                ps.setArray(p++, conn.createArrayOf("text", r.tags));
                ps.setBoolean(p++, Boolean.TRUE.equals(r.doNotContact));
                ps.setString(p++, r.notes);
                ps.setObject(p++, at);
                ps.setObject(p++, at);
            }
            ps.executeUpdate();
        }
    }

    /** Cells left empty leave the stored value alone; tags are added to the contact's, never replace them. */
    private void updateContacts() throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("""
                update contact set
                    full_name = coalesce(?, full_name),
                    phone = coalesce(?, phone),
                    email = coalesce(?, email),
                    organization_id = coalesce(?, organization_id),
                    position = coalesce(?, position),
                    engagement_level = coalesce(?, engagement_level),
                    owner_id = coalesce(?, owner_id),
                    tags = tags || array(select t from unnest(cast(? as text[])) t where t <> all(tags)),
                    do_not_contact = coalesce(?, do_not_contact),
                    notes = coalesce(?, notes),
                    updated_at = ?, version = version + 1
                where id = ? and team_id = ? and erased_at is null""")) {
            for (ImportRow r : updates) {
                int p = 1;
                ps.setString(p++, r.name);
                ps.setString(p++, r.phone);
                ps.setString(p++, r.email);
                ps.setObject(p++, r.organizationId, Types.OTHER);
                ps.setString(p++, r.position == null ? null : r.position.word());
                ps.setString(p++, r.level == null ? null : r.level.word());
                ps.setObject(p++, r.ownerId, Types.OTHER);
                ps.setArray(p++, conn.createArrayOf("text", r.tags));
                if (r.doNotContact == null) {
                    ps.setNull(p++, Types.BOOLEAN);
                } else {
                    ps.setBoolean(p++, r.doNotContact);
                }
                ps.setString(p++, r.notes);
                ps.setObject(p++, time(r.at));
                ps.setObject(p++, r.id);
                ps.setObject(p++, team);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertLevels() throws SQLException {
        if (levels.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into level_change (id, team_id, contact_id, from_level, to_level, changed_at, changed_by, reason)
                values """ + values(8, levels.size()))) {
            int p = 1;
            for (Object[] l : levels) {
                ps.setObject(p++, l[0]);
                ps.setObject(p++, team);
                ps.setObject(p++, l[1]);
                ps.setString(p++, l[2] == null ? null : ((Level) l[2]).word());
                ps.setString(p++, ((Level) l[3]).word());
                ps.setObject(p++, time((Instant) l[4]));
                ps.setObject(p++, organizer);
                ps.setString(p++, (String) l[5]);
            }
            ps.executeUpdate();
        }
    }

    private static String values(int columns, int rows) {
        StringBuilder one = new StringBuilder("(");
        for (int i = 0; i < columns; i++) {
            one.append(i == 0 ? "?" : ",?");
        }
        one.append(')');
        StringBuilder all = new StringBuilder(rows * (one.length() + 1));
        for (int i = 0; i < rows; i++) {
            all.append(i == 0 ? "" : ",").append(one);
        }
        return all.toString();
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
