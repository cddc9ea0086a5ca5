package org.groundwork.organization;

import org.groundwork.platform.Text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Places' names stored before the rule of the day (Text.placeName), cleaned as it cleans a name typed now: by V28_17
 * for every team, and by a restore for the team an older archive brings (it held "Acme" and "Acme" + U+FFFF, two
 * organizations of the same look again: the review). One row at a time, in the order the places were made (ids are
 * time-ordered); a cleaned name another place of the same scope already holds (the team's organizations; an
 * organization's units under one parent, as the unique indexes have it) is numbered instead, "Acme (2)", as V28_15
 * numbered, so nothing filed under either moves. A name that would be left showing nothing, or pass the column's
 * 200 characters, is kept as it is. Each changed row's version moves on. On a connection that sees every team.
 */
public final class StoredPlaceNames {

    /** V1's check on the name columns, in characters (code points, as PostgreSQL counts them). */
    private static final int COLUMN = 200;

    private StoredPlaceNames() {
    }

    /** The names of one team's places ({@code team}), or of every team's (null); how many changed. */
    public static int clean(Connection c, UUID team) throws SQLException {
        String only = team == null ? "" : " where team_id = ?";
        return places(c, team, "select id, team_id, name, null, null from organization" + only + " order by id",
                "select 1 from organization where team_id = ? and id <> ? and lower(name) = lower(?)",
                "update organization set name = ?, version = version + 1 where id = ?", false)
                + places(c, team, "select id, team_id, name, organization_id, parent_id from unit" + only + " order by id",
                "select 1 from unit where team_id = ? and id <> ? and lower(btrim(name)) = lower(btrim(?))"
                        + " and organization_id = ? and parent_id is not distinct from ?",
                "update unit set name = ?, version = version + 1 where id = ?", true);
    }

    /**
     * The names of one team's works ({@code team}), or of every team's (null), the same way: a work's name is the team's
     * once, as V28_11's index compares (case and the spaces around it aside), and a clash is numbered. Works' names were
     * only trimmed until the fifty-sixth session (V28_22 cleans those stored before; a restore an older archive's).
     */
    public static int works(Connection c, UUID team) throws SQLException {
        String only = team == null ? "" : " where team_id = ?";
        return places(c, team, "select id, team_id, name, null, null from work" + only + " order by id",
                "select 1 from work where team_id = ? and id <> ? and lower(btrim(name)) = lower(btrim(?))",
                "update work set name = ?, version = version + 1 where id = ?", false);
    }

    /**
     * A stored name as the rule of the day cleans it, or null when it stays as it is: already clean, or cleaning
     * would leave nothing that shows or pass the column's 200 characters (V1's check on every name column).
     */
    public static String cleaned(String stored) {
        String clean = Text.placeName(stored);
        return clean == null || clean.equals(stored) || clean.codePointCount(0, clean.length()) > COLUMN ? null : clean;
    }

    private record Place(UUID id, UUID team, String name, UUID organization, UUID parent) {
    }

    private static int places(Connection c, UUID team, String read, String taken, String write, boolean units)
            throws SQLException {
        List<Place> dirty = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(read)) {
            if (team != null) {
                ps.setObject(1, team);
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String clean = cleaned(r.getString(3));
                    if (clean != null) {
                        dirty.add(new Place(r.getObject(1, UUID.class), r.getObject(2, UUID.class), clean,
                                r.getObject(4, UUID.class), r.getObject(5, UUID.class)));
                    }
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

    private static boolean held(PreparedStatement ask, Place p, String name, boolean units) throws SQLException {
        ask.setObject(1, p.team());
        ask.setObject(2, p.id());
        ask.setString(3, name);
        if (units) {
            ask.setObject(4, p.organization());
            ask.setObject(5, p.parent(), Types.OTHER);
        }
        try (ResultSet r = ask.executeQuery()) {
            return r.next();
        }
    }

    /** The name, or numbered " (2)", " (3)"… cut so it fits the column, the cut cleaned (no space left before the number). */
    static String numbered(String name, int n) {
        if (n < 2) {
            return name;
        }
        String suffix = " (" + n + ")";
        int keep = COLUMN - suffix.length();
        if (name.codePointCount(0, name.length()) <= keep) {
            return name + suffix;
        }
        String cut = name.substring(0, name.offsetByCodePoints(0, keep));
        String clean = Text.placeName(cut);
        return (clean == null ? cut : clean) + suffix;
    }
}
