package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.groundwork.platform.Text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Names as the app cleans them since the forty-eighth session (Text.placeName): an accent at the start of a name
 * (it sits on nothing of it) and the noncharacters (U+FFFF and its kin) are left out. A name stored before kept
 * them, so "Acme" + U+FFFF and a new "Acme" were two organizations of the same look, and an import naming "Acme"
 * matched neither (the review).
 * <p>
 * People's names again by V28_16's own work (ContactFields.storedAgain, the rule of the app that runs it). Places'
 * names as V28_15 cleaned them, here in Java so the rule has one copy: one row at a time, in the order the places
 * were made (ids are time-ordered); a cleaned name another place of the same scope already holds (the team's
 * organizations; an organization's units under one parent) is numbered instead, "Acme (2)", so nothing filed under
 * either moves. A name that would be left showing nothing, or pass the column's 200 characters, is kept as it is.
 * Each changed row's version moves on, so a form opened before is told it changed. Like V28_16 it needs the
 * instance's scope, and refuses to run without it.
 */
public class V28_17__names_that_show_something extends BaseJavaMigration {

    /** V1's check on the name columns, in characters (code points, as PostgreSQL counts them). */
    private static final int COLUMN = 200;

    @Override
    public void migrate(Context context) throws Exception {
        clean(context.getConnection());
    }

    /** The migration's work on a connection that sees every team; the test runs it again on names stored as before. */
    public static int clean(Connection c) throws Exception {
        int changed = V28_16__contact_names_cleaned.clean(c); // checks the scope first
        changed += places(c, "select id, team_id, name, null, null from organization order by id",
                "select 1 from organization where team_id = ? and id <> ? and lower(name) = lower(?)",
                "update organization set name = ?, version = version + 1 where id = ?", false);
        changed += places(c, "select id, team_id, name, organization_id, parent_id from unit order by id",
                "select 1 from unit where team_id = ? and id <> ? and lower(btrim(name)) = lower(btrim(?))"
                        + " and organization_id = ? and parent_id is not distinct from ?",
                "update unit set name = ?, version = version + 1 where id = ?", true);
        return changed;
    }

    private record Place(UUID id, UUID team, String name, UUID organization, UUID parent) {
    }

    private static int places(Connection c, String read, String taken, String write, boolean units) throws Exception {
        List<Place> dirty = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(read); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                String name = r.getString(3);
                String clean = Text.placeName(name);
                if (clean != null && !clean.equals(name) && clean.codePointCount(0, clean.length()) <= COLUMN) {
                    dirty.add(new Place(r.getObject(1, UUID.class), r.getObject(2, UUID.class), clean,
                            r.getObject(4, UUID.class), r.getObject(5, UUID.class)));
                }
            }
        }
        try (PreparedStatement ask = c.prepareStatement(taken); PreparedStatement update = c.prepareStatement(write)) {
            for (Place p : dirty) {
                int n = 1;
                while (held(ask, p, numbered(p.name(), n), units)) {
                    n++;
                }
                update.setString(1, numbered(p.name(), n));
                update.setObject(2, p.id());
                update.executeUpdate();
            }
        }
        return dirty.size();
    }

    private static boolean held(PreparedStatement ask, Place p, String name, boolean units) throws Exception {
        ask.setObject(1, p.team());
        ask.setObject(2, p.id());
        ask.setString(3, name);
        if (units) {
            ask.setObject(4, p.organization());
            ask.setObject(5, p.parent(), java.sql.Types.OTHER);
        }
        try (ResultSet r = ask.executeQuery()) {
            return r.next();
        }
    }

    /** The name, or numbered " (2)", " (3)"… cut so it fits the column, as V28_15 numbered. */
    static String numbered(String name, int n) {
        if (n < 2) {
            return name;
        }
        String suffix = " (" + n + ")";
        int keep = COLUMN - suffix.length();
        return (name.codePointCount(0, name.length()) <= keep ? name
                : name.substring(0, name.offsetByCodePoints(0, keep))) + suffix;
    }
}
