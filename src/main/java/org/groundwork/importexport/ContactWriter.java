package org.groundwork.importexport;

import org.groundwork.contact.Level;
import org.groundwork.organization.UnitKind;
import org.groundwork.contact.Position;
import org.groundwork.platform.Ids;
import org.groundwork.platform.ProblemException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an import in batches on the import's own transaction: COPY for new contacts and
 * level changes (the fastest way into PostgreSQL), a temporary table and one UPDATE … FROM for
 * updates, a multi-row INSERT for new organizations. A batch is written once it holds
 * {@link #BATCH} rows, so memory stays flat however long the file.
 */
final class ContactWriter implements AutoCloseable {

    static final int BATCH = 2000;
    static final String IMPORTED = org.groundwork.contact.LevelReasons.IMPORTED;

    private final Connection conn;
    private final UUID team;
    private final UUID organizer;

    private List<Object[]> organizations = new ArrayList<>();
    private List<Object[]> units = new ArrayList<>();
    private List<ImportRow> creates = new ArrayList<>();
    private List<ImportRow> updates = new ArrayList<>();
    private List<Object[]> levels = new ArrayList<>();
    /** One thread writes batches while the import's thread reads the next (one batch in flight). */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-writer");
        t.setDaemon(true);
        return t;
    });
    private Future<Void> inFlight;
    private final Set<UUID> updateIds = new HashSet<>();
    private boolean updateTable;
    /** Time spent in the database, for the import's log line (written by the writer thread, read after it finished). */
    private long insertNanos;
    private long updateNanos;
    private long levelNanos;
    /** The file lines the pending batch came from, to name them if the database refuses it. */
    private long firstLine = -1;
    private long lastLine;

    /**
     * {@code conn} is the physical PostgreSQL connection of the import's transaction: the writer
     * thread uses it while the import's thread does not (the pool's wrapper checks the
     * transaction of the calling thread, which the writer thread has none of).
     */
    ContactWriter(Connection conn, UUID team, UUID organizer) {
        this.conn = conn;
        this.team = team;
        this.organizer = organizer;
    }

    void organization(UUID id, String name, org.groundwork.organization.OrganizationKind kind) {
        organizations.add(new Object[]{id, name, kind.word()});
    }

    /** A new unit, written after the batch's organizations and before its contacts (a parent before its units). */
    void unit(UUID id, UUID organizationId, UUID parentId, String name, UnitKind kind) {
        units.add(new Object[]{id, organizationId, name, kind.word(), parentId});
    }

    /** A new contact; its level history's first row (the level it is made with) is written with it. */
    void create(ImportRow row) throws SQLException {
        row.levelChangeId = Ids.next();
        creates.add(row);
        pending(row.line);
    }

    /** An update of an existing contact (or one an earlier line created); level moves are appended to its history. */
    void update(ImportRow row, Level from) throws SQLException {
        // one UPDATE … FROM applies one row per contact: a second update of it waits for the next batch
        if (!updateIds.add(row.id)) {
            flush();
            updateIds.add(row.id);
        }
        updates.add(row);
        if (row.level != null && row.level != from) {
            levels.add(new Object[]{Ids.next(), row.id, from, row.level, row.at,
                    org.groundwork.contact.LevelReasons.CHANGED_BY_IMPORT});
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

    /**
     * Hands the pending rows to the writer thread and returns at once, so the next batch is
     * parsed and matched while the database writes this one. At most one batch is in flight:
     * this waits for the previous one first (and throws its refusal). The rows are turned into
     * COPY data here, on the import's thread, while the writer thread still waits for the
     * database: the writer's thread is the import's bottleneck, so it only sends.
     */
    void flush() throws SQLException {
        if (organizations.isEmpty() && units.isEmpty() && creates.isEmpty() && updates.isEmpty() && levels.isEmpty()) {
            return;
        }
        Batch batch = new Batch(organizations, units, contactRows(creates), updateRows(updates), levelRows(levels),
                firstLine, lastLine);
        organizations = new ArrayList<>();
        units = new ArrayList<>();
        creates = new ArrayList<>();
        updates = new ArrayList<>();
        levels = new ArrayList<>();
        updateIds.clear();
        firstLine = -1;
        await();
        inFlight = writer.submit(() -> {
            write(batch);
            return null;
        });
    }

    /**
     * Waits for the batch in flight (throwing its refusal) so that the import's thread may use the
     * connection itself: the batch's refusal, not a query on an aborted transaction, is what it says.
     */
    void settle() throws SQLException {
        await();
    }

    /**
     * Waits until the database has what this import wrote of the contact, its pending create or update
     * included (written now, so the batch is smaller), so that the import's thread may read it.
     */
    void settle(UUID contact, long line) throws SQLException {
        if (updateIds.contains(contact) || creates.stream().anyMatch(c -> c.id.equals(contact))) {
            if (!organizations.isEmpty() || !units.isEmpty()) {
                // the line being read may have named a new organization or unit already: its refusal names it
                pending(line);
            }
            flush();
        }
        await();
    }

    /** Writes what is pending and waits until the database has all of it. */
    void finish() throws SQLException {
        flush();
        await();
    }

    /**
     * Waits for the batch in flight, whatever happened: the transaction must not be rolled back
     * (or committed) while the writer thread still uses its connection.
     */
    @Override
    public void close() {
        try {
            if (inFlight != null) {
                waitUninterruptibly(inFlight);
            }
        } finally {
            inFlight = null;
            writer.shutdown();
        }
    }

    /** Even when interrupted: the connection must be free before the transaction ends. */
    private static void waitUninterruptibly(Future<Void> batch) {
        boolean interrupted = false;
        while (true) {
            try {
                batch.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                // the import is failing already; its own error is the one reported
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void await() throws SQLException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
            inFlight = null;
        } catch (InterruptedException e) {
            // inFlight stays set: close() still waits for the batch before the transaction ends
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while the database wrote the import", e);
        } catch (ExecutionException e) {
            inFlight = null;
            if (e.getCause() instanceof ProblemException p) {
                throw p;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SQLException("The import's write failed", e.getCause());
        }
    }

    private void write(Batch b) {
        try {
            long t0 = System.nanoTime();
            insertOrganizations(b.organizations);
            insertUnits(b.units);
            insertContacts(b.creates);
            long t1 = System.nanoTime();
            // updates after inserts: an update may concern a contact created earlier in this batch
            updateContacts(b.updates);
            long t2 = System.nanoTime();
            insertLevels(b.levels);
            long t3 = System.nanoTime();
            insertNanos += t1 - t0;
            updateNanos += t2 - t1;
            levelNanos += t3 - t2;
        } catch (SQLException e) {
            throw refused(e, b);
        }
    }

    /** One batch's rows and the file lines they came from (to name them if the database refuses them). */
    private record Batch(List<Object[]> organizations, List<Object[]> units, byte[] creates, byte[] updates,
                         byte[] levels, long firstLine, long lastLine) {
    }

    String timings() {
        return "inserts (with their first level) " + insertNanos / 1_000_000 + " ms, updates " + updateNanos / 1_000_000
                + " ms, level changes " + levelNanos / 1_000_000 + " ms";
    }

    private static ProblemException refused(SQLException e, Batch b) {
        String what = e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getConstraint() != null
                ? " (rule " + p.getServerErrorMessage().getConstraint() + ")" : "";
        return new ProblemException(409, "Conflict", "The database refused a row between lines " + b.firstLine()
                + " and " + b.lastLine() + what + "; the import stopped and nothing was imported");
    }

    private void insertOrganizations(List<Object[]> organizations) throws SQLException {
        if (organizations.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "insert into organization (id, team_id, name, kind) values " + values(4, organizations.size()))) {
            int p = 1;
            for (Object[] o : organizations) {
                ps.setObject(p++, o[0]);
                ps.setObject(p++, team);
                ps.setString(p++, (String) o[1]);
                ps.setString(p++, (String) o[2]);
            }
            ps.executeUpdate();
        }
    }

    private void insertUnits(List<Object[]> units) throws SQLException {
        if (units.isEmpty()) {
            return;
        }
        // after the organization's last position, in the file's order
        try (PreparedStatement ps = conn.prepareStatement("""
                insert into unit (id, team_id, organization_id, name, kind, parent_id, position)
                select v.id, ?, v.organization_id, v.name, v.kind, cast(v.parent_id as uuid),
                       -- the schema's highest position is 100000: later units share it rather than refuse the file
                       least(100000, coalesce((select max(u.position) + 1 from unit u
                                               where u.team_id = ? and u.organization_id = v.organization_id), 0)
                         + row_number() over (partition by v.organization_id order by v.n) - 1)
                from (values """ + values(6, units.size()) + """
                ) v (id, organization_id, name, kind, parent_id, n)""")) {
            int p = 1;
            ps.setObject(p++, team);
            ps.setObject(p++, team);
            int n = 0;
            for (Object[] u : units) {
                ps.setObject(p++, u[0]);
                ps.setObject(p++, u[1]);
                ps.setString(p++, (String) u[2]);
                ps.setString(p++, (String) u[3]);
                ps.setObject(p++, u[4]);
                ps.setInt(p++, n++);
            }
            ps.executeUpdate();
        }
    }

    private static final String CONTACT_COLUMNS = """
            id, team_id, full_name, phone, email, organization_id, unit_id, position, engagement_level,
            owner_id, tags, do_not_contact, notes, created_at, updated_at""";

    /** New contacts as COPY rows for {@code import_contact}, each with the id of its first level change; null when none. */
    private byte[] contactRows(List<ImportRow> creates) {
        if (creates.isEmpty()) {
            return null;
        }
        CopyRows rows = new CopyRows();
        for (ImportRow r : creates) {
            rows.add(r.id).add(team).add(r.displayName()).add(r.phone).add(r.email).add(r.organizationId).add(r.unitId)
                    .add((r.position == null ? Position.BASE : r.position).word()).add(r.level.word())
                    .add(r.ownerId == null ? organizer : r.ownerId).add(r.tags)
                    .add(Boolean.TRUE.equals(r.doNotContact)).add(r.notes).add(r.at).add(r.at).add(r.levelChangeId).end();
        }
        return rows.bytes();
    }

    /**
     * New contacts and the first row of each one's level history ("imported", the level it is
     * made with, by the importer, at its creation), both from one staging table: one COPY per
     * batch instead of two.
     */
    private void insertContacts(byte[] rows) throws SQLException {
        if (rows == null) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            if (staged.add("contact")) {
                st.execute("create temporary table import_contact (like contact including defaults) on commit drop");
                st.execute("alter table import_contact add column level_change_id uuid not null");
            }
            copy("copy import_contact (" + CONTACT_COLUMNS + ", level_change_id) from stdin (format csv)", rows);
            // PostgreSQL refuses COPY FROM into a table with row-level security: INSERT … SELECT, which the policy checks
            st.execute("insert into contact (" + CONTACT_COLUMNS + ") select " + CONTACT_COLUMNS + " from import_contact");
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into level_change (id, team_id, contact_id, from_level, to_level, changed_at, changed_by, reason)
                    select level_change_id, team_id, id, null, engagement_level, created_at, ?, ? from import_contact""")) {
                ps.setObject(1, organizer);
                ps.setString(2, IMPORTED);
                ps.executeUpdate();
            }
            st.execute("truncate import_contact");
        }
    }

    /**
     * Updates go through a temporary table and one UPDATE … FROM per batch. Cells left empty
     * leave the stored value alone; tags are added to the contact's, never replace them.
     */
    private byte[] updateRows(List<ImportRow> updates) {
        if (updates.isEmpty()) {
            return null;
        }
        CopyRows rows = new CopyRows();
        for (ImportRow r : updates) {
            rows.add(r.id).add(r.name).add(r.phone).add(r.email).add(r.organizationId).add(r.unitId)
                    .add(r.position == null ? null : r.position.word())
                    .add(r.level == null ? null : r.level.word()).add(r.ownerId).add(r.tags)
                    .add(r.doNotContact).add(r.notes).add(r.at).end();
        }
        return rows.bytes();
    }

    /** Each column an update import writes, and what it becomes: the file's value where it gives one. */
    private static final java.util.Map<String, String> UPDATED_COLUMNS = new java.util.LinkedHashMap<>();

    static {
        UPDATED_COLUMNS.put("full_name", "coalesce(u.full_name, c.full_name)");
        UPDATED_COLUMNS.put("phone", "coalesce(u.phone, c.phone)");
        UPDATED_COLUMNS.put("email", "coalesce(u.email, c.email)");
        UPDATED_COLUMNS.put("organization_id", "coalesce(u.organization_id, c.organization_id)");
        // a unit belongs to one organization: a new organization without a unit leaves "no unit"
        UPDATED_COLUMNS.put("unit_id", "case when u.unit_id is not null then u.unit_id when u.organization_id is not null"
                + " and u.organization_id is distinct from c.organization_id then null else c.unit_id end");
        UPDATED_COLUMNS.put("position", "coalesce(u.position, c.position)");
        UPDATED_COLUMNS.put("engagement_level", "coalesce(u.engagement_level, c.engagement_level)");
        UPDATED_COLUMNS.put("owner_id", "coalesce(u.owner_id, c.owner_id)");
        UPDATED_COLUMNS.put("tags", "c.tags || array(select t from unnest(u.tags) t where t <> all(c.tags))");
        UPDATED_COLUMNS.put("do_not_contact", "coalesce(u.do_not_contact, c.do_not_contact)");
        UPDATED_COLUMNS.put("notes", "coalesce(u.notes, c.notes)");
    }

    private void updateContacts(byte[] rows) throws SQLException {
        if (rows == null) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            if (!updateTable) {
                // dropped when the import's transaction ends, committed or not
                st.execute("""
                        create temporary table import_update (
                            id uuid not null, full_name text, phone text, email text, organization_id uuid,
                            unit_id uuid, position text, engagement_level text, owner_id uuid, tags text[] not null,
                            do_not_contact boolean, notes text, at timestamptz not null
                        ) on commit drop""");
                updateTable = true;
            }
            copy("copy import_update from stdin (format csv)", rows);
            // the contacts whose level the file changes, FOR UPDATE first (in id order, as every writer
            // that locks several contacts), as ContactService does for a level change: a conversation or
            // attendance written meanwhile waits, and reads the level this import leaves (V28_9)
            try (PreparedStatement ps = conn.prepareStatement("""
                    select c.id from contact c join import_update u on u.id = c.id
                    where c.team_id = ? and c.erased_at is null and u.engagement_level is not null
                      and u.engagement_level is distinct from c.engagement_level
                    order by c.id for update of c""")) {
                ps.setObject(1, team);
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    update contact c set %s,
                        updated_at = u.at, version = c.version + 1
                    from import_update u
                    where c.id = u.id and c.team_id = ? and c.erased_at is null
                      -- a row the file leaves as it is stays unwritten: no new version, ETag or time (a walk: an
                      -- export imported back made every contact's open form stale)
                      and (%s) is distinct from (%s)""".formatted(
                    String.join(",\n", UPDATED_COLUMNS.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList()),
                    String.join(", ", UPDATED_COLUMNS.values()),
                    String.join(", ", UPDATED_COLUMNS.keySet().stream().map(column -> "c." + column).toList())))) {
                ps.setObject(1, team);
                ps.executeUpdate();
            }
            st.execute("truncate import_update");
        }
    }

    private byte[] levelRows(List<Object[]> levels) {
        if (levels.isEmpty()) {
            return null;
        }
        CopyRows rows = new CopyRows();
        for (Object[] l : levels) {
            rows.add((UUID) l[0]).add(team).add((UUID) l[1]).add(l[2] == null ? null : ((Level) l[2]).word())
                    .add(((Level) l[3]).word()).add((Instant) l[4]).add(organizer).add((String) l[5]).end();
        }
        return rows.bytes();
    }

    /** Level moves of updated contacts (a new contact's first level goes in with it). */
    private void insertLevels(byte[] rows) throws SQLException {
        if (rows == null) {
            return;
        }
        copyInto("level_change", "id, team_id, contact_id, from_level, to_level, changed_at, changed_by, reason", rows);
    }

    /** Staging tables made so far in this transaction. */
    private final Set<String> staged = new HashSet<>();

    /**
     * PostgreSQL refuses COPY FROM into a table with row-level security (every team-owned
     * table), so the rows are copied into a temporary table of the same shape, which has none,
     * and moved with one INSERT … SELECT, which the policy checks.
     */
    private void copyInto(String table, String columns, byte[] rows) throws SQLException {
        String staging = "import_" + table;
        try (Statement st = conn.createStatement()) {
            if (staged.add(table)) {
                st.execute("create temporary table " + staging + " (like " + table + " including defaults) on commit drop");
            }
            copy("copy " + staging + " (" + columns + ") from stdin (format csv)", rows);
            st.execute("insert into " + table + " (" + columns + ") select " + columns + " from " + staging);
            st.execute("truncate " + staging);
        }
    }

    private void copy(String sql, byte[] rows) throws SQLException {
        CopyIn in = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(rows, 0, rows.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
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
}
