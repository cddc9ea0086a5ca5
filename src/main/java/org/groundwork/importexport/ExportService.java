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
import org.groundwork.contact.ContactQuery;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Ids;
import org.groundwork.platform.BusinessMetrics;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The contact list's own query ({@link ContactQuery}) a page at a time. The filters are
     * checked now, so a wrong one is a 400 rather than a broken download.
     */
    public StreamingOutput contacts(ContactQuery filters, String asked) {
        ContactQuery query = filters.ofThisTeam();
        // the list's search rule, with the team's calling code, read now (the body is written later)
        String callingCode = current.team().phoneCountryCode;
        return export("contacts", asked, CONTACT_HEADER, (conn, team, after, into) -> {
            List<ContactQuery.Row> rows = query.page(conn, team, callingCode, after, PAGE);
            for (ContactQuery.Row r : rows) {
                into.add(List.of(text(r.fullName()), text(r.email()), text(r.phone()), text(r.organizationName()),
                        text(r.unitPath()), r.position().word(), r.level().word(), text(String.join(", ", r.tags())),
                        text(r.ownerEmail()), r.doNotContact() ? "yes" : "no", text(r.notes())));
            }
            return rows.isEmpty() ? after : rows.get(rows.size() - 1).id();
        });
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
        return export("conversations", asked, CONVERSATION_HEADER, (conn, team, after, into) -> {
            UUID last = after;
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setObject(1, team);
                ps.setObject(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getObject(1, UUID.class);
                        into.add(List.of(instant(rs.getObject(2, OffsetDateTime.class)), text(rs.getString(3)),
                                text(rs.getString(4)), text(rs.getString(5)), text(rs.getString(6)),
                                text(rs.getString(7)), String.valueOf(rs.getInt(8)), text(rs.getString(9)),
                                text(rs.getString(10)), text(rs.getString(11)), text(rs.getString(12)),
                                rs.getBoolean(13) ? "yes" : "no"));
                    }
                }
            }
            return last;
        });
    }

    /** One page of an export: up to {@link #PAGE} records after the id {@code after}, added to {@code into}. */
    private interface Pages {
        /** Answers the last id read ({@code after} when there was none). */
        UUID read(Connection conn, UUID team, UUID after, List<List<String>> into) throws SQLException;
    }

    private StreamingOutput export(String kind, String asked, List<String> header, Pages pages) {
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
                    UUID last = page(pages, team, after, page);
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

    /** Each page on a connection borrowed for that read only, given back before the page is written. */
    private UUID page(Pages pages, UUID team, UUID after, List<List<String>> into) throws IOException {
        try (Connection conn = dataSource.getConnection()) {
            return pages.read(conn, team, after, into);
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
     * spreadsheets hide and the importer removes again ({@link #guarded}).
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return guarded(value) ? "'" + value : value;
    }

    /**
     * Whether an export puts an apostrophe before this value, and so whether the importer takes one off a cell
     * that has one before it: a formula's first character, or an apostrophe the value itself begins with before
     * one (a note typed as "'=not a formula" came back from an export as "=not a formula", a walk). The one rule
     * for both, so an export imported again is the value stored.
     */
    static boolean guarded(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i < value.length() && "=+-@\t\r".indexOf(value.charAt(i)) >= 0;
    }

    private static String instant(OffsetDateTime at) {
        return at == null ? "" : at.toInstant().toString();
    }

}
