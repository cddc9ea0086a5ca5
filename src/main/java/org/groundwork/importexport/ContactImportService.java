package org.groundwork.importexport;

import org.groundwork.contact.ContactFields;
import org.groundwork.contact.Phones;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.importexport.ImportJson.ImportOptions;
import org.groundwork.importexport.ImportJson.ImportPreview;
import org.groundwork.importexport.ImportJson.PreviewColumn;
import org.groundwork.importexport.ImportJson.ImportReport;
import org.groundwork.importexport.ImportJson.NewPlace;
import org.groundwork.importexport.ImportJson.OnMatch;
import org.groundwork.importexport.ImportJson.RowMessage;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Language;
import org.groundwork.organization.OrganizationKind;
import org.groundwork.organization.OrganizationService;
import org.groundwork.organization.UnitKind;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.Folding;
import org.groundwork.platform.Ids;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.SafeJson;
import org.groundwork.platform.Text;
import org.groundwork.platform.Word;
import org.groundwork.platform.BusinessMetrics;
import org.groundwork.web.Labels;
import org.hibernate.Session;
import org.postgresql.jdbc.PgConnection;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Imports contacts from a CSV file in one transaction: every valid line or none. The file is
 * parsed as it arrives and written in batches; matching needs no query per line, because the
 * team's emails and phone numbers are read once at the start.
 */
@ApplicationScoped
public class ContactImportService {

    private static final Logger LOG = Logger.getLogger(ContactImportService.class);
    /**
     * The answer lists at most this many errors (and warnings); errorRows and warningCount count them
     * all. A file of refused lines would otherwise keep a message for each in memory.
     */
    static final int MAX_LISTED = 1000;
    /** How the export writes a unit inside another: "Building A › Floor 3". */
    static final String NESTED = " › ";

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    TransactionManager transactions;
    @Inject
    Audit audit;
    @Inject
    BusinessMetrics metrics;
    @Inject
    Validator validator;
    @Inject
    ImportMemory memory;
    @ConfigProperty(name = "groundwork.import.max-bytes", defaultValue = "52428800")
    long maxBytes;

    /**
     * The most rows (non-blank lines after the header) a file may have: the keys of every contact a
     * file creates stay in memory to the end (a later line for the same person is a match), so this,
     * with the team's own contacts, is what bounds the import's memory (docs/import.md).
     */
    @ConfigProperty(name = "groundwork.import.max-rows", defaultValue = "200000")
    int maxRows;

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Refuses (413) a file of more than {@code groundwork.import.max-rows} rows before any of it is
     * imported, reading no further than the row past the limit. {@code lines}: its lines after the
     * header ({@link FileRows}), never fewer than its rows, so a file within the limit by them is not
     * opened. A file that cannot be read is left to the import, which says why.
     */
    void refuseOverRows(int lines, java.util.function.Supplier<InputStream> file) {
        if (lines <= maxRows) {
            return;
        }
        boolean header = false;
        int rows = 0;
        try (InputStream in = file.get(); CSVParser parser = CsvInput.open(in, maxBytes)) {
            for (CSVRecord r : parser) {
                if (blank(r)) {
                    continue;
                }
                if (!header) {
                    header = true;
                } else if (++rows > maxRows) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return; // unreadable: the import itself refuses it, naming the line
        }
        if (rows > maxRows) {
            throw CsvInput.tooManyRows(maxRows);
        }
    }

    /**
     * A dry run runs exactly the same import, writes included, and then rolls it back: what it
     * reports is what the import would do, down to what the database would refuse.
     */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportReport importContacts(InputStream body, ImportOptions options) {
        return importFor(current.teamId(), current.id(), body, options, Progress.NONE);
    }

    /**
     * What an import has done so far, told after every row it read (the background import's
     * progress; see {@link ImportJobs}). Counts only, as the answer gives them at the end.
     */
    interface Progress {
        Progress NONE = (read, created, updated, skipped, errorRows) -> {
        };

        void rows(int read, int created, int updated, int skipped, int errorRows);
    }

    /**
     * The import for a given team and organizer: the request's own (above), or a background
     * job's, which has no request. Runs in the caller's transaction, which sets the timeout
     * (a job's begins in {@link TeamWork#runForTeam}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ImportReport importFor(UUID team, UUID organizer, InputStream body, ImportOptions options, Progress progress) {
        long started = System.nanoTime();
        String[] timings = new String[1];
        ImportReport report = em.unwrap(Session.class).doReturningWork(conn -> {
            if (!options.dryRun()) {
                // a dry run commits nothing, so it cannot create anyone twice: it need not wait
                // for, nor hold up, a real import (the check page runs one on every view)
                oneAtATime(conn, team);
            }
            try (ImportMemory.Share share = memory.share(team)) {
                Run run = new Run(conn, team, organizer, options, progress, share);
                try {
                    ImportReport r = run.read(body);
                    timings[0] = run.writer.timings();
                    return r;
                } finally {
                    run.writer.close();
                }
            }
        });
        if (!options.dryRun()) {
            audit.countedAs(team, organizer, AuditKind.IMPORTED, AuditEntity.CONTACT, report.created(), report.updated());
            metrics.imported(report.created(), report.updated(), report.skipped(), report.errorRows(),
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        }
        if (options.dryRun()) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException(e);
            }
        }
        LOG.infof("Import%s by organizer %s of team %s: %d created, %d updated, %d skipped, %d errors in %d ms (%s)",
                options.dryRun() ? " (dry run)" : "", organizer, team, report.created(), report.updated(),
                report.skipped(), report.errorRows(), (System.nanoTime() - started) / 1_000_000, timings[0]);
        return report;
    }

    private ProblemException unreadable(IOException e, long line) {
        if (e instanceof CsvInput.TooLarge) {
            return CsvInput.tooLarge(maxBytes);
        }
        if (e instanceof Utf8Lines.NotUtf8 bad && bad.binary) {
            return binary();
        }
        if (e instanceof CharacterCodingException) {
            // the line of the byte itself when Utf8Lines found it (the decoder reads ahead of the parser)
            return Problems.badRequest("The file is not UTF-8 text (near line "
                    + (e instanceof Utf8Lines.NotUtf8 bad ? bad.line : line)
                    + "); save it as \"CSV UTF-8\". Nothing was imported.");
        }
        return Problems.badRequest("The file could not be read as CSV near line " + line + ": "
                + csvReason(e.getMessage()) + ". Nothing was imported.");
    }

    /** The CSV reader's refusal in an organizer's words: its own names its tokens and counts from the stream's start. */
    private static String csvReason(String reason) {
        if (reason != null && reason.contains("EOF reached before encapsulated token finished")) {
            return QUOTE_NOT_CLOSED;
        }
        if (reason != null && reason.startsWith("Invalid character between encapsulated token and delimiter")) {
            return AFTER_CLOSING_QUOTE;
        }
        return reason;
    }

    static final String QUOTE_NOT_CLOSED = "a quote (\") opens a cell there and is never closed";
    static final String AFTER_CLOSING_QUOTE = "a cell has more after its closing quote (\"); put the whole cell in quotes,"
            + " and write a quote inside it twice (\"\")";

    /**
     * The file's columns with the field each feeds (as detected, and as chosen with {@code map})
     * and the values of its first rows, for the import page. Reads only the start of the file
     * and writes nothing; a file that cannot be read answers the same problems as the import.
     */
    public ImportPreview preview(InputStream body, List<String> map, int rows) {
        long line = 1;
        try (CSVParser parser = CsvInput.open(body, maxBytes)) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = headerLine(records);
            header.forEach(ContactImportService::binaryCheck);
            HeaderMapping detected = HeaderMapping.of(header, List.of());
            HeaderMapping chosen = HeaderMapping.of(header, map);
            List<CSVRecord> first = new ArrayList<>();
            while (first.size() < rows) {
                line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord r = records.next();
                if (!blank(r)) {
                    r.forEach(ContactImportService::binaryCheck);
                    first.add(r);
                }
            }
            if (first.isEmpty()) {
                throw headerOnly();
            }
            List<PreviewColumn> columns = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                List<String> samples = new ArrayList<>();
                for (CSVRecord r : first) {
                    // cut as a message quotes a cell: a 100,000-character note was shown whole (a walk)
                    samples.add(i < r.size() ? shortCell(r.get(i).trim()) : "");
                }
                // the header whole: a column the organizer maps is named by it (ImportPages' map, "header:field")
                columns.add(new PreviewColumn(header.get(i), word(detected.fields[i]), word(chosen.fields[i]), samples));
            }
            return new ImportPreview(columns, first.size());
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), line);
        } catch (IOException e) {
            throw unreadable(e, line);
        }
    }

    /**
     * Two imports into one team at once would each miss the other's new people and create them
     * twice; the second is refused (not queued: it may be the same file sent again by mistake).
     * The lock ends with the import's transaction.
     */
    private static void oneAtATime(Connection conn, UUID team) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, "groundwork-import:" + team);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw Problems.conflict("Another import into your team is running; try again when it has "
                            + "finished. Nothing was imported.");
                }
            }
        }
    }

    /**
     * The most columns a file may have: a spreadsheet's contact export has tens (Google's about ninety); the import
     * page draws a choice for each, and a crafted 440 KB file of 50,000 columns drew one big enough to run the
     * server out of memory (the walk).
     */
    static final int MOST_COLUMNS = 1000;

    /**
     * Refuses (400) a file wider than {@link #MOST_COLUMNS} before it is queued for a job, as an import run at once
     * refuses it: its header read, nothing more. A file that cannot be read, or holds no line, is left to the
     * import, which says why.
     */
    void refuseTooWide(java.util.function.Supplier<InputStream> file) {
        try (InputStream in = file.get(); CSVParser parser = CsvInput.open(in, maxBytes)) {
            firstLine(parser.iterator());
        } catch (IOException | UncheckedIOException e) {
            // unreadable: the import itself refuses it, naming the line
        }
    }

    /** The header: the first line that is not blank, at most {@link #MOST_COLUMNS} wide. */
    private static List<String> headerLine(Iterator<CSVRecord> records) {
        return firstLine(records).orElseThrow(ContactImportService::empty).toList();
    }

    /** The first line that is not blank, refused when it is wider than {@link #MOST_COLUMNS}; none in a file of none. */
    private static java.util.Optional<CSVRecord> firstLine(Iterator<CSVRecord> records) {
        while (records.hasNext()) {
            CSVRecord r = records.next();
            if (!blank(r)) {
                if (r.size() > MOST_COLUMNS) {
                    throw Problems.badRequest("The file has " + r.size() + " columns, more than the " + MOST_COLUMNS
                            + " an import reads; keep the columns you need and save it again. Nothing was imported.");
                }
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    private static String word(Field field) {
        return field == null || field == Field.IGNORE ? null : field.word;
    }

    private static ProblemException empty() {
        return Problems.badRequest("The file is empty. Nothing was imported.");
    }

    private static ProblemException headerOnly() {
        return Problems.badRequest("The file has a header but no rows. Nothing was imported.");
    }

    /** A line of the file not yet read: its number and its cells. */
    private record Line(long line, CSVRecord record) {
    }

    /**
     * A unit cell: "Building A › Floor 3" (the export's way of writing a unit inside another) names
     * both, nested; anything else one top-level unit. Names trimmed.
     */
    private record UnitName(String parent, String unit) {
        static UnitName of(String cell) {
            int inside = cell.indexOf(NESTED);
            String parent = inside > 0 ? placeName(cell.substring(0, inside)) : "";
            String unit = inside > 0 ? placeName(cell.substring(inside + NESTED.length())) : "";
            return parent.isEmpty() || unit.isEmpty() ? new UnitName(null, placeName(cell)) : new UnitName(parent, unit);
        }

        /** As the units' door stores names (Text.name); "" when nothing is left. */
        private static String placeName(String s) {
            String n = Text.placeName(s);
            return n == null ? "" : n;
        }

        List<String> names() {
            return parent == null ? List.of(unit) : List.of(parent, unit);
        }
    }

    /** The organization column's headers (HeaderMapping's, normalized) that name workplaces, and buildings. */

    /** In byOldPhone: the text is held by several contacts, so it names none of them. */
    private static final Target SEVERAL = new Target(null, null, null, null);
    /** A shared phone's line that names nobody: none of those who share it can be told from the others. */
    private static final Target NO_ONE = new Target(null, null, null, null);
    /** How many organization and owner ids an import shares (Run.same). */
    private static final int SAME_IDS_MAX = 10_000;
    /** In Target.phone: a phone the rule takes, which no refused phone equals (compared by identity). */
    private static final String WRITTEN = "";

    /** A contact already in the team, or created by an earlier line of the file. */
    private static final class Target {
        final UUID id;
        Level level;
        /** The keys of its stored email and phone (null when it has none). */
        String emailKey;
        String phoneKey;
        /**
         * Its phone as stored (or as this file set it) when the phone rule refuses it: one stored before
         * the rule comes back as it is, and only such a phone is compared with a line's. Any other phone
         * is {@link #WRITTEN}, null none: a copy of every phone was a sixth of an import's memory.
         */
        String phone;
        /** Its organization as stored or as this file set it: a unit column's unit is made inside it. */
        UUID organizationId;
        /** Its owner as stored or as this file set it: a deactivated owner named again is no change. */
        UUID ownerId;
        /**
         * Its name as stored or as this file set it, as {@link #nameKey} reads it: a line matched by email or
         * phone that names someone else is said (a hash, not the name: a copy of every name would cost as much
         * memory as the keys).
         */
        long nameKey;

        Target(UUID id, Level level, String emailKey, String phoneKey) {
            this.id = id;
            this.level = level;
            this.emailKey = emailKey;
            this.phoneKey = phoneKey;
        }
    }

    private final class Run {
        final Connection conn;
        final UUID team;
        /** Who imports: the owner of a new contact whose line names none the team can hand it to. */
        final UUID organizer;
        final ImportOptions options;
        final Progress progress;
        final ContactWriter writer;
        String countryCode = "1";
        final Map<String, Target> byEmail = new HashMap<>();
        final Map<String, Target> byPhone = new HashMap<>();
        /**
         * The phones several contacts hold (a household's, a shared work phone), each with all of them, the first
         * in {@link #byPhone} too: the phone cannot say which of them a line is, the name decides ({@link #sharing}).
         * A set per phone, not a link on each contact: a contact may hold two phones (one from this file).
         */
        final Map<String, java.util.Set<Target>> sharedPhones = new HashMap<>();
        /**
         * Stored phones the phone rule refuses (kept from before it), exactly as stored and trimmed, with
         * the one contact holding each; {@link #SEVERAL} when more than one does. An export writes such a
         * phone out as it is, and the line that brings it back is matched by that text, not its digits:
         * the digits of a note ("6" of "call after 6") would name anyone's number, and "n/a" has none.
         */
        final Map<String, Target> byOldPhone = new HashMap<>();
        final Map<String, UUID> organizations = new HashMap<>();
        /** Units by organization id and name (a nested one's "parent › unit") as lower() folds them. */
        final Map<String, UUID> units = new HashMap<>();
        UnitKind unitKind = UnitKind.OTHER;
        /** The kind of the organizations this file makes, as its column's header says it ("Workplace", "Edificio"). */
        OrganizationKind organizationKind = OrganizationKind.OTHER;
        /** The active organizers by email, whom a person may be handed to (OrganizerService.assignable's rule). */
        final Map<String, UUID> owners = new HashMap<>();
        /** The deactivated ones: named so the warning says why, never made an owner. */
        final Map<String, UUID> deactivatedOwners = new HashMap<>();
        /** The current batch's names and emails with their lower() (fold). */
        Map<String, String> folded = Map.of();
        /** Whether the database folds ASCII as Java does (Folding.asciiAsJava), asked in load. */
        boolean asciiAsJava;
        final List<RowMessage> errors = new ArrayList<>();
        final List<RowMessage> warnings = new ArrayList<>();
        int errorRows;
        int warningCount;
        /** The places this import makes, each with its organization's id until the names are read (newPlaces). */
        final List<Made> made = new ArrayList<>();
        int newPlaceCount;
        int created;
        int updated;
        int skipped;
        HeaderMapping mapping;

        /** This import's share of the contacts the instance's imports may hold (ImportMemory). */
        final ImportMemory.Share held;
        /**
         * One object for each organization and owner id the contacts name: a few dozen ids, each
         * read once per contact otherwise.
         */
        final Map<UUID, UUID> sameIds = new HashMap<>();

        Run(Connection conn, UUID team, UUID organizer, ImportOptions options, Progress progress,
            ImportMemory.Share held) {
            this.conn = conn;
            this.held = held;
            this.team = team;
            this.organizer = organizer;
            this.options = options;
            this.progress = progress;
            try {
                this.writer = new ContactWriter(conn.unwrap(PgConnection.class), team, organizer);
            } catch (SQLException e) {
                throw new IllegalStateException("The import needs a PostgreSQL connection", e);
            }
        }

        ImportReport read(InputStream body) throws SQLException {
            long line = 1;
            try (CSVParser parser = CsvInput.open(body, maxBytes)) {
                Iterator<CSVRecord> records = parser.iterator();
                List<String> header = headerLine(records);
                mapping = header(header);
                load();
                int rows = 0;
                int read = 0;
                List<Line> lines = new ArrayList<>(ContactWriter.BATCH);
                while (true) {
                    line = parser.getCurrentLineNumber() + 1;
                    if (!records.hasNext()) {
                        break;
                    }
                    CSVRecord r = records.next();
                    if (blank(r)) {
                        continue;
                    }
                    if (++read > maxRows) {
                        // the whole file is refused: what was written of it is rolled back with the transaction
                        throw CsvInput.tooManyRows(maxRows);
                    }
                    lines.add(new Line(line, r));
                    if (lines.size() == ContactWriter.BATCH) {
                        rows = rows(lines, rows);
                    }
                }
                rows = rows(lines, rows);
                if (rows == 0) {
                    throw headerOnly();
                }
                writer.finish();
            } catch (UncheckedIOException e) {
                throw unreadable(e.getCause(), line);
            } catch (IOException e) {
                throw unreadable(e, line);
            }
            return new ImportReport(options.dryRun(), created, updated, skipped, errorRows, warningCount, errors, warnings,
                    mapping.unmapped(), mapping.described(), newPlaceCount, newPlaces());
        }

        /** A batch of lines, read after their names and emails are folded in one round trip. */
        private int rows(List<Line> lines, int rows) throws SQLException {
            fold(lines);
            for (Line l : lines) {
                rows++;
                row(l.line(), l.record());
                progress.rows(rows, created, updated, skipped, errorRows);
            }
            lines.clear();
            return rows;
        }

        /**
         * The emails, owners, organization and unit names of these lines, as lower() folds them
         * (Folding): the keys they are looked up by, as the team's own were read (load).
         */
        private void fold(List<Line> lines) throws SQLException {
            java.util.Set<String> texts = new java.util.HashSet<>();
            for (Line l : lines) {
                if (nulColumn(l.record()) >= 0) {
                    continue; // an error line (row says so): no cell of it is read
                }
                for (Field f : new Field[]{Field.EMAIL, Field.OWNER, Field.ORGANIZATION}) {
                    String v = f == Field.ORGANIZATION ? Text.placeName(one(l.record(), f)) : one(l.record(), f);
                    if (v != null) {
                        texts.add(v);
                    }
                }
                String unit = one(l.record(), Field.UNIT);
                if (unit != null) {
                    texts.addAll(UnitName.of(unit).names());
                }
            }
            if (Folding.asks(texts, asciiAsJava)) {
                writer.settle(); // the connection is the writer thread's until its batch is written
            }
            folded = Folding.lower(conn, texts, asciiAsJava);
        }

        /** A name or email as lower() folds it: folded with its batch, else (not expected) on its own. */
        private String key(String text) {
            String k = folded.get(text);
            if (k == null) {
                try {
                    if (Folding.asks(List.of(text), asciiAsJava)) {
                        writer.settle();
                    }
                    k = Folding.lower(conn, List.of(text), asciiAsJava).get(text);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return k;
        }

        private HeaderMapping header(List<String> header) {
            for (String h : header) {
                binaryCheck(h);
            }
            HeaderMapping m = HeaderMapping.of(header, options.map());
            if (!m.identifiesPeople()) {
                throw Problems.badRequest("No column of the header (" + abbreviated(header) + ") holds a name, "
                        + "an email or a phone that Groundwork recognises; say which column holds what (the column choices "
                        + "on the import page, ?map=Column:field in the API). Nothing was imported.");
            }
            return m;
        }

        /**
         * Whether a line names people: only then are the stored names read ({@link #renamed}: a line that names its
         * match otherwise renames them, or, when matches are left as they are, is left out; both are said).
         */
        private boolean namesChange() {
            return mapping.maps(Field.FULL_NAME) || mapping.maps(Field.FIRST_NAME)
                    || mapping.maps(Field.MIDDLE_NAME) || mapping.maps(Field.LAST_NAME);
        }

        /** The team's existing keys, organizations and organizers, each read once. */
        private void load() throws SQLException {
            asciiAsJava = Folding.asciiAsJava(conn);
            try (PreparedStatement ps = conn.prepareStatement("select phone_country_code from team where id = ?")) {
                ps.setObject(1, team);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        countryCode = rs.getString(1);
                    }
                }
            }
            // the contacts matched by email or phone, counted first: a team more than the budget on its own is
            // refused (413) before its keys are read, whatever other imports hold
            String keyed = "from contact where team_id = ? and erased_at is null and (email is not null or phone is not null)";
            long counted;
            try (PreparedStatement ps = conn.prepareStatement("select count(*) " + keyed)) {
                ps.setObject(1, team);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counted = rs.getLong(1);
                }
            }
            held.take(counted);
            long read = 0;
            try (PreparedStatement ps = conn.prepareStatement(
                    "select id, email_key, phone, engagement_level, organization_id, owner_id, "
                            + (namesChange() ? "full_name " : "null ") + keyed)) {
                ps.setObject(1, team);
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (++read > counted) {
                            held.take(1); // written since the count
                        }
                        // email_key: lower(email), kept by PostgreSQL (V20_2), as the file's are folded
                        String emailKey = rs.getString(2);
                        Target t = new Target(rs.getObject(1, UUID.class), level(rs.getString(4)), emailKey,
                                Phones.key(rs.getString(3), countryCode));
                        t.organizationId = same(rs.getObject(5, UUID.class));
                        t.ownerId = same(rs.getObject(6, UUID.class));
                        t.phone = kept(rs.getString(3));
                        // stored under their email or phone (a line with no name): no name of their own yet
                        String stored = rs.getString(7);
                        t.nameKey = stored == null || nameKey(stored) == nameKey(rs.getString(3))
                                || (emailKey != null && nameKey(stored) == nameKey(emailKey)) ? NO_NAME : nameKey(stored);
                        remember(t, t.emailKey, t.phoneKey);
                        if (t.phone != null && t.phone != WRITTEN) {
                            byOldPhone.merge(t.phone.trim(), t, (one, other) -> SEVERAL);
                        }
                    }
                }
            }
            if (mapping.maps(Field.ORGANIZATION)) {
                readPairs("select lower(name), id from organization where team_id = ?", organizations);
                // a Workplace column makes workplaces (the walk: they came in as "Other"), a Building column buildings
                organizationKind = HeaderMapping.organizationKind(mapping.header(Field.ORGANIZATION));
                OrganizationKind said = word(OrganizationKind.class, mapping.header(Field.ORGANIZATION));
                if (said != null) {
                    organizationKind = said;
                }
            }
            if (mapping.maps(Field.UNIT)) {
                // a unit inside another under "parent › unit", as the export writes it
                readPairs(UNITS, units);
                // a Department column makes departments, a Floor column floors
                String h = Field.normalize(mapping.header(Field.UNIT));
                for (UnitKind k : UnitKind.values()) {
                    if (h.startsWith(k.word())) {
                        unitKind = k;
                    }
                }
                if (h.equals("dept")) {
                    unitKind = UnitKind.DEPARTMENT;
                }
                if (h.equals("piso")) {
                    unitKind = UnitKind.FLOOR;
                }
                // and a Planta column floors: the kind as the pages say it, in either language
                UnitKind said = word(UnitKind.class, mapping.header(Field.UNIT));
                if (said != null) {
                    unitKind = said;
                }
            }
            if (mapping.maps(Field.OWNER)) {
                readPairs("select lower(email), id from organizer where team_id = ? and active", owners);
                readPairs("select lower(email), id from organizer where team_id = ? and not active", deactivatedOwners);
            }
        }

        private UUID same(UUID id) {
            if (id == null) {
                return null;
            }
            // a team has a few organizations and organizers; past that (one organization per person) sharing
            // would cost more than it saves
            return sameIds.size() < SAME_IDS_MAX ? sameIds.computeIfAbsent(id, k -> k) : sameIds.getOrDefault(id, id);
        }

        private static String kept(String phone) {
            return phone == null || !Phones.written(phone) ? phone : WRITTEN;
        }

        /** The team's units by organization and name ("parent › unit" for one inside another), as the file names them. */
        private static final String UNITS = """
                select u.organization_id || ':' || coalesce(lower(btrim(p.name)) || ' › ', '') || lower(btrim(u.name)), u.id
                from unit u left join unit p on p.id = u.parent_id and p.team_id = u.team_id
                where u.team_id = ?""";
        /** The organizations this import holds ({@link #held}) or made. */
        private final java.util.Set<UUID> kept = new java.util.HashSet<>();
        /** Organizations found merged away (held() false): asked once, not again on each of their people's lines. */
        private final java.util.Set<UUID> gone = new java.util.HashSet<>();

        /** Names and ids of the team ({@code ?} 1), and of {@code more} after it, into {@code into}. */
        private void readPairs(String sql, Map<String, UUID> into, UUID... more) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setObject(1, team);
                for (int i = 0; i < more.length; i++) {
                    ps.setObject(i + 2, more[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.take(1); // a name and an id: held as a contact is, more than it costs
                        into.put(rs.getString(1), rs.getObject(2, UUID.class));
                    }
                }
            }
        }

        private void row(long line, CSVRecord record) throws SQLException {
            List<String> problems = new ArrayList<>();
            ImportRow r = new ImportRow();
            r.line = line;
            r.at = Instant.now();
            int column = nulColumn(record);
            if (column >= 0) {
                // named as the API and the forms name it: the contact field the column feeds
                Field field = column < mapping.fields.length ? mapping.fields[column] : null;
                String feeds = field == null ? null : field.feeds();
                // a column that feeds no field is named by its place ("column 3 contains…", row_column_nul)
                error(line, feeds == null ? "column " + (column + 1) + " " + SafeJson.NUL_MESSAGE
                        : feeds + ": " + SafeJson.NUL_MESSAGE);
                return;
            }
            // a cell past the header's last column: a comma outside quotes ("call me, after 5") split a cell,
            // and what came after it was dropped without a word (a walk). The line is refused and named, to be
            // mended in the file; an empty cell there (a spreadsheet's "a,b,c,") is nothing lost
            int cells = cellsGiven(record);
            if (cells > mapping.fields.length) {
                error(line, "has " + cells + " cells where the header has " + mapping.fields.length
                        + ": a comma outside quotes? Put the cell that holds it in quotes");
                return;
            }
            String fullName = one(record, Field.FULL_NAME);
            if (fullName == null) {
                fullName = joined(record, Field.FIRST_NAME, Field.MIDDLE_NAME, Field.LAST_NAME);
            }
            r.name = fullName;
            r.email = one(record, Field.EMAIL);
            r.phone = one(record, Field.PHONE);
            if (r.name == null && r.email == null && r.phone == null) {
                error(line, "no name, email or phone");
                return;
            }
            String levelValue = one(record, Field.LEVEL);
            if (levelValue != null) {
                r.level = word(Level.class, levelValue);
                if (r.level == null) {
                    problems.add("level '" + shortCell(levelValue) + "' is not one of " + Word.words(Level.class));
                }
            }
            String positionValue = one(record, Field.POSITION);
            if (positionValue != null) {
                r.position = word(Position.class, positionValue);
                if (r.position == null) {
                    problems.add("position '" + shortCell(positionValue) + "' is not one of " + Word.words(Position.class));
                }
            }
            r.notes = notes(record);
            // the contact's own fields by the API's rules, in its words: only those the line gives,
            // as a change leaves the others as stored
            List<FieldError> broken = new ArrayList<>(new ContactFields(r.name, r.phone, r.email, r.notes)
                    .problems(validator, given(r)));
            r.tags = tags(record, broken);
            boolean phoneRefused = false;
            for (FieldError f : broken) {
                String value = switch (f.field()) {
                    case "fullName" -> r.name;
                    case "phone" -> r.phone;
                    case "email" -> r.email;
                    default -> null;
                };
                // the line's own value too, so the row can be found and fixed in the file
                problems.add(f.field() + ": " + f.message() + (value == null ? "" : " ('" + shortCell(value) + "')"));
                phoneRefused |= f.field().equals("phone") && f.message().equals(Phones.NOT_WRITTEN);
            }
            // as the contact door stores it, and so matched against the stored names: a no-break space pasted
            // into a cell made "Sarah O'Connor" another person of the same look
            r.name = ContactFields.storedName(r.name);
            String dnc = one(record, Field.DO_NOT_CONTACT);
            if (dnc != null) {
                r.doNotContact = yesNo(dnc);
                if (r.doNotContact == null) {
                    problems.add("do not contact '" + shortCell(dnc) + "' is not yes or no");
                }
            }
            // as the organizations' door stores names (Text.name): a pasted no-break space is no other place
            String organization = Text.placeName(one(record, Field.ORGANIZATION));
            if (organization != null && Text.characters(organization) > 200) {
                problems.add("the organization name is longer than 200 characters");
            }
            String unit = Text.placeName(one(record, Field.UNIT));
            // each name of "parent › unit" on its own, as each is stored: an export of two long names nested was
            // refused whole on its way back (the probe)
            if (unit != null && UnitName.of(unit).names().stream().anyMatch(n -> Text.characters(n) > 200)) {
                problems.add("the unit name is longer than 200 characters");
            }
            String refusedPhone = null;
            if (phoneRefused && problems.size() == 1 && (r.name != null || r.email != null)) {
                // a phone the rule refuses, as one stored before the rule comes back in an export ("call
                // after 6"), does not lose the person: imported without it (match says so, or not)
                refusedPhone = r.phone;
                r.phone = null;
                problems.clear();
            }
            if (!problems.isEmpty()) {
                error(line, String.join("; ", problems));
                return;
            }
            String owner = one(record, Field.OWNER);
            UUID deactivatedOwner = null;
            if (owner != null) {
                r.ownerId = owners.get(key(owner));
                deactivatedOwner = r.ownerId == null ? deactivatedOwners.get(key(owner)) : null;
                if (r.ownerId == null && deactivatedOwner == null) {
                    if (options.dryRun()) {
                        warn(line, "owner '" + shortCell(owner) + "' is not an organizer of your team; the owner will be left as it is (you, for a new contact)");
                    } else {
                        warn(line, "owner '" + shortCell(owner) + "' is not an organizer of your team; the owner was left as it was (you, for a new contact)");
                    }
                }
            }
            match(r, organization, unit, refusedPhone, owner, deactivatedOwner);
        }

        /** The first column holding a NUL, or -1. */
        private int nulColumn(CSVRecord record) {
            for (int column = 0; column < record.size(); column++) {
                if (SafeJson.hasNul(record.get(column))) {
                    return column;
                }
            }
            return -1;
        }

        /**
         * The line's contact created or updated. {@code refusedPhone}: the line's phone, which the phone
         * rule refuses, left out; a warning unless it is the contact's phone exactly as stored, which an
         * export wrote out and is no change. {@code deactivatedOwner}: the organizer the owner cell names,
         * deactivated, so left out; a warning unless it is the matched contact's owner as stored (an export
         * of a departed organizer's people, imported again) or the line is skipped.
         */
        private void match(ImportRow r, String organization, String unit, String refusedPhone, String ownerCell,
                           UUID deactivatedOwner) throws SQLException {
            String emailKey = r.email == null ? null : key(r.email);
            String phoneKey = Phones.key(r.phone, countryCode);
            Target t = emailKey == null ? null : byEmail.get(emailKey);
            if (t == null && phoneKey != null) {
                t = byPhone.get(phoneKey);
                java.util.Set<Target> sharers = t == null ? null : sharedPhones.get(phoneKey);
                if (sharers != null) {
                    t = sharing(sharers, r);
                    if (t == NO_ONE) {
                        error(r.line, "several contacts share this phone, so a line without a name cannot say which one"
                                + " it is: give the name or the email");
                        return;
                    }
                    if (t == null && options.dryRun()) {
                        warn(r.line, "this line's phone is shared by several contacts, none of them '" + shortCell(r.name) + "'; they will be added as a new contact");
                    } else if (t == null) {
                        warn(r.line, "this line's phone is shared by several contacts, none of them '" + shortCell(r.name) + "'; they were added as a new contact");
                    }
                }
            }
            if (t == null && refusedPhone != null) {
                Target same = byOldPhone.get(refusedPhone.trim());
                if (same == SEVERAL) {
                    // the same words as Refusals' row_not_phone and row_phone_several, which the page translates
                    error(r.line, "phone: " + Phones.NOT_WRITTEN + " ('" + shortCell(refusedPhone)
                            + "'); several contacts have this phone as it is, so the line cannot say which one it"
                            + " is: give the email, or correct the phone");
                    return;
                }
                t = same;
            }
            // a skipped line's phone is left out with the rest of it
            boolean leftOut = refusedPhone != null
                    && (t == null || (options.onMatch() != OnMatch.SKIP
                    && (t.phone == null || t.phone == WRITTEN || !refusedPhone.trim().equals(t.phone.trim()))));
            boolean ownerLeftOut = deactivatedOwner != null
                    && (t == null || (options.onMatch() != OnMatch.SKIP && !deactivatedOwner.equals(t.ownerId)));
            if (t == null) {
                if (r.name == null) {
                    // a line with no name is stored under its email or phone: that must fit as a name
                    List<FieldError> broken = new ContactFields(r.displayName(), null, null, null)
                            .problems(validator, List.of("fullName"));
                    if (!broken.isEmpty()) {
                        error(r.line, broken.get(0).field() + ": " + broken.get(0).message());
                        return;
                    }
                }
                r.id = Ids.next();
                if (r.level == null) {
                    r.level = Level.NEW;
                }
                if (r.tags == null) {
                    r.tags = new String[0];
                }
                r.organizationId = place(organization);
                r.unitId = unit(r, r.organizationId, unit);
                held.take(1);
                writer.create(r);
                t = new Target(r.id, r.level, emailKey, phoneKey);
                t.organizationId = same(r.organizationId);
                t.phone = kept(r.phone);
                t.ownerId = same(r.ownerId != null ? r.ownerId : organizer);
                t.nameKey = r.name == null ? NO_NAME : nameKey(r.name);
                remember(t, emailKey, phoneKey);
                created++;
            } else if (options.onMatch() == OnMatch.SKIP) {
                // left as they are; a line that names them otherwise is likely someone else, left out unsaid (the walk)
                renamed(r, t, emailKey != null && t == byEmail.get(emailKey));
                skipped++;
            } else {
                r.id = t.id;
                renamed(r, t, emailKey != null && t == byEmail.get(emailKey));
                // the same email or number written differently is no change
                if (emailKey != null && emailKey.equals(t.emailKey)) {
                    r.email = null;
                }
                if (phoneKey != null && phoneKey.equals(t.phoneKey)) {
                    r.phone = null;
                }
                if (r.tags == null) {
                    r.tags = new String[0];
                }
                r.organizationId = place(organization);
                UUID organizationNow = same(r.organizationId != null ? r.organizationId : t.organizationId);
                r.unitId = unit(r, organizationNow, unit);
                t.organizationId = organizationNow;
                writer.update(r, t.level);
                if (r.level != null) {
                    t.level = r.level;
                }
                if (r.ownerId != null) {
                    t.ownerId = same(r.ownerId);
                }
                // the file's email and phone replace the stored ones; later lines match them too
                // (the old keys stay, so a new one is held as well: counted as a contact, more than it costs)
                if (r.email != null) {
                    t.emailKey = emailKey;
                    if (byEmail.putIfAbsent(emailKey, t) == null) {
                        held.take(1);
                    }
                }
                if (r.phone != null && phoneKey != null) {
                    t.phoneKey = phoneKey;
                    t.phone = kept(r.phone);
                    if (rememberPhone(phoneKey, t)) {
                        held.take(1);
                    }
                }
                updated++;
            }
            if (leftOut) {
                // the line's refusal as an error row says it (row), then what became of the line
                if (options.dryRun()) {
                    // a check saves nothing: it says what the import will do
                    warn(r.line, "phone: " + Phones.NOT_WRITTEN + " ('" + shortCell(refusedPhone)
                            + "'); the contact will be imported without it");
                } else {
                    warn(r.line, "phone: " + Phones.NOT_WRITTEN + " ('" + shortCell(refusedPhone)
                            + "'); the contact was imported without it");
                }
            }
            if (ownerLeftOut) {
                if (options.dryRun()) {
                    warn(r.line, "owner '" + shortCell(ownerCell) + "' is deactivated; the owner will be left as it is (you, for a new contact)");
                } else {
                    warn(r.line, "owner '" + shortCell(ownerCell) + "' is deactivated; the owner was left as it was (you, for a new contact)");
                }
            }
        }

        /**
         * A warning when the line names the contact it matched differently: matching by email or phone is the
         * design, but a reused family email or a shared phone would otherwise rename someone else unsaid (the
         * walk: Maria Wright became "María José Pérez", her notes replaced). Case and spacing are no change.
         * When matched people are left as they are (onMatch=skip), the line is left out instead, and that is said:
         * "Grace Hopper" with Aoife's email was counted as already here, without a word (the walk of session 45).
         */
        private void renamed(ImportRow r, Target t, boolean byEmailKey) throws SQLException {
            if (r.name == null) {
                return;
            }
            long now = nameKey(r.name);
            long before = t.nameKey;
            boolean skip = options.onMatch() == OnMatch.SKIP;
            if (!skip) {
                t.nameKey = now; // a skipped line leaves the stored name as it is
            }
            if (now == before || before == NO_NAME) {
                return; // the same name, or the first real one of someone stored under their email or phone
            }
            if (warnings.size() >= MAX_LISTED) {
                warningCount++; // not listed: its stored name is not read
                return;
            }
            String stored = shortCell(storedName(t.id, r.line));
            String name = shortCell(r.name);
            // whole wordings, one per call: web/Refusals finds each (RefusalsTest reads them from here)
            if (skip && options.dryRun() && byEmailKey) {
                warn(r.line, "this line's email is " + stored + "'s, who is left as they are; '" + name + "' will be left out with the line");
            } else if (skip && options.dryRun()) {
                warn(r.line, "this line's phone is " + stored + "'s, who is left as they are; '" + name + "' will be left out with the line");
            } else if (skip && byEmailKey) {
                warn(r.line, "this line's email was " + stored + "'s, who was left as they were; '" + name + "' was left out with the line");
            } else if (skip) {
                warn(r.line, "this line's phone was " + stored + "'s, who was left as they were; '" + name + "' was left out with the line");
            } else if (options.dryRun() && byEmailKey) {
                warn(r.line, "this line's email is " + stored + "'s, who will be renamed '" + name + "'; leave the line out if it is someone else");
            } else if (options.dryRun()) {
                warn(r.line, "this line's phone is " + stored + "'s, who will be renamed '" + name + "'; leave the line out if it is someone else");
            } else if (byEmailKey) {
                warn(r.line, "this line's email was " + stored + "'s, who was renamed '" + name + "'");
            } else {
                warn(r.line, "this line's phone was " + stored + "'s, who was renamed '" + name + "'");
            }
        }

        /** A matched contact's name as stored now: read for a listed warning only, so at most MAX_LISTED times. */
        private String storedName(UUID id, long line) throws SQLException {
            writer.settle(id, line); // an earlier line's name for them, if one is pending, is the stored one
            try (PreparedStatement ps = conn.prepareStatement("select full_name from contact where id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        }

        private void remember(Target t, String emailKey, String phoneKey) {
            if (emailKey != null) {
                byEmail.putIfAbsent(emailKey, t);
            }
            if (phoneKey != null) {
                rememberPhone(phoneKey, t);
            }
        }

        /** A contact under a phone, beside those who have it already ({@link #sharedPhones}); true for a new phone. */
        private boolean rememberPhone(String phoneKey, Target t) {
            Target first = byPhone.putIfAbsent(phoneKey, t);
            if (first == null) {
                return true;
            }
            if (first != t) {
                // a set by identity (Target keeps Object's equals): each contact once, however often a line names them
                sharedPhones.computeIfAbsent(phoneKey, k -> new java.util.LinkedHashSet<>(List.of(first))).add(t);
            }
            return false;
        }

        /**
         * Of the contacts who share a line's phone, the one the line names; null for a new person at that phone. A
         * household's phone matched the first of them whatever the line's name, and the import renamed Ama "Kwame"
         * and Kwame "Ama" (the walk). A line that names nobody cannot say which: {@link #NO_ONE}.
         */
        private Target sharing(java.util.Set<Target> sharers, ImportRow r) {
            if (r.name == null) {
                return NO_ONE;
            }
            long named = nameKey(r.name);
            for (Target x : sharers) {
                if (x.nameKey == named) {
                    return x;
                }
            }
            return null;
        }

        /** The unit of that name in the organization, made when missing; a warning when there is no organization. */
        private UUID unit(ImportRow r, UUID organizationId, String name) throws SQLException {
            if (name == null) {
                return null;
            }
            if (organizationId == null || !held(organizationId)) {
                // no organization, or the person's own merged away since this import began
                if (options.dryRun()) {
                    warn(r.line, "unit '" + shortCell(name) + "' needs an organization (a workplace or building column); it will be left out");
                } else {
                    warn(r.line, "unit '" + shortCell(name) + "' needs an organization (a workplace or building column); it was left out");
                }
                return null;
            }
            UnitName named = UnitName.of(name);
            if (named.parent() == null) {
                return topUnit(organizationId, named.unit());
            }
            UUID parent = topUnit(organizationId, named.parent());
            return units.computeIfAbsent(organizationId + ":" + key(named.parent()) + NESTED + key(named.unit()), k -> {
                held.take(1);
                UUID id = Ids.next();
                writer.unit(id, organizationId, parent, named.unit(), unitKind);
                made(organizationId, parent, named.unit());
                return id;
            });
        }

        private UUID topUnit(UUID organizationId, String name) {
            return units.computeIfAbsent(organizationId + ":" + key(name), k -> {
                held.take(1);
                UUID id = Ids.next();
                writer.unit(id, organizationId, null, name, unitKind);
                made(organizationId, null, name);
                return id;
            });
        }

        /**
         * The line's organization, made when the team has none of that name: only for a line that is written (a
         * skipped or refused one made an organization nobody sat in: the review).
         */
        private UUID place(String organization) throws SQLException {
            if (organization == null) {
                return null;
            }
            UUID found = organizations.get(key(organization));
            if (found != null && !held(found)) {
                // merged away since this import read the team's organizations: made again, as an import after the
                // merge would make it
                organizations.remove(key(organization));
            }
            return organization(organization);
        }

        private UUID organization(String name) {
            return organizations.computeIfAbsent(key(name), k -> {
                held.take(1);
                UUID id = Ids.next();
                writer.organization(id, name, organizationKind);
                made(id, null, null);
                kept.add(id); // this import's own: no one else sees it before it commits
                return id;
            });
        }

        /**
         * The organization's row held shared for the rest of the import, as a person put into it by hand holds it
         * (OrganizationService.keepUnits): a merge or a change of its units' shape waits for the import, or the
         * import for it, and then the import reads its units again. Its names and units were read when the import
         * began, and a merge or a unit's removal committed meanwhile made the write a bare foreign-key refusal of
         * the whole file (the review). False when it is gone. Once per organization; a dry run holds nothing (it
         * commits nothing, and the check page runs one on every view).
         */
        private boolean held(UUID organizationId) throws SQLException {
            if (options.dryRun() || kept.contains(organizationId)) {
                return true;
            }
            if (gone.contains(organizationId)) {
                return false;
            }
            writer.settle(); // the connection is the writer thread's while a batch is in flight
            try {
                if (!OrganizationService.keepUnits(conn, team, organizationId)) {
                    gone.add(organizationId);
                    return false;
                }
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState())) {
                    throw e;
                }
                // a merge of two organizations the file names, or a unit's removal moving people this import
                // changed, waited for this import while it waited for them: PostgreSQL undid one of the two
                throw Problems.conflict("An organization this file names was changed (merged, or a unit removed) while the import ran; nothing was imported. Import the file again.");
            }
            kept.add(organizationId);
            if (mapping.maps(Field.UNIT)) {
                units.keySet().removeIf(k -> k.startsWith(organizationId + ":"));
                readPairs(UNITS + " and u.organization_id = ?", units, organizationId);
            }
            return true;
        }

        /**
         * A place this import makes: an organization (no unit) or a unit of one, by its organization's id and, for a
         * unit inside another, its parent's.
         */
        private record Made(UUID organizationId, UUID parentId, String unit) {
        }

        private void made(UUID organizationId, UUID parentId, String unit) {
            newPlaceCount++;
            if (made.size() < MAX_LISTED) {
                made.add(new Made(organizationId, parentId, unit));
            }
        }

        /**
         * The places made, their organizations named: a new one's as this file wrote it, a stored one's read in one
         * query (a unit made in an organization the team had).
         */
        private List<NewPlace> newPlaces() throws SQLException {
            java.util.Set<UUID> organizationIds = new java.util.HashSet<>();
            java.util.Set<UUID> parentIds = new java.util.HashSet<>();
            for (Made m : made) {
                organizationIds.add(m.organizationId());
                if (m.parentId() != null) {
                    parentIds.add(m.parentId());
                }
            }
            Map<UUID, String> organizationNames = names("organization", organizationIds);
            // a parent as stored ("Days"), not as this line spelt it ("DAYS › Dock 2": the review)
            Map<UUID, String> parentNames = names("unit", parentIds);
            List<NewPlace> places = new ArrayList<>(made.size());
            for (Made m : made) {
                places.add(new NewPlace(organizationNames.get(m.organizationId()),
                        m.parentId() == null ? m.unit() : parentNames.get(m.parentId()) + NESTED + m.unit()));
            }
            return places;
        }

        /** The names of these organizations or units, once the writer is done (those made here are written by then). */
        private Map<UUID, String> names(String table, java.util.Set<UUID> ids) throws SQLException {
            Map<UUID, String> names = new HashMap<>();
            if (ids.isEmpty()) {
                return names;
            }
            try (PreparedStatement ps = conn.prepareStatement("select id, name from " + table + " where team_id = ? and id = any(?)")) {
                ps.setObject(1, team);
                ps.setArray(2, conn.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            return names;
        }

        private void error(long line, String message) {
            errorRows++;
            if (errors.size() < MAX_LISTED) {
                errors.add(new RowMessage(line, message));
            }
        }

        private void warn(long line, String message) {
            warningCount++;
            if (warnings.size() < MAX_LISTED) {
                warnings.add(new RowMessage(line, message));
            }
        }

        // ---- reading cells ----------------------------------------------------------------

        /** How many cells the line gives, up to its last one that is not blank. */
        private static int cellsGiven(CSVRecord record) {
            int given = record.size();
            while (given > 0 && record.get(given - 1).isBlank()) {
                given--;
            }
            return given;
        }

        private String cell(CSVRecord record, int column) {
            if (column >= record.size()) {
                return null;
            }
            String v = record.get(column);
            binaryCheck(v);
            v = v.trim();
            // undo the spreadsheet-formula guard our exports put on cells ('=…, '+…, ''=… for a value '=…)
            if (v.length() > 1 && v.charAt(0) == '\'' && ExportService.guarded(v.substring(1))) {
                v = v.substring(1);
            }
            return v.isEmpty() ? null : v;
        }

        /** The first column of the field that has a value on this line. */
        private String one(CSVRecord record, Field field) {
            for (int column : mapping.columns(field)) {
                String v = cell(record, column);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        /** Every column of each field in turn (two surnames: "Primer apellido", "Segundo apellido"). */
        private String joined(CSVRecord record, Field... fields) {
            StringBuilder s = new StringBuilder();
            for (Field f : fields) {
                for (int column : mapping.columns(f)) {
                    String v = cell(record, column);
                    if (v != null) {
                        s.append(s.length() == 0 ? "" : " ").append(v);
                    }
                }
            }
            return s.length() == 0 ? null : s.toString();
        }

        /**
         * Tags from every tag column: "tenant, building-a", Google's "* myContacts ::: Organizing"
         * (its system groups, starting with "* ", are not tags of ours).
         */
        private String[] tags(CSVRecord record, List<FieldError> problems) {
            List<String> tags = new ArrayList<>();
            for (int column : mapping.columns(Field.TAGS)) {
                String v = cell(record, column);
                if (v == null) {
                    continue;
                }
                for (String part : v.split(":::|[,;]")) {
                    String t = part.trim();
                    if (!t.isEmpty() && !t.startsWith("* ")) {
                        tags.add(t);
                    }
                }
            }
            // trimmed, repeats dropped, limits checked: the API's rule
            return ContactFields.tags(tags, problems);
        }

        /** The notes column, then each "note" column as "Column: value" on a line of its own. */
        private String notes(CSVRecord record) {
            StringBuilder notes = new StringBuilder();
            String main = one(record, Field.NOTES);
            if (main != null) {
                notes.append(main);
            }
            for (int column : mapping.columns(Field.NOTE)) {
                String v = cell(record, column);
                if (v != null) {
                    notes.append(notes.length() == 0 ? "" : "\n").append(mapping.headers.get(column).trim())
                            .append(": ").append(v);
                }
            }
            return notes.length() == 0 ? null : notes.toString();
        }
    }

    // ---- values -------------------------------------------------------------------------------

    private static boolean blank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** NUL never occurs in text a person wrote: the file is binary (a spreadsheet, an image…). */
    private static void binaryCheck(String value) {
        if (value.indexOf('\0') >= 0) {
            throw binary();
        }
    }

    private static ProblemException binary() {
        return Problems.badRequest("The file is binary, not CSV text; export it from your spreadsheet as "
                + "\"CSV UTF-8\". Nothing was imported.");
    }

    /** The contact fields a line gives (null: the file says nothing of it, and a match keeps its own). */
    private static List<String> given(ImportRow r) {
        List<String> given = new ArrayList<>(4);
        if (r.name != null) {
            given.add("fullName");
        }
        if (r.phone != null) {
            given.add("phone");
        }
        if (r.email != null) {
            given.add("email");
        }
        if (r.notes != null) {
            given.add("notes");
        }
        return given;
    }

    /**
     * "Less involved", "LESS_INVOLVED" and "less-involved" are one word; so are the word as the
     * pages say it in any of their languages ("Menos implicado", "cuadro"), accents aside.
     */
    /**
     * The Spanish pages say a level or position in the masculine (msg_es: "Nuevo", "Menos implicado",
     * "Aliado"); a sheet about a woman says it in the feminine. Those whose feminine differs, to the
     * label they stand for, both as Field.normalize writes them.
     */
    private static final Map<String, String> FEMININE = Map.of("nueva", "nuevo", "menosimplicada", "menosimplicado",
            "aliada", "aliado");

    static <E extends Enum<E> & Word> E word(Class<E> type, String value) {
        String w = value.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equals(w)) {
                return constant;
            }
        }
        String said = Field.normalize(value);
        said = FEMININE.getOrDefault(said, said);
        for (E constant : type.getEnumConstants()) {
            for (Language language : Language.values()) {
                if (Field.normalize(Labels.label(constant, language.locale())).equals(said)) {
                    return constant;
                }
            }
        }
        return null;
    }

    private static Level level(String word) {
        Level l = word(Level.class, word);
        return l == null ? Level.NEW : l;
    }

    private static Boolean yesNo(String value) {
        // composed first: a "sí" typed as i and a combining accent is the same word
        return switch (java.text.Normalizer.normalize(value.trim(), java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "x", "sí", "si", "s" -> true;
            case "no", "n", "false", "0" -> false;
            default -> null;
        };
    }

    /** {@link Target#nameKey} of someone stored under their email or phone: any name given later is their first. */
    private static final long NO_NAME = 0;

    /** A name as two lines naming the same person may write it: case, spacing, what shows nothing and Unicode form aside. */
    static long nameKey(String name) {
        if (name == null) {
            return NO_NAME;
        }
        // as names are stored (ContactFields.storedName: composed, every space one, what shows nothing left out)
        String n = ContactFields.storedName(name).toLowerCase(Locale.ROOT);
        // 64 bits (FNV-1a): String.hashCode's 32 let two common names share a key (the probe found one among
        // first and last names), and the rename went unsaid; a contact costs 4 bytes more
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < n.length(); i++) {
            h = (h ^ n.charAt(i)) * 0x100000001b3L;
        }
        return h == NO_NAME ? 1 : h;
    }

    /**
     * A cell quoted in a line's message or shown among a column's first rows, cut to a preview: the answer
     * lists up to 1,000 errors and 1,000 warnings (kept in memory, and with a background import's result), so
     * a cell quoted whole made them that many times its size; the line number says where the rest is.
     */
    private static String shortCell(String value) {
        return Text.preview(value, 120);
    }

    private static String abbreviated(List<String> values) {
        return shortCell(String.join(", ", values));
    }
}
