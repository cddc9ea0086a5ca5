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
 * their triggers and backfills, so one data set serves builds from before and after a schema
 * change. Deterministic for a seed (java.util.SplittableRandom; ids are md5 of the seed and a
 * row number, as in BenchmarkData, so the organizers' ids are the same as there).
 *
 * Usage: java -cp postgresql.jar BenchData.java JDBC_URL USER PASSWORD TEAM_ID SEED
 */
public class BenchData {

    static final Instant ANCHOR = Instant.parse("2026-11-01T00:00:00Z");
    static final String[] LEVELS = {"new", "less-involved", "cadre"};
    static final String[] CHANNELS = {"in-person", "house-visit", "phone", "video", "text", "at-action"};
    static final String[] ACTION_KINDS = {"picket", "march", "meeting", "rally", "training"};
    static final String[] UNIT_KINDS = {"department", "floor", "shift", "area"};
    static final int CONTACTS = 100_000, CONVERSATIONS = 1_000_000, MOVES = 100_000, ACTIONS = 3_000,
            FOLLOW_UPS = 20_000, ORGANIZERS = 20, WORKS = 10, ORGANIZATIONS = 20, UNITS = 20;
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
        // their end instead of taking a million random inserts
        Integer[] byTime = new Integer[CONVERSATIONS];
        for (int k = 0; k < CONVERSATIONS; k++) {
            byTime[k] = k;
        }
        Arrays.sort(byTime, (a, b) -> convAt[a] != convAt[b] ? Long.compare(convAt[a], convAt[b]) : Integer.compare(a, b));

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
        step(c, copy, "conversation", "id, team_id, contact_id, organizer_id, work_id, occurred_at, duration_minutes, "
                + "channel, created_at, updated_at", w -> {
            String anchor = ts(ANCHOR.getEpochSecond());
            for (int k : byTime) {
                int n = convContact[k];
                double r3 = random.nextDouble();
                int organizer = random.nextDouble() < 0.7 ? 1 + n % ORGANIZERS : 1 + random.nextInt(ORGANIZERS);
                row(w, md5("v" + seed + ":" + k), team, contact(n), organizer(organizer),
                        r3 < 0.8 ? md5("w" + seed + ":" + (1 + (int) (r3 / 0.08))) : null, ts(convAt[k]),
                        Integer.toString(5 + random.nextInt(86)), CHANNELS[random.nextInt(6)], anchor, anchor);
            }
        });
        // actions, one or two organizers present, 0-30 attendees, 15% of them first-timers
        long[] actionAt = new long[ACTIONS + 1];
        step(c, copy, "action", "id, team_id, work_id, title, kind, starts_at, duration_minutes, created_by", w -> {
            for (int k = 1; k <= ACTIONS; k++) {
                double r1 = random.nextDouble();
                actionAt[k] = ANCHOR.getEpochSecond() - (long) (random.nextDouble() * 730 * DAY);
                row(w, action(k), team, r1 < 0.7 ? md5("w" + seed + ":" + (1 + (int) (r1 / 0.07))) : null,
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
        step(c, copy, "attendance", "id, team_id, action_id, contact_id, first_time, recorded_by", w -> {
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
        long t = System.nanoTime();
        List<String> triggers = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet r = st.executeQuery("select tgname from pg_trigger where tgrelid = '" + table
                     + "'::regclass and not tgisinternal and tgenabled = 'O'")) {
            while (r.next()) {
                triggers.add(r.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String trigger : triggers) {
                st.execute("alter table " + table + " enable always trigger \"" + trigger + "\"");
            }
            st.execute("set local session_replication_role = replica");
        }
        org.postgresql.copy.CopyIn op = copy.copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
        PGCopyOutputStream out = new PGCopyOutputStream(op, 1 << 16);
        long count;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            rows.write(w);
        }
        count = op.getHandledRowCount();
        try (Statement st = c.createStatement()) {
            st.execute("set local session_replication_role = origin");
            for (String trigger : triggers) {
                st.execute("alter table " + table + " enable trigger \"" + trigger + "\"");
            }
        }
        c.commit();
        System.out.printf("  %6d ms  %,d rows into %s%n", (System.nanoTime() - t) / 1_000_000, count, table);
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

    String organizer(int n) {
        return md5("o" + seed + ":" + n);
    }

    String organization(int g) {
        return md5("g" + seed + ":" + g);
    }

    String unit(int g, int u) {
        return md5("u" + seed + ":" + g + ":" + u);
    }

    String contact(int n) {
        return md5("c" + seed + ":" + n);
    }

    String action(int k) {
        return md5("a" + seed + ":" + k);
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
