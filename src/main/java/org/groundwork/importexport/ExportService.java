package org.groundwork.importexport;

import org.groundwork.platform.TeamScope;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.contact.ContactJson.Filter;
import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.organization.OrganizationService;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Word;
import org.groundwork.platform.BusinessMetrics;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.groundwork.platform.Text.blankToNull;

/**
 * Exports stream: pages of {@link #PAGE} rows read by keyset (each on a connection borrowed
 * only for that read) and written out before the next page is read, so a team of any size
 * costs one page of memory. Contacts are written under the importer's own header names, so an
 * export imports into another team as it is. Erased contacts are left out.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    static final int PAGE = 1000;
    /** "Unit" is read back by the import; a unit inside another is written "Building A › Floor 3". */
    static final List<String> CONTACT_HEADER = List.of("Name", "Email", "Phone", "Organization", "Unit", "Position",
            "Level", "Tags", "Owner", "Do not contact", "Notes");
    static final List<String> CONVERSATION_HEADER = List.of("Date", "Name", "Email", "Phone", "Organizer", "Work",
            "Minutes", "Channel", "Summary", "Issues", "Commitments", "Political discussion");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CurrentOrganizer current;
    @Inject
    Audit audit;
    @Inject
    BusinessMetrics metrics;

    /** The filters are checked now, so a wrong one is a 400 rather than a broken download. */
    public StreamingOutput contacts(Filter filter, String asked) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        Level level = Word.parse(Level.class, blankToNull(filter.level()), "level");
        if (level != null) {
            where.append(" and c.engagement_level = ?");
            params.add(level.word());
        }
        Position position = Word.parse(Position.class, blankToNull(filter.position()), "position");
        if (position != null) {
            where.append(" and c.position = ?");
            params.add(position.word());
        }
        UUID owner = id(filter.owner(), "owner");
        if (owner != null) {
            where.append(" and c.owner_id = ?");
            params.add(owner);
        }
        UUID organization = id(filter.organization(), "organization");
        if (organization != null) {
            where.append(" and c.organization_id = ?");
            params.add(organization);
        }
        String tag = blankToNull(filter.tag());
        if (tag != null) {
            where.append(" and c.tags @> array[cast(? as text)]");
            params.add(tag);
        }
        String q = blankToNull(filter.q());
        if (q != null) {
            // the same search as the contact list: name or email contains, phone digits contain
            String text = q.toLowerCase(Locale.ROOT);
            String digits = text.replaceAll("[^0-9]", "");
            where.append(" and (c.full_name ilike ? escape '\\' or c.email ilike ? escape '\\'");
            params.add("%" + OrganizationService.likeEscaped(text) + "%");
            params.add("%" + OrganizationService.likeEscaped(text) + "%");
            if (!digits.isEmpty()) {
                where.append(" or c.phone_digits like ?");
                params.add("%" + digits + "%");
            }
            where.append(")");
        }
        String sql = """
                select c.id, c.full_name, c.email, c.phone, o.name, c.position, c.engagement_level, c.tags,
                       og.email, c.do_not_contact, c.notes, coalesce(up.name || ' › ', '') || u.name
                from contact c
                left join organization o on o.id = c.organization_id and o.team_id = c.team_id
                left join unit u on u.id = c.unit_id and u.team_id = c.team_id
                left join unit up on up.id = u.parent_id and up.team_id = u.team_id
                left join organizer og on og.id = c.owner_id and og.team_id = c.team_id
                where c.team_id = ? and c.erased_at is null and c.id > ?""" + where + " order by c.id limit " + PAGE;
        return export("contacts", asked, CONTACT_HEADER, sql, params, rs -> List.of(
                text(rs.getString(2)), text(rs.getString(3)), text(rs.getString(4)), text(rs.getString(5)),
                text(rs.getString(12)), text(rs.getString(6)), text(rs.getString(7)), tags(rs.getArray(8)),
                text(rs.getString(9)), rs.getBoolean(10) ? "yes" : "no", text(rs.getString(11))));
    }

    /** A team's one-to-ones, oldest recorded first; those with erased contacts are left out. */
    public StreamingOutput conversations(String asked) {
        String sql = """
                select cv.id, cv.occurred_at, c.full_name, c.email, c.phone, og.email, w.name, cv.duration_minutes,
                       cv.channel, cv.summary, cv.issues, cv.commitments, cv.political_discussion
                from conversation cv
                join contact c on c.id = cv.contact_id and c.team_id = cv.team_id
                join organizer og on og.id = cv.organizer_id and og.team_id = cv.team_id
                left join work w on w.id = cv.work_id and w.team_id = cv.team_id
                where cv.team_id = ? and c.erased_at is null and cv.id > ?
                order by cv.id limit\s""" + PAGE;
        return export("conversations", asked, CONVERSATION_HEADER, sql, List.of(), rs -> List.of(
                instant(rs.getObject(2, OffsetDateTime.class)), text(rs.getString(3)), text(rs.getString(4)),
                text(rs.getString(5)), text(rs.getString(6)), text(rs.getString(7)), String.valueOf(rs.getInt(8)),
                text(rs.getString(9)), text(rs.getString(10)), text(rs.getString(11)), text(rs.getString(12)),
                rs.getBoolean(13) ? "yes" : "no"));
    }

    private interface Columns {
        List<String> of(ResultSet rs) throws SQLException;
    }

    /** The query takes the team and the last id seen as its first two parameters, then {@code params}. */
    private StreamingOutput export(String kind, String asked, List<String> header, String sql, List<Object> params,
                                   Columns columns) {
        // the request's identity is read now; the body is written after this method returns
        UUID team = current.teamId();
        UUID organizer = current.id();
        // written after the request's method returned: its connections are scoped to the team by name
        return output -> TeamScope.runAs(team, () -> {
            Instant started = Instant.now();
            int rows = 0;
            boolean completed = false;
            try {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                // a byte-order mark, so spreadsheet programs read the file as UTF-8 (the importer skips it)
                writer.write('\uFEFF');
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
                csv.printRecord(header);
                UUID after = new UUID(0, 0);
                while (true) {
                    List<List<String>> page = new ArrayList<>(PAGE);
                    UUID last = page(sql, team, after, params, columns, page);
                    for (List<String> record : page) {
                        csv.printRecord(record);
                    }
                    rows += page.size();
                    if (page.size() < PAGE) {
                        break;
                    }
                    after = last;
                }
                csv.flush();
                completed = true;
            } finally {
                log(team, organizer, kind, asked, rows, completed, started);
            }
            return null;
        });
    }

    private UUID page(String sql, UUID team, UUID after, List<Object> params, Columns columns,
                      List<List<String>> into) throws IOException {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setObject(1, team);
            ps.setObject(2, after);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 3, params.get(i));
            }
            UUID last = after;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getObject(1, UUID.class);
                    into.add(columns.of(rs));
                }
            }
            return last;
        } catch (SQLException e) {
            throw new IOException("Export failed reading the database", e);
        }
    }

    /** "q=Rosa&tag=tenant" → "q, tag". */
    static String filterNames(String query) {
        if (query == null || query.isBlank()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!name.isBlank() && !names.contains(name)) {
                names.add(name);
            }
        }
        return String.join(", ", names);
    }

    /** Who exported what, when and how many rows: a log line and a row in export_log. */
    private void log(UUID team, UUID organizer, String kind, String query, int rows, boolean completed,
                     Instant started) {
        // the names of the filters only: a search for a name is personal data, and this log outlives erasures
        String asked = filterNames(query);
        LOG.infof("Export of %s by organizer %s of team %s: %d rows%s%s", kind, organizer, team, rows,
                asked == null || asked.isEmpty() ? "" : " (" + asked + ")", completed ? "" : ", stopped before the end");
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement("""
                insert into export_log (id, team_id, organizer_id, kind, filters, row_count, completed, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, Ids.next());
            ps.setObject(2, team);
            ps.setObject(3, organizer);
            ps.setString(4, kind);
            ps.setString(5, asked == null ? "" : asked);
            ps.setInt(6, rows);
            ps.setBoolean(7, completed);
            ps.setObject(8, started.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.error("Could not record an export in export_log", e);
        }
        if (completed) {
            metrics.exported(kind);
        }
        try {
            // the trail keeps how many rows went out, not the filters: a search may hold a name
            audit.exported(team, organizer, kind.equals("contacts") ? AuditEntity.CONTACT : AuditEntity.CONVERSATION,
                    rows);
        } catch (RuntimeException e) {
            LOG.error("Could not record an export in the audit trail", e);
        }
    }

    /**
     * A cell a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe, which
     * spreadsheets hide and the importer removes again.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String tags(Array array) throws SQLException {
        if (array == null) {
            return "";
        }
        return text(String.join(", ", (String[]) array.getArray()));
    }

    private static String instant(OffsetDateTime at) {
        return at == null ? "" : at.toInstant().toString();
    }

    private static UUID id(String value, String parameter) {
        return Ids.filter(value, parameter);
    }
}
