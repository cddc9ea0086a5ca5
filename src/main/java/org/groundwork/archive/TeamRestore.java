package org.groundwork.archive;

import org.groundwork.platform.CappedInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.MigrationVersion;
import org.groundwork.archive.ArchiveFormat.Table;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Role;
import org.groundwork.platform.Word;
import org.groundwork.platform.FieldError;
import org.groundwork.contact.ContactFields;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Text;
import org.groundwork.platform.Folding;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.TeamScope;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Restores a team from its archive (TeamArchive) as a new team of this instance, keeping every
 * id: all of it in one transaction, or nothing. Every input check answers 400 and an id that
 * exists here already answers 409; in both cases the transaction is rolled back.
 *
 * <p>The archive is read as it arrives (manifest first, then the files in ArchiveFormat's
 * order), with caps on what it may unpack to, so a zip bomb stops at the cap. Rows are
 * checked in Java (exactly the known fields, the manifest's team, no NUL, no nested objects,
 * and the API's own field rules, {@link RowRules}) and written in batches by PostgreSQL itself from their JSON (json_populate_recordset), which
 * also checks every value's type; the schema's constraints and composite foreign keys check
 * the rest. Derived values: conversation_day is rebuilt by its triggers as conversations
 * arrive; level_at_time is computed by V3_1's triggers on insert and then set to the value as
 * stored, so the restored reports read exactly what the original's did.
 */
@ApplicationScoped
public class TeamRestore {

    private static final Logger LOG = Logger.getLogger(TeamRestore.class);
    /** Rows per insert statement; a batch also ends at {@link #BATCH_CHARS} characters of JSON. */
    static final int BATCH_ROWS = 1000;
    static final int BATCH_CHARS = 4 * 1024 * 1024;
    /** The longest row: a conversation's texts are 30,000 characters at most (V1's checks). */
    static final int MAX_LINE_BYTES = 1024 * 1024;
    static final int MAX_MANIFEST_BYTES = 64 * 1024;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CurrentOrganizer current;
    @Inject
    Audit audit;
    @Inject
    ObjectMapper mapper;
    @Inject
    TransactionManager transactions;
    @Inject
    EntityManager em;
    @Inject
    RowRules rules;
    /** How long the restore's one transaction may run (a union's took 10 minutes on two cores). */
    @ConfigProperty(name = "groundwork.restore.timeout", defaultValue = "1H")
    java.time.Duration timeout;
    /** What the archive may unpack to in all; beyond it the upload is refused as a zip bomb. */
    @ConfigProperty(name = "groundwork.restore.max-unpacked-bytes", defaultValue = "4294967296")
    long maxUnpackedBytes;

    /** What a restore created. */
    public record Restored(UUID teamId, String teamName, List<RestoredOrganizer> organizers, Map<String, Long> rows) {
    }

    public record RestoredOrganizer(UUID id, String email, String displayName, Role role) {
    }

    /**
     * The instance admin's restore. All of its SQL runs on one connection in one transaction,
     * which writes a whole new team and audit events in two teams (the restored one's and the
     * admin's): row-level security's narrow instance-wide bypass, for that whole transaction, its
     * commit included (the connection is lent already set to it).
     */
    public Restored restore(InputStream body) {
        if (!current.isInstanceAdmin()) {
            throw Problems.forbidden("Only the instance admin can restore a team from an archive");
        }
        if (body == null) {
            throw Problems.badRequest("Send the archive (a .zip made by Groundwork) as the body");
        }
        // one transaction for the whole team: a union's takes minutes, not the 60 s of any other
        Restored restored = TeamScope.instanceWide(() -> QuarkusTransaction.requiringNew().timeout(limitSeconds()).call(() -> {
            Restored done;
            try {
                done = restoreInTransaction(body);
                // the audit rows are written now, not inside the commit, where a rollback by the time
                // limit would surface as the commit's own failure (a 500)
                em.flush();
            } catch (RuntimeException e) {
                // at the limit the transaction manager rolls the transaction back and Agroal cancels the
                // running statement: what that surfaced as (a cancelled statement, a closed connection, or
                // a refusal read after it) is not the reason
                if (endedByTheTimeout()) {
                    throw tookTooLong(e);
                }
                throw e;
            }
            if (endedByTheTimeout()) {
                throw tookTooLong(null); // rolled back after the last statement: the commit would fail
            }
            return done;
        }));
        LOG.infof("Team %s restored from an archive by organizer %s: %d rows", restored.teamId(), current.id(),
                restored.rows().values().stream().mapToLong(Long::longValue).sum());
        return restored;
    }

    /** The limit in whole seconds, at least one: the transaction manager's unit (0 would mean its default). */
    private int limitSeconds() {
        return (int) Math.max(1, Math.min(timeout.toSeconds(), Integer.MAX_VALUE));
    }

    /** Whether the transaction manager rolled this thread's transaction back (the code itself never does). */
    private boolean endedByTheTimeout() {
        try {
            int status = transactions.getStatus();
            return status == Status.STATUS_ROLLEDBACK || status == Status.STATUS_ROLLING_BACK;
        } catch (SystemException e) {
            return false;
        }
    }

    /**
     * Past groundwork.restore.timeout the transaction manager rolls the restore back. The time a
     * restore needs grows with its archive, so this is said as the size limit is, a 413: the archive
     * is more than this instance restores in the time it allows (a busy machine or a lock held
     * elsewhere can add to that time); never a 500.
     */
    private ProblemException tookTooLong(RuntimeException surfaced) {
        // the class and SQLState only: a database message may quote the archive's values
        Throwable cause = surfaced;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        LOG.warnf("A restore ran past groundwork.restore.timeout (%d s) and was rolled back (surfaced as %s%s)",
                limitSeconds(), surfaced == null ? "nothing" : surfaced.getClass().getName(),
                cause instanceof SQLException s ? ", SQLState " + s.getSQLState() : "");
        String limit = java.time.Duration.ofSeconds(limitSeconds()).toString().substring(2).toLowerCase(Locale.ROOT);
        return new ProblemException(413, "Content Too Large", "The archive takes longer to restore than this instance "
                + "allows (" + limit + ", groundwork.restore.timeout); nothing was restored");
    }

    private Restored restoreInTransaction(InputStream body) {
        ZipEnd end = new ZipEnd(body);
        ZipInputStream zip = new ZipInputStream(end, StandardCharsets.UTF_8);
        // every entry's content is read through this, which counts what the archive unpacks to
        // every byte the zip reader hands out, across entries, is counted: a zip bomb is refused at
        // the cap, not after filling memory; the zip stream itself stays open between entries
        InputStream unpacked = new CappedInput(zip, maxUnpackedBytes, max -> {
            throw Problems.badRequest("The archive unpacks to more than " + max
                    + " bytes, the most this instance restores (groundwork.restore.max-unpacked-bytes)");
        }) {
            @Override
            public void close() {
            }
        };
        try (Connection conn = dataSource.getConnection()) {
            // row-level security: instance-wide here (see restore)
            ZipEntry entry = next(zip);
            if (entry == null) {
                throw Problems.badRequest("This is not a Groundwork team archive: not a zip file, or an empty one");
            }
            if (!ArchiveFormat.MANIFEST.equals(entry.getName())) {
                throw Problems.badRequest("This is not a Groundwork team archive: its first entry must be "
                        + ArchiveFormat.MANIFEST);
            }
            Manifest manifest = manifest(readAll(unpacked, MAX_MANIFEST_BYTES), conn);
            UUID team = manifest.team().id();
            Map<String, Long> rows = new LinkedHashMap<>();
            List<RestoredOrganizer> organizers = new ArrayList<>();
            String teamName = null;
            for (int i = 0; i < ArchiveFormat.TABLES.size(); i++) {
                Table table = ArchiveFormat.TABLES.get(i);
                long expected = manifest.files().get(i).rows();
                entry = next(zip);
                if (entry == null || !table.file().equals(entry.getName())) {
                    throw Problems.badRequest("The archive is incomplete or out of order: " + table.file()
                            + " must come next");
                }
                Rows read = new Rows(table, manifest.formatVersion(), team, expected, times(conn, table.name()));
                long n = read.insertAll(unpacked, conn);
                rows.put(table.file(), n);
                if (table.name().equals("team")) {
                    teamName = read.first.get("name").asText();
                }
                if (table.name().equals("organizer")) {
                    organizers.addAll(read.organizers);
                    anAdmin(conn, team, table);
                }
            }
            if (next(zip) != null) {
                throw Problems.badRequest("The archive holds more entries than a Groundwork team archive");
            }
            // the zip reader stops at the first thing that is no entry, the index or the end of the stream
            if (!end.closesWithIndexOf(1 + ArchiveFormat.TABLES.size())) {
                throw Problems.badRequest("The archive is incomplete: the zip's closing index (its central directory)"
                        + " is missing or cut short, as in a download that stopped early; download the archive again");
            }
            repairLevelChains(conn, team);
            // places named before the rule of the day (an older archive), cleaned as the upgrade cleaned those it found
            org.groundwork.organization.StoredPlaceNames.clean(conn, team);
            org.groundwork.organization.StoredPlaceNames.works(conn, team);
            long total = rows.values().stream().mapToLong(Long::longValue).sum();
            int count = (int) Math.min(total, Integer.MAX_VALUE);
            // the restored team's trail says it arrived (no one of the team did it); the instance
            // admin's own team's trail says who restored which team
            audit.counted(team, null, AuditKind.IMPORTED, AuditEntity.TEAM, team, count);
            audit.counted(current.teamId(), current.id(), AuditKind.CREATED, AuditEntity.TEAM, team, count);
            return new Restored(team, teamName, organizers, rows);
        } catch (SQLException e) {
            throw refused(e);
        } catch (ZipException e) {
            throw Problems.badRequest("The archive is not a readable zip file: " + shortly(e.getMessage()));
        } catch (IOException e) {
            throw Problems.badRequest("The archive could not be read: " + shortly(e.getMessage()));
        }
    }

    /**
     * An archive made before V28_6 holds level histories that migration repaired everywhere else (a
     * back-dated change left the next one's from_level as written); the restored team gets the same
     * repair, V28_7's function, so its movement report counts each change under its pair as the
     * original's does since. On an archive made since, nothing needs it and nothing changes.
     */
    private static void repairLevelChains(Connection conn, UUID team) throws SQLException {
        try (PreparedStatement repair = conn.prepareStatement("select gw_level_change_chain_repair(?)")) {
            repair.setObject(1, team);
            try (ResultSet rs = repair.executeQuery()) {
                rs.next();
                int repaired = rs.getInt(1);
                if (repaired > 0) {
                    LOG.infof("Team %s restored: %d level changes now start from the level before them", team, repaired);
                }
            }
        }
    }

    /** The table's timestamptz and date columns, as this instance's schema has them. */
    private static RowRules.Times times(Connection conn, String table) throws SQLException {
        List<String> timestamps = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        // resolved as the restore's inserts resolve the name (search_path, regclass), so no other schema's
        // table of that name answers; a table with no columns found would leave its times unchecked
        int columns = 0;
        try (PreparedStatement ps = conn.prepareStatement("select attname, atttypid::regtype::text from pg_attribute"
                + " where attrelid = ?::regclass and attnum > 0 and not attisdropped")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns++;
                    switch (rs.getString(2)) {
                        case "timestamp with time zone" -> timestamps.add(rs.getString(1));
                        case "date" -> dates.add(rs.getString(1));
                        default -> { }
                    }
                }
            }
        }
        if (columns == 0) {
            throw new IllegalStateException("No columns found for table " + table);
        }
        return new RowRules.Times(timestamps, dates);
    }

    private ZipEntry next(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            // an entry name that is not UTF-8
            throw Problems.badRequest("The archive has an entry with an unreadable name");
        }
    }

    /** The manifest, strictly: known fields only, this format, a schema this instance can hold. */
    private Manifest manifest(byte[] json, Connection conn) throws SQLException {
        Manifest m;
        try {
            ObjectReader reader = mapper.readerFor(Manifest.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                            DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
            m = reader.readValue(json);
        } catch (IOException e) {
            // Jackson's own words name our classes and its settings
            throw Problems.badRequest("manifest.json is not a Groundwork archive manifest: " + whatIsWrong(e));
        }
        if (!ArchiveFormat.FORMAT.equals(m.format())) {
            throw Problems.badRequest("manifest.json: format must be \"" + ArchiveFormat.FORMAT + "\"");
        }
        if (m.formatVersion() < ArchiveFormat.OLDEST_READ || m.formatVersion() > ArchiveFormat.VERSION) {
            throw Problems.badRequest("manifest.json: format version " + m.formatVersion()
                    + " is not one this Groundwork reads (" + ArchiveFormat.OLDEST_READ + " to " + ArchiveFormat.VERSION + ")");
        }
        String here = TeamArchive.schemaVersion(conn);
        MigrationVersion theirs;
        try {
            theirs = MigrationVersion.fromVersion(m.schemaVersion());
        } catch (RuntimeException e) {
            throw Problems.badRequest("manifest.json: schemaVersion is not a schema version");
        }
        if (theirs.compareTo(MigrationVersion.fromVersion(here)) > 0) {
            throw Problems.badRequest("manifest.json: the archive was made by a newer Groundwork (schema "
                    + shortly(m.schemaVersion()) + ", this one has " + here + "); upgrade this instance first");
        }
        if (m.team() == null || m.team().id() == null) {
            throw Problems.badRequest("manifest.json: the team's id is missing");
        }
        List<Manifest.File> files = m.files();
        if (files == null || files.size() != ArchiveFormat.TABLES.size()) {
            throw Problems.badRequest("manifest.json: files must list the archive's "
                    + ArchiveFormat.TABLES.size() + " files");
        }
        for (int i = 0; i < files.size(); i++) {
            Manifest.File f = files.get(i);
            if (f == null || !ArchiveFormat.TABLES.get(i).file().equals(f.name()) || f.rows() < 0) {
                throw Problems.badRequest("manifest.json: file " + (i + 1) + " must be "
                        + ArchiveFormat.TABLES.get(i).file() + " with its number of rows");
            }
        }
        if (files.get(0).rows() != 1) {
            throw Problems.badRequest("manifest.json: team.jsonl holds exactly one row, the team");
        }
        return m;
    }

    /** One file's rows: read line by line, checked, written in batches. */
    private final class Rows {
        final Table table;
        final String teamId;
        final long expected;
        /** The table's columns in this archive's format (an older one lacks those added since; they take their defaults). */
        final List<String> columnList;
        final Set<String> columns;
        final String insert;
        /** Rows per insert: works go one at a time, each named after those before it (below). */
        final int batchLimit;
        /** level_at_time as stored, set again after the triggers computed it (see the class comment). */
        final String asStored;
        final StringBuilder batch = new StringBuilder();
        int batchRows;
        JsonNode first;
        final List<RestoredOrganizer> organizers = new ArrayList<>();
        /** The batch's organizers' emails by line, and every email so far as the unique index folds it, with its line. */
        final Map<Long, String> batchEmails = new LinkedHashMap<>();
        final Map<String, Long> emailLines = new java.util.HashMap<>();
        final RowRules.Times times;

        Rows(Table table, int formatVersion, UUID team, long expected, RowRules.Times times) {
            this.times = times;
            this.table = table;
            this.teamId = team.toString();
            this.expected = expected;
            this.columnList = table.columns(formatVersion);
            this.columns = new HashSet<>(columnList);
            String cols = quoted(columnList);
            String from = " from json_populate_recordset(null::" + table.name() + ", cast(? as json)) j";
            // an archive made before V28_11 may hold works that share a name: each later one is renamed
            // as the upgrade renamed them, by the same function, which must see the works before it
            boolean works = table.name().equals("work");
            String values = works
                    ? cols.replace("\"name\"", "gw_free_work_name(j.\"team_id\", j.\"id\", j.\"name\")")
                    : cols;
            this.insert = "insert into " + table.name() + " (" + cols + ") select " + values + from;
            this.batchLimit = works ? 1 : BATCH_ROWS;
            this.asStored = columnList.contains("level_at_time")
                    ? "update " + table.name() + " t set level_at_time = j.level_at_time" + from
                            + " where t.id = j.id and t.level_at_time is distinct from j.level_at_time"
                    : null;
        }

        long insertAll(InputStream in, Connection conn) throws IOException, SQLException {
            ObjectReader reader = mapper.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            long n = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean more = true;
            while (more) {
                int len = in.read(buffer);
                more = len >= 0;
                int start = 0;
                for (int i = 0; i < Math.max(len, 0); i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        n = row(line, ++n, reader, utf8, conn);
                        line.reset();
                        start = i + 1;
                    }
                }
                if (len > 0) {
                    line.write(buffer, start, len - start);
                    if (line.size() > MAX_LINE_BYTES) {
                        throw bad(n + 1, "the line is longer than a row can be");
                    }
                }
            }
            if (line.size() > 0) {
                n = row(line, ++n, reader, utf8, conn);
            }
            flush(conn);
            if (n != expected) {
                throw Problems.badRequest(table.file() + " holds " + n + " rows, the manifest says " + expected);
            }
            return n;
        }

        /** Checks one line and adds it to the batch; answers the rows so far. */
        private long row(ByteArrayOutputStream bytes, long n, ObjectReader reader, CharsetDecoder utf8,
                         Connection conn) throws SQLException {
            if (n > expected) {
                throw Problems.badRequest(table.file() + " holds more rows than the manifest says (" + expected + ")");
            }
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw bad(n, "is not UTF-8");
            }
            JsonNode node;
            try {
                node = reader.readTree(text);
            } catch (JsonProcessingException e) {
                throw bad(n, "is not a JSON object: " + shortly(e.getOriginalMessage()));
            }
            if (node == null || !node.isObject()) {
                throw bad(n, "is not a JSON object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!columns.contains(name)) {
                    throw bad(n, "unknown field \"" + shortly(name) + "\"");
                }
            }
            for (String column : columnList) {
                JsonNode value = node.get(column);
                if (value == null) {
                    throw bad(n, "the field \"" + column + "\" is missing");
                }
                check(value, column, n);
            }
            JsonNode teamValue = node.get(table.teamColumn());
            if (!teamValue.isTextual() || !sameId(teamValue.asText(), teamId)) {
                throw bad(n, "belongs to another team than the manifest's");
            }
            if (first == null) {
                first = node;
            }
            // the API's field rules (lengths, words, emails, tags, the time zone): the database
            // checks only some of them, and not a tag's length at all
            List<FieldError> broken = rules.broken(table.name(), node, times);
            if (!broken.isEmpty()) {
                StringBuilder said = new StringBuilder();
                for (FieldError e : broken) {
                    // quoted as the archive's other field refusals are ("\"full_name\" holds a NUL character"),
                    // so a page can say each part in its language (Refusals: archive_field_rule)
                    said.append(said.length() == 0 ? "" : "; ").append('"').append(e.field()).append("\" ")
                            .append(shortly(e.message()));
                }
                throw bad(n, said.toString());
            }
            if (table.name().equals("organizer")) {
                organizers.add(new RestoredOrganizer(id(node.get("id"), n), node.get("email").asText(),
                        node.get("display_name").asText(), Word.parse(Role.class, node.get("role").asText(), "role")));
                batchEmails.put(n, node.get("email").asText());
            }
            // a name stored before V28_16 (an older archive), cleaned as the upgrade cleaned the names it found
            JsonNode name = table.name().equals("contact") ? node.get("full_name") : null;
            String cleaned = name != null && name.isTextual() ? ContactFields.storedAgain(name.asText()) : null;
            if (cleaned != null && !cleaned.equals(name.asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("full_name", cleaned);
                text = node.toString();
            }
            batch.append(batchRows == 0 ? "[" : ",").append(text.strip());
            batchRows++;
            if (batchRows >= batchLimit || batch.length() >= BATCH_CHARS) {
                flush(conn);
            }
            return n;
        }

        private void check(JsonNode value, String column, long n) {
            if (value.isTextual()) {
                if (value.asText().indexOf('\0') >= 0) {
                    throw bad(n, "\"" + column + "\" holds a NUL character");
                }
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    if (!item.isTextual() && !item.isNull()) {
                        throw bad(n, "\"" + column + "\" holds something other than words");
                    }
                    check(item, column, n);
                }
            } else if (!value.isNull() && !value.isNumber() && !value.isBoolean()) {
                throw bad(n, "\"" + column + "\" holds an object");
            }
        }

        private UUID id(JsonNode value, long n) {
            try {
                return Ids.read(value.asText());
            } catch (IllegalArgumentException e) {
                throw bad(n, "\"id\" is not an id");
            }
        }

        private void flush(Connection conn) throws SQLException {
            if (batchRows == 0) {
                return;
            }
            String json = batch.append(']').toString();
            batch.setLength(0);
            batchRows = 0;
            emailsOnce(conn);
            try (PreparedStatement ps = conn.prepareStatement(insert)) {
                ps.setString(1, json);
                ps.executeUpdate();
            } catch (SQLException e) {
                String named = namedElsewhere(e, table, json);
                if (named != null) {
                    throw notInTheArchive(table.file() + ": ", named);
                }
                throw refused(e, table, twiceInTheArchive(e, table, json));
            }
            if (asStored != null) {
                try (PreparedStatement ps = conn.prepareStatement(asStored)) {
                    ps.setString(1, json);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw refused(e, table, false);
                }
            }
        }

        /**
         * An archive that names one organizer's email twice: the unique index would refuse the second as
         * an email "already on this instance", which sends the admin looking for an account that is not
         * there. Folded as the index folds it (lower(), {@link Folding}), so the two are the index's one.
         */
        private void emailsOnce(Connection conn) throws SQLException {
            if (batchEmails.isEmpty()) {
                return;
            }
            Map<String, String> folded = Folding.lower(conn, batchEmails.values(), false);
            for (Map.Entry<Long, String> email : batchEmails.entrySet()) {
                Long first = emailLines.putIfAbsent(folded.get(email.getValue()), email.getKey());
                if (first != null) {
                    throw bad(email.getKey(), "\"email\" is line " + first
                            + "'s email again: the archive names one organizer's email twice");
                }
            }
            batchEmails.clear();
        }

        private ProblemException bad(long line, String what) {
            return Problems.badRequest(table.file() + " line " + line + ": " + what);
        }
    }

    /** What is wrong with the manifest's JSON, in words of the manifest's own fields. */
    private static String whatIsWrong(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "it has a field a manifest does not have (\"" + shortly(u.getPropertyName()) + "\")";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
            com.fasterxml.jackson.databind.JsonMappingException.Reference field = m.getPath().get(m.getPath().size() - 1);
            if (field.getFieldName() != null) {
                return "\"" + shortly(field.getFieldName()) + "\" is missing or not what a manifest holds there";
            }
        }
        if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            return "not a JSON object of the manifest's fields (line " + j.getLocation().getLineNr()
                    + ", column " + j.getLocation().getColumnNr() + ")";
        }
        return "not a JSON object of the manifest's fields";
    }

    private static boolean sameId(String a, String b) {
        try {
            return Ids.read(a).toString().equals(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String quoted(List<String> columns) {
        StringBuilder s = new StringBuilder();
        for (String c : columns) {
            s.append(s.length() == 0 ? "" : ", ").append('"').append(c).append('"');
        }
        return s.toString();
    }

    private static ProblemException refused(SQLException e) {
        return refused(e, null, false);
    }

    /**
     * Whether a key the database refused as taken was not on this instance before the restore: the archive
     * gives it twice (two rows of one file that are one), a bad archive, not a conflict with what is here (the
     * walk: a contact's row given twice was said to "already exist on this instance", and the admin looked for
     * what was not there). A row's id is looked up outside the restore's transaction, which the refusal ended,
     * on every team: when none of the batch's ids was here, the one refused is one the archive gave before.
     * Any other key (a name in the team, a person checked in twice at one action, a tie of one kind) holds
     * rows of the archive's team only, which is new, or its team row would have been refused.
     */
    private boolean twiceInTheArchive(SQLException e, Table table, String batch) {
        if (!"23505".equals(e.getSQLState()) || !(e instanceof PSQLException p) || p.getServerErrorMessage() == null
                || table.name().equals("team") || p.getServerErrorMessage().getConstraint() == null) {
            return false;
        }
        // a key of other columns than a row's id (a name in the team, action_organizer's pair) holds the new team's rows
        if (!p.getServerErrorMessage().getConstraint().equals(table.name() + "_pkey") || !table.columns().contains("id")) {
            return true;
        }
        try {
            return outsideTheRestore("select not exists (select 1 from " + table.name()
                    + " t where t.id in (select j.id from json_populate_recordset(null::" + table.name()
                    + ", cast(? as json)) j))", batch);
        } catch (RuntimeException lookupFailed) {
            LOG.debugf(lookupFailed, "Could not tell whether %s's ids were on the instance before the restore", table.file());
            return false;
        }
    }

    /**
     * A yes-or-no statement about the batch ({@code ?}: its rows as JSON), run on every team outside the restore's
     * transaction, which the database's refusal ended; only table and column names of ours are written into it.
     */
    private boolean outsideTheRestore(String sql, String batch) {
        return QuarkusTransaction.requiringNew().call(() -> TeamScope.instanceWide(() -> {
            try (Connection other = dataSource.getConnection(); PreparedStatement ps = other.prepareStatement(sql)) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        }));
    }

    /**
     * The unique keys over rows of every team, each with the columns it holds and the tables they name: the one
     * open after-action follow-up of a person, a person's one attendance at an action. An archive's row naming
     * another team's person (or action) meets that team's row in such a key before its foreign key is checked.
     */
    private static final Map<String, Map<String, String>> KEYS_OF_EVERY_TEAM = Map.of(
            "follow_up_one_open_after_action", Map.of("contact_id", "contact"),
            "attendance_action_id_contact_id_key", Map.of("action_id", "action", "contact_id", "contact"));

    /**
     * Which of the batch's columns names a row already on the instance, when the database refused it by a key of
     * every team ({@link #KEYS_OF_EVERY_TEAM}): the archive's own rows are new (their ids would have been refused
     * as here), so a row found is another team's, and the archive names a row it does not hold, as the foreign key
     * would have said (the walk: it was said as "one row given twice"). Looked up outside the restore's
     * transaction, which the refusal ended, as {@link #twiceInTheArchive} looks. Null for any other refusal.
     */
    private String namedElsewhere(SQLException e, Table table, String batch) {
        String constraint = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint() : null;
        Map<String, String> columns = "23505".equals(e.getSQLState()) ? KEYS_OF_EVERY_TEAM.get(constraint) : null;
        if (columns == null) {
            return null;
        }
        try {
            for (Map.Entry<String, String> column : new java.util.TreeMap<>(columns).entrySet()) {
                if (outsideTheRestore("select exists (select 1 from json_populate_recordset(null::" + table.name()
                        + ", cast(? as json)) j join " + column.getValue() + " x on x.id = j." + column.getKey() + ")", batch)) {
                    return table.name() + "." + column.getKey();
                }
            }
            return null;
        } catch (RuntimeException lookupFailed) {
            LOG.debugf(lookupFailed, "Could not tell whether %s names rows of another team", table.file());
            return null;
        }
    }

    /**
     * A team keeps at least one active admin, as the API keeps it (the last admin cannot step down): an archive
     * whose admins were all made organizers or inactive made a team no one could manage (a walk). Read from the
     * rows written, in the restore's transaction, so nothing is restored.
     */
    private static void anAdmin(Connection conn, UUID team, Table table) throws SQLException {
        try (var st = conn.prepareStatement(
                "select exists (select 1 from organizer where team_id = ? and role = 'admin' and active)")) {
            st.setObject(1, team);
            try (var rs = st.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw Problems.badRequest(table.file() + ": " + NO_ADMIN);
                }
            }
        }
    }

    public static final String NO_ADMIN = "the team has no active admin, and a team keeps at least one; nothing was restored";

    /**
     * The database's refusal as a problem: an existing id (or an organizer's email taken here)
     * is a conflict; a row the archive gives twice ({@code twice}) and any other constraint or
     * value it refuses is a bad archive. The server's
     * DETAIL, which quotes values, is never passed on.
     */
    private static ProblemException refused(SQLException e, Table table, boolean twice) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String constraint = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint() : null;
        String where = table == null ? "" : table.file() + ": ";
        if (state.equals("23505")) {
            if ("organizer_email_key".equals(constraint)) {
                return Problems.conflict(where + "an organizer's email in the archive already has an account on this "
                        + "instance; nothing was restored");
            }
            if ("work_name_key".equals(constraint)) {
                // an archive of ours lists its works in id order, which gw_free_work_name relies on
                return Problems.badRequest(where + "two works share a name and are not in the order they were made");
            }
            if (twice) {
                return Problems.badRequest(where + "two of its rows are one row given twice (" + constraint
                        + "): an archive holds each once; nothing was restored");
            }
            return Problems.conflict(where + "the archive's team or some of its rows already exist on this instance ("
                    + constraint + "); nothing was restored");
        }
        if (state.equals("23503")) {
            // a row naming one the archive does not hold (another team's, or none): said as that, not in the server's
            // own English words ("insert or update on table … violates foreign key constraint …", a walk)
            return notInTheArchive(where, constraint);
        }
        // 54: a value too large for the database (a 9,000-character tag is larger than an index entry)
        if (state.startsWith("23") || state.startsWith("22") || state.startsWith("54")) {
            String message = e instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getMessage() : e.getMessage();
            return Problems.badRequest(where + "the database refuses a row: " + shortly(message));
        }
        throw new IllegalStateException("Restoring a team failed in the database", e);
    }

    /** A row naming one the archive does not hold ({@code which}: the constraint, or the table's column). */
    private static ProblemException notInTheArchive(String where, String which) {
        return Problems.badRequest(where + "a row names a row that is not in the archive (" + which + "); nothing was restored");
    }

    private static byte[] readAll(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int len;
        while ((len = in.read(buffer)) >= 0) {
            out.write(buffer, 0, len);
            if (out.size() > max) {
                throw Problems.badRequest("manifest.json is larger than a manifest can be");
            }
        }
        return out.toByteArray();
    }

    static String shortly(String s) {
        return Text.preview(s, 200);
    }
}
