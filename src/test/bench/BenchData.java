import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The benchmark's data set for one team, written with COPY (the same shape as
 * src/test/java/org/groundwork/report/BenchmarkData, which takes 6+ minutes with INSERT ... SELECT):
 * 20 organizers, 10 works, 20 organizations of 5,000 people with 20 units each, 100,000 contacts
 * (1% erased), one creation level change per contact and 100,000 moves, 1,000,000 conversations
 * over two years, 3,000 actions with ~45,000 attendances, 20,000 follow-ups and ~3 ties per person.
 *
 * Only the base columns of the schema at main 6768bf3 are written; everything the migrations
 * derive (level at the time, conversation_day, and whatever later migrations add) is left to
 * their triggers, functions and backfills, so one data set serves builds from before and after a
 * schema change. Row by row work is done set-wise where the result is the same (see
 * {@link Derived} and {@link #step}): docs/performance.md, "The benchmark harness". Deterministic for a seed (java.util.SplittableRandom; ids are md5 of the seed and a
 * row number, as in BenchmarkData, so the organizers' ids are the same as there).
 *
 * Usage: java -cp postgresql.jar BenchData.java JDBC_URL USER PASSWORD TEAM_ID SEED [DIVISOR]
 */
public class BenchData {

    static final Instant ANCHOR = Instant.parse("2026-11-01T00:00:00Z");
    static final String[] LEVELS = {"new", "less-involved", "cadre"};
    static final String[] CHANNELS = {"in-person", "house-visit", "phone", "video", "text", "at-action"};
    static final String[] ACTION_KINDS = {"picket", "march", "meeting", "rally", "training"};
    static final String[] UNIT_KINDS = {"department", "floor", "shift", "area"};
    static final int ORGANIZERS = 20, WORKS = 10, ORGANIZATIONS = 20, UNITS = 20;
    /** Divided by the optional sixth argument, for a small copy of the same shape (checking the generator itself). */
    static int CONTACTS = 100_000, CONVERSATIONS = 1_000_000, MOVES = 100_000, ACTIONS = 3_000, FOLLOW_UPS = 20_000;
    static final long DAY = 86_400L;

    final long seed;
    final String team;
    final SplittableRandom random;

    BenchData(long seed, String team) {
        this.seed = seed;
        this.team = team;
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2], team = args[3];
        long seed = Long.parseLong(args[4]);
        if (args.length > 5) {
            int divisor = Integer.parseInt(args[5]);
            CONTACTS /= divisor;
            CONVERSATIONS /= divisor;
            MOVES /= divisor;
            ACTIONS /= divisor;
            FOLLOW_UPS /= divisor;
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            new BenchData(seed, team).generate(c);
        }
    }

    void generate(Connection c) throws Exception {
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();

        // contacts: 70% base; 60% new, 30% less-involved, 10% cadre at creation; 1% erased
        long[] created = new long[CONTACTS + 1];
        int[] level0 = new int[CONTACTS + 1];
        boolean[] erased = new boolean[CONTACTS + 1];
        double[] position = new double[CONTACTS + 1];
        for (int n = 1; n <= CONTACTS; n++) {
            created[n] = ANCHOR.getEpochSecond() - (long) (random.nextDouble() * 1095 * DAY);
            double l = random.nextDouble();
            level0[n] = l < 0.6 ? 0 : l < 0.9 ? 1 : 2;
            erased[n] = random.nextDouble() < 0.01;
            position[n] = random.nextDouble();
        }
        // level moves: random contacts, one or two steps round new -> less-involved -> cadre,
        // at a random time between the contact's creation and the anchor
        int[] moveContact = new int[MOVES];
        int[] moveStep = new int[MOVES];
        long[] moveAt = new long[MOVES];
        for (int k = 0; k < MOVES; k++) {
            moveContact[k] = 1 + random.nextInt(CONTACTS);
            moveStep[k] = 1 + random.nextInt(2);
            int n = moveContact[k];
            moveAt[k] = created[n] + (long) (random.nextDouble() * (ANCHOR.getEpochSecond() - created[n]));
        }
        Integer[] order = new Integer[MOVES];
        for (int k = 0; k < MOVES; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> moveContact[a] != moveContact[b] ? Integer.compare(moveContact[a], moveContact[b])
                : moveAt[a] != moveAt[b] ? Long.compare(moveAt[a], moveAt[b]) : Integer.compare(a, b));
        int[] levelNow = level0.clone();
        int[] moveFrom = new int[MOVES];
        int[] moveTo = new int[MOVES];
        for (int k : order) {
            int n = moveContact[k];
            moveFrom[k] = levelNow[n];
            levelNow[n] = (levelNow[n] + moveStep[k]) % 3;
            moveTo[k] = levelNow[n];
        }
        // conversations: older (lower-numbered) contacts get more; 70% by the owner; 80% for a work
        int[] convContact = new int[CONVERSATIONS];
        long[] convAt = new long[CONVERSATIONS];
        long[] lastConversation = new long[CONTACTS + 1];
        for (int k = 0; k < CONVERSATIONS; k++) {
            int n = 1 + (int) Math.floor(CONTACTS * Math.pow(random.nextDouble(), 1.5));
            convContact[k] = Math.min(n, CONTACTS);
            convAt[k] = ANCHOR.getEpochSecond() - (long) (random.nextDouble() * 730 * DAY);
            lastConversation[convContact[k]] = Math.max(lastConversation[convContact[k]], convAt[k]);
        }
        // written in the order they happened, as they are logged: the time-ordered indexes grow at
        // their end instead of taking a million random inserts. Ordered by (time, k) as one long each
        // (seconds < 2^43, k < 2^20): a primitive sort, instead of a million boxed Integers through a comparator
        if (CONVERSATIONS > 1 << 20) {
            throw new IllegalStateException("more conversations than the sort key's 20 bits hold");
        }
        long[] keys = new long[CONVERSATIONS];
        for (int k = 0; k < CONVERSATIONS; k++) {
            keys[k] = convAt[k] << 20 | k;
        }
        Arrays.sort(keys);
        int[] byTime = new int[CONVERSATIONS];
        for (int i = 0; i < CONVERSATIONS; i++) {
            byTime[i] = (int) (keys[i] & ((1 << 20) - 1));
        }
        System.out.printf("  %6d ms  rows drawn in memory%n", (System.nanoTime() - t0) / 1_000_000);

        step(c, copy, "organizer", "id, team_id, email, display_name, role, password_hash", w -> {
            for (int n = 1; n <= ORGANIZERS; n++) {
                row(w, organizer(n), team, "bench-" + n + "-" + team + "@groundwork.test", "Bench Organizer " + n,
                        "organizer", "no password: generated");
            }
        });
        step(c, copy, "work", "id, team_id, name, focus, mode, justification", w -> {
            String[] focus = {"bring-in-new", "deepen-involvement", "work-with-cadre"};
            for (int n = 1; n <= WORKS; n++) {
                row(w, md5("w" + seed + ":" + n), team, "Bench work " + n, focus[n % 3],
                        n % 4 == 0 ? "support" : "building", "Generated for the benchmark");
            }
        });
        step(c, copy, "organization", "id, team_id, name, kind", w -> {
            for (int g = 1; g <= ORGANIZATIONS; g++) {
                row(w, organization(g), team, "Bench organization " + g, "workplace");
            }
        });
        step(c, copy, "unit", "id, team_id, organization_id, name, kind, position", w -> {
            for (int g = 1; g <= ORGANIZATIONS; g++) {
                for (int u = 1; u <= UNITS; u++) {
                    row(w, unit(g, u), team, organization(g), "Unit " + u, UNIT_KINDS[u % 4], Integer.toString(u));
                }
            }
        });
        step(c, copy, "contact", "id, team_id, full_name, phone, position, engagement_level, owner_id, do_not_contact, "
                + "erased_at, created_at, updated_at, organization_id, unit_id, last_conversation_at", w -> {
            for (int n = 1; n <= CONTACTS; n++) {
                double p = position[n];
                String pos = p < 0.70 ? "base" : p < 0.78 ? "officer" : p < 0.85 ? "staff" : p < 0.95 ? "ally"
                        : "political-group";
                int g = 1 + n % ORGANIZATIONS;
                row(w, contact(n), team, erased[n] ? null : "Bench Contact " + n,
                        erased[n] ? null : "+1 555 " + String.format("%07d", n), pos, LEVELS[levelNow[n]],
                        organizer(1 + n % ORGANIZERS), erased[n] ? "t" : "f", erased[n] ? ts(ANCHOR.getEpochSecond()) : null,
                        ts(created[n]), ts(created[n]), organization(g),
                        // one in ten in no unit, in every organization (n % 10 would follow the organization)
                        (n / 400) % 10 != 0 ? unit(g, 1 + (n / 20) % UNITS) : null,
                        lastConversation[n] == 0 ? null : ts(lastConversation[n]));
            }
        });
        step(c, copy, "level_change", "id, team_id, contact_id, from_level, to_level, changed_at, changed_by", w -> {
            for (int n = 1; n <= CONTACTS; n++) {
                row(w, md5("l0" + seed + ":" + n), team, contact(n), null, LEVELS[level0[n]], ts(created[n]),
                        organizer(1 + n % ORGANIZERS));
            }
            for (int k = 0; k < MOVES; k++) {
                int n = moveContact[k];
                row(w, md5("l" + seed + ":" + k), team, contact(n), LEVELS[moveFrom[k]], LEVELS[moveTo[k]],
                        ts(moveAt[k]), organizer(1 + n % ORGANIZERS));
            }
        });
        // the level at the time, set-wise (see Derived); the summaries' statement triggers see it
        step(c, copy, "conversation", "id, team_id, contact_id, organizer_id, work_id, occurred_at, duration_minutes, "
                + "channel, created_at, updated_at", new Derived("conversation_level_at_time",
                "level_at_time", levelAt(c, "s.contact_id", "s.occurred_at")), w -> {
            String anchor = ts(ANCHOR.getEpochSecond());
            for (int k : byTime) {
                int n = convContact[k];
                double r3 = random.nextDouble();
                int organizer = random.nextDouble() < 0.7 ? 1 + n % ORGANIZERS : 1 + random.nextInt(ORGANIZERS);
                row(w, md5("v" + seed + ":" + k), team, contact(n), organizer(organizer),
                        r3 < 0.8 ? id("w" + seed + ":" + (1 + (int) (r3 / 0.08))) : null, ts(convAt[k]),
                        Integer.toString(5 + random.nextInt(86)), CHANNELS[random.nextInt(6)], anchor, anchor);
            }
        });
        // actions, one or two organizers present, 0-30 attendees, 15% of them first-timers
        long[] actionAt = new long[ACTIONS + 1];
        step(c, copy, "action", "id, team_id, work_id, title, kind, starts_at, duration_minutes, created_by", w -> {
            for (int k = 1; k <= ACTIONS; k++) {
                double r1 = random.nextDouble();
                actionAt[k] = ANCHOR.getEpochSecond() - (long) (random.nextDouble() * 730 * DAY);
                row(w, action(k), team, r1 < 0.7 ? id("w" + seed + ":" + (1 + (int) (r1 / 0.07))) : null,
                        "Bench action " + k, ACTION_KINDS[k % 5], ts(actionAt[k]),
                        Integer.toString(60 + random.nextInt(120)), organizer(1 + k % ORGANIZERS));
            }
        });
        step(c, copy, "action_organizer", "action_id, organizer_id, team_id", w -> {
            for (int k = 1; k <= ACTIONS; k++) {
                row(w, action(k), organizer(1 + k % ORGANIZERS), team);
                if (k % 3 == 0) {
                    row(w, action(k), organizer(1 + (k + 7) % ORGANIZERS), team);
                }
            }
        });
        // the level at the action's start, (from V18_4) the attendee's position and (from V28_3) place, set-wise
        boolean attendancePosition = hasColumn(c, "attendance", "position");
        boolean attendancePlace = hasColumn(c, "attendance", "unit_id");
        step(c, copy, "attendance", "id, team_id, action_id, contact_id, first_time, recorded_by", new Derived(
                "attendance_level_at_time", "level_at_time" + (attendancePosition ? ", position" : "")
                        + (attendancePlace ? ", organization_id, unit_id" : ""),
                levelAt(c, "s.contact_id", "(select a.starts_at from action a where a.id = s.action_id)")
                        + (attendancePosition ? ", (select k.position from contact k where k.id = s.contact_id)" : "")
                        + (attendancePlace ? ", (select k.organization_id from contact k where k.id = s.contact_id)"
                                + ", (select k.unit_id from contact k where k.id = s.contact_id)" : "")),
                w -> {
            for (int k = 1; k <= ACTIONS; k++) {
                int attendees = (int) ((k * 7919L) % 31);
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                for (int j = 1; j <= attendees; j++) {
                    int n = 1 + random.nextInt(CONTACTS);
                    boolean first = random.nextDouble() < 0.15;
                    if (seen.add(n)) {
                        row(w, md5("t" + seed + ":" + k + ":" + j), team, action(k), contact(n), first ? "t" : "f",
                                organizer(1 + k % ORGANIZERS));
                    }
                }
            }
        });
        // follow-ups: 30% still open, due over the last 200 days; none for erased people
        step(c, copy, "follow_up", "id, team_id, contact_id, assignee_id, due_on, reason, status, closed_at, "
                + "created_by, created_at, updated_at", w -> {
            for (int k = 1; k <= FOLLOW_UPS; k++) {
                int n = 1 + random.nextInt(CONTACTS);
                double r1 = random.nextDouble(), r2 = random.nextDouble();
                if (erased[n]) {
                    continue;
                }
                long due = ANCHOR.getEpochSecond() - (long) (r1 * 200 * DAY);
                boolean open = r2 < 0.3;
                row(w, md5("f" + seed + ":" + k), team, contact(n), organizer(1 + n % ORGANIZERS),
                        LocalDate.ofInstant(Instant.ofEpochSecond(due), ZoneOffset.UTC).toString(), "next-step",
                        open ? "open" : "done", open ? null : ts(ANCHOR.getEpochSecond() - (long) (r1 * 190 * DAY)),
                        organizer(1 + n % ORGANIZERS), ts(ANCHOR.getEpochSecond() - (long) (r1 * 210 * DAY)),
                        ts(ANCHOR.getEpochSecond()));
            }
        });
        // ties, about three per person, within an organization: everyone listens to someone of
        // their organization (skewed, so a few have hundreds of listeners), and two close ties
        step(c, copy, "tie", "id, team_id, contact_id, other_contact_id, kind", w -> {
            for (int n = 1; n <= CONTACTS; n++) {
                int m = (n % 20) + 20 * (1 + (int) Math.floor(4999 * Math.pow(random.nextDouble(), 3)));
                if (m != n && m >= 1 && m <= CONTACTS && !erased[n] && !erased[m]) {
                    row(w, md5("ti" + seed + ":" + n), team, contact(n), contact(m), "listens-to");
                }
            }
            for (int n = 1; n <= CONTACTS; n++) {
                for (int d : new int[]{20, 40}) {
                    int m = n + d;
                    if (m <= CONTACTS && !erased[n] && !erased[m]) {
                        String a = contact(n), b = contact(m);
                        boolean aFirst = UUID.fromString(a).toString().compareTo(UUID.fromString(b).toString()) < 0;
                        row(w, md5("tc" + seed + ":" + n + ":" + d), team, aFirst ? a : b, aFirst ? b : a, "close");
                    }
                }
            }
        });
        checkReferences(c);
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            long t = System.nanoTime();
            st.execute("vacuum (analyze) organizer, work, organization, unit, tie, contact, level_change, conversation, "
                    + "conversation_day, action, action_organizer, attendance, follow_up");
            System.out.printf("  %6d ms  vacuum analyze%n", (System.nanoTime() - t) / 1_000_000);
        }
        System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static final String TABLES = "'organizer', 'work', 'organization', 'unit', 'contact', 'level_change', "
            + "'conversation', 'action', 'action_organizer', 'attendance', 'follow_up', 'tie'";

    /** Every foreign key of the loaded tables, checked once over the whole table (an anti-join each). */
    static void checkReferences(Connection c) throws Exception {
        long t = System.nanoTime();
        List<String> checks = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("""
                select conrelid::regclass::text, confrelid::regclass::text,
                       (select string_agg('c.' || quote_ident(a.attname), ', ' order by k.i) from unnest(conkey) with ordinality k(n, i)
                        join pg_attribute a on a.attrelid = conrelid and a.attnum = k.n),
                       (select string_agg('p.' || quote_ident(a.attname), ', ' order by k.i) from unnest(confkey) with ordinality k(n, i)
                        join pg_attribute a on a.attrelid = confrelid and a.attnum = k.n),
                       (select string_agg('c.' || quote_ident(a.attname) || ' is not null', ' and ') from unnest(conkey) k(n)
                        join pg_attribute a on a.attrelid = conrelid and a.attnum = k.n),
                       conname
                from pg_constraint where contype = 'f' and conrelid::regclass::text in (""" + TABLES + ")")) {
            while (r.next()) {
                checks.add("select '" + r.getString(6) + "' from " + r.getString(1) + " c where " + r.getString(5)
                        + " and not exists (select 1 from " + r.getString(2) + " p where (" + r.getString(4) + ") = ("
                        + r.getString(3) + ")) limit 1");
            }
        }
        try (Statement st = c.createStatement()) {
            for (String check : checks) {
                try (ResultSet r = st.executeQuery(check)) {
                    if (r.next()) {
                        throw new IllegalStateException("generated rows break foreign key " + r.getString(1));
                    }
                }
            }
        }
        c.commit();
        System.out.printf("  %6d ms  %d foreign keys checked%n", (System.nanoTime() - t) / 1_000_000, checks.size());
    }

    interface Rows {
        void write(Writer w) throws IOException;
    }

    /**
     * One table through COPY ... FROM STDIN (CSV), committed on its own. The table's own triggers
     * (those the migrations made: levels at the time, summaries) run as for any insert; only the
     * foreign keys' row-by-row checks are left out for the COPY (session_replication_role=replica,
     * with the table's triggers set to fire ALWAYS inside this transaction and back after), because
     * they cost as much as the rest together; {@link #checkReferences} checks them afterwards, set-wise.
     */
    static void step(Connection c, CopyManager copy, String table, String columns, Rows rows) throws Exception {
        step(c, copy, table, columns, null, rows);
    }

    /**
     * Columns a table's BEFORE INSERT row trigger derives from other tables (the level at the time
     * through gw_level_at, the attendee's position), for its rows written set-wise instead: the
     * rows are copied into a temporary table, then inserted with the trigger's own expressions in
     * one INSERT ... SELECT, the row trigger not firing (under session_replication_role=replica it
     * is left ENABLEd, not ALWAYS). A PL/pgSQL call per row was most of the generation's time (the
     * million conversations: 287 of 405 s under load). The statement triggers (the summaries) still
     * fire once for the statement and see the derived columns. {@link #sameAsTheTrigger} then
     * fires the real row trigger on a sample and fails when it would have written anything else.
     * A schema without that trigger gets the plain COPY (and whatever its triggers do).
     *
     * @param expressions over the copied row {@code s}, one per column in {@code derivedColumns}
     */
    record Derived(String rowTrigger, String derivedColumns, String expressions) {
    }

    static void step(Connection c, CopyManager copy, String table, String columns, Derived derived, Rows rows)
            throws Exception {
        long t = System.nanoTime();
        if (derived != null && !hasTrigger(c, table, derived.rowTrigger())) {
            derived = null;
        }
        List<String> triggers = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet r = st.executeQuery("select tgname from pg_trigger where tgrelid = '" + table
                     + "'::regclass and not tgisinternal and tgenabled = 'O'")) {
            while (r.next()) {
                if (derived == null || !r.getString(1).equals(derived.rowTrigger())) {
                    triggers.add(r.getString(1));
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String trigger : triggers) {
                st.execute("alter table " + table + " enable always trigger \"" + trigger + "\"");
            }
            st.execute("set local session_replication_role = replica");
            if (derived != null) {
                st.execute("create temporary table bench_stage on commit drop as select " + columns + " from " + table
                        + " with no data");
            }
        }
        // the table's indexes that back no constraint are built once after the load (a sort each)
        // rather than updated row by row: the same definitions, recreated before the commit
        List<String> indexes = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select i.indexrelid::regclass::text,"
                + " pg_get_indexdef(i.indexrelid) from pg_index i where i.indrelid = '" + table + "'::regclass"
                + " and not exists (select from pg_constraint k where k.conindid = i.indexrelid)")) {
            while (r.next()) {
                indexes.add(r.getString(2));
                try (Statement drop = c.createStatement()) {
                    drop.execute("drop index " + r.getString(1));
                }
            }
        }
        // its primary key and unique constraints too, when no loaded row can refer to them yet (every table
        // whose foreign keys point at them is still empty): a unique index that takes a million random ids
        // one by one costs four times the same index built after the load (3.4 s against 0.9 s for
        // 100,000 conversations); the foreign keys pointing at them are dropped with them and added back
        List<String> constraints = new ArrayList<>(), references = new ArrayList<>();
        deferConstraints(c, table, constraints, references);
        String into = derived == null ? table : "bench_stage";
        org.postgresql.copy.CopyIn op = copy.copyIn("copy " + into + " (" + columns + ") from stdin with (format csv)");
        PGCopyOutputStream out = new PGCopyOutputStream(op, 1 << 16);
        long count;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            rows.write(w);
        }
        count = op.getHandledRowCount();
        long copied = System.nanoTime();
        if (derived != null) {
            try (Statement st = c.createStatement()) {
                // in the copied order (no join: the expressions are scalar subqueries, as in the trigger)
                st.execute("insert into " + table + " (" + columns + ", " + derived.derivedColumns() + ") select "
                        + prefixed("s.", columns) + ", " + derived.expressions() + " from bench_stage s");
            }
        }
        long inserted = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("set local maintenance_work_mem = '256MB'");
            for (String constraint : constraints) {
                st.execute(constraint);
            }
            for (String reference : references) {
                st.execute(reference);
            }
            for (String index : indexes) {
                st.execute(index);
            }
        }
        long indexed = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("set local session_replication_role = origin");
            for (String trigger : triggers) {
                st.execute("alter table " + table + " enable trigger \"" + trigger + "\"");
            }
        }
        long checked = System.nanoTime();
        if (derived != null) {
            sameAsTheTrigger(c, table, derived, (int) Math.max(1, count / 1_000));
        }
        c.commit();
        long end = System.nanoTime();
        System.out.printf("  %6d ms  %,d rows into %s (copy %d ms%s, %d indexes built %d ms%s)%n", (end - t) / 1_000_000, count,
                table, (copied - t) / 1_000_000,
                derived == null ? "" : String.format(", insert with %s %d ms", derived.derivedColumns(), (inserted - copied) / 1_000_000),
                indexes.size() + constraints.size(), (indexed - inserted) / 1_000_000,
                derived == null ? "" : String.format(", %s checked %d ms", derived.rowTrigger(), (end - checked) / 1_000_000));
    }

    /**
     * Drops the table's primary key and unique constraints (and the foreign keys of other tables that
     * point at them) when every table with such a foreign key is still empty, and fills {@code constraints}
     * and {@code references} with the statements that add them back, with their own names and definitions.
     * Leaves everything as it is when a referring table has rows (adding its foreign key back would check
     * them all) or when a constraint cannot be dropped (something else depends on it).
     */
    static void deferConstraints(Connection c, String table, List<String> constraints, List<String> references)
            throws Exception {
        List<String[]> own = new ArrayList<>(), referring = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select conname, pg_get_constraintdef(oid)"
                + " from pg_constraint where conrelid = '" + table + "'::regclass and contype in ('p', 'u')"
                + " order by contype, conname")) {
            while (r.next()) {
                own.add(new String[]{r.getString(1), r.getString(2)});
            }
        }
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select conrelid::regclass::text, conname,"
                + " pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and confrelid = '" + table
                + "'::regclass order by conrelid::regclass::text, conname")) {
            while (r.next()) {
                referring.add(new String[]{r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        if (own.isEmpty()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            for (String[] fk : referring) {
                try (ResultSet r = st.executeQuery("select exists (select from " + fk[0] + ")")) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return;
                    }
                }
            }
            st.execute("savepoint defer_constraints");
            try {
                for (String[] fk : referring) {
                    st.execute("alter table " + fk[0] + " drop constraint \"" + fk[1] + "\"");
                }
                for (String[] u : own) {
                    st.execute("alter table " + table + " drop constraint \"" + u[0] + "\"");
                }
            } catch (java.sql.SQLException dependedOn) {
                st.execute("rollback to savepoint defer_constraints");
                return;
            }
            st.execute("release savepoint defer_constraints");
        }
        for (String[] u : own) {
            constraints.add("alter table " + table + " add constraint \"" + u[0] + "\" " + u[1]);
        }
        for (String[] fk : referring) {
            references.add("alter table " + fk[0] + " add constraint \"" + fk[1] + "\" " + fk[2]);
        }
    }

    /**
     * Fires the table's real row trigger on every {@code every}-th row just written (an update of
     * its key columns to themselves, rolled back) and fails if it would change any column: the
     * set-wise expressions must be exactly what the schema's trigger computes.
     */
    static void sameAsTheTrigger(Connection c, String table, Derived derived, int every) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("savepoint trigger_check");
            try (ResultSet r = st.executeQuery("with sample as (select id from (select id, row_number() over () as n"
                    + " from bench_stage) s where n % " + every + " = 0),"
                    + " before as (select t.* from " + table + " t where t.id in (select id from sample)),"
                    + " after as (update " + table + " t set contact_id = t.contact_id where t.id in (select id from sample)"
                    + " returning t.*)"
                    + " select count(*), count(*) filter (where (b.*)::text is distinct from (a.*)::text),"
                    + " min((b.*)::text) filter (where (b.*)::text is distinct from (a.*)::text),"
                    + " min((a.*)::text) filter (where (b.*)::text is distinct from (a.*)::text)"
                    + " from before b join after a on a.id = b.id")) {
                r.next();
                if (r.getLong(1) == 0 || r.getLong(2) != 0) {
                    throw new IllegalStateException(table + ": the row trigger " + derived.rowTrigger() + " computes "
                            + "other values than the generator's set-wise " + derived.derivedColumns() + " (" + r.getLong(2)
                            + " of " + r.getLong(1) + " sampled rows differ, e.g.\n  " + r.getString(3) + "\n  "
                            + r.getString(4) + "): update BenchData's expressions to the schema's trigger");
                }
            }
            st.execute("rollback to savepoint trigger_check");
        }
    }

    private static final java.util.regex.Pattern PLPGSQL_RETURN =
            java.util.regex.Pattern.compile("(?is)begin\\s+return\\s+([^;]*);\\s*end;?");

    /**
     * The level a contact had at a time, as the schema's own gw_level_at computes it, written out
     * as a scalar subquery: the function's SQL body with its two parameters replaced. A million
     * calls of the function cost three times its body inlined (each call of a SQL function that
     * PostgreSQL cannot inline starts an executor of its own). Falls back to the call itself when
     * the function is neither a one-statement SQL function nor a PL/pgSQL one that returns one
     * expression (V28_5).
     */
    static String levelAt(Connection c, String contact, String at) throws Exception {
        String call = "gw_level_at(" + contact + ", " + at + ")";
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select p.prosrc, p.proargnames, l.lanname"
                + " from pg_proc p join pg_language l on l.oid = p.prolang where p.proname = 'gw_level_at'")) {
            if (!r.next() || r.getArray(2) == null) {
                return call;
            }
            String body = r.getString(1).strip();
            if ("plpgsql".equals(r.getString(3))) {
                // since V28_5 the same rule in PL/pgSQL, so its plan is kept: "begin return <expression>; end"
                java.util.regex.Matcher m = PLPGSQL_RETURN.matcher(body);
                if (!m.matches()) {
                    return call;
                }
                body = "select " + m.group(1).strip();
            } else if (!"sql".equals(r.getString(3))) {
                return call;
            }
            body = body.replaceAll(";\\s*$", "");
            String[] names = (String[]) r.getArray(2).getArray();
            if (names.length != 2 || body.contains(";") || body.contains("$") || !body.regionMatches(true, 0, "select", 0, 6)) {
                return call;
            }
            return "(" + body.replaceAll("\\b" + names[0] + "\\b", java.util.regex.Matcher.quoteReplacement(contact))
                    .replaceAll("\\b" + names[1] + "\\b", java.util.regex.Matcher.quoteReplacement(at)) + ")";
        }
    }

    static boolean hasTrigger(Connection c, String table, String trigger) throws Exception {
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select 1 from pg_trigger where tgrelid = '"
                + table + "'::regclass and tgname = '" + trigger + "' and tgenabled = 'O'")) {
            return r.next();
        }
    }

    static boolean hasColumn(Connection c, String table, String column) throws Exception {
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select 1 from pg_attribute where attrelid = '"
                + table + "'::regclass and attname = '" + column + "' and not attisdropped")) {
            return r.next();
        }
    }

    static String prefixed(String prefix, String columns) {
        return String.join(", ", Arrays.stream(columns.split(",\\s*")).map(name -> prefix + name).toList());
    }

    /** A CSV line; null is an empty unquoted field (COPY's NULL in CSV); no value here needs quoting. */
    static void row(Writer w, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            if (values[i] != null) {
                w.write(values[i]);
            }
        }
        w.write('\n');
    }

    static String ts(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    // ids are md5s of the seed and a number; the ones rows refer to again and again are made once
    final java.util.Map<String, String> ids = new java.util.HashMap<>();

    String id(String key) {
        return ids.computeIfAbsent(key, BenchData::md5);
    }

    String organizer(int n) {
        return id("o" + seed + ":" + n);
    }

    String organization(int g) {
        return id("g" + seed + ":" + g);
    }

    String unit(int g, int u) {
        return id("u" + seed + ":" + g + ":" + u);
    }

    String contact(int n) {
        return id("c" + seed + ":" + n);
    }

    String action(int k) {
        return id("a" + seed + ":" + k);
    }

    static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** md5 of the text as a UUID, as PostgreSQL's md5(text)::uuid makes it. */
    static String md5(String text) {
        String h = HexFormat.of().formatHex(MD5.get().digest(text.getBytes(StandardCharsets.UTF_8)));
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }
}
