package org.groundwork.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Case aside" is PostgreSQL's lower(), under the database's locale, everywhere: the unique
 * indexes on names (organization_name_key, unit_name_key, work_name_key) and the email_key
 * columns fold with it, so text compared with them is folded by it too, in the SQL
 * ({@code lower(:name)}) or, when Java must hold the keys in a map (the import), here, a batch
 * at a time. Never by Java's toLowerCase: it makes "İ" into "i̇" (i and a combining dot) and a
 * final "Σ" into "ς", where lower() gives "i" and "σ", so a name the index holds was not found,
 * or made twice and refused (docs/operations.md, "The database's locale").
 */
public final class Folding {

    private Folding() {
    }

    /** Each text with its lower(), in one round trip; keyed by the Java string given, whatever the driver sends. */
    public static Map<String, String> lower(Connection conn, Collection<String> texts) throws SQLException {
        List<String> given = new ArrayList<>(texts);
        Map<String, String> folded = new HashMap<>();
        if (given.isEmpty()) {
            return folded;
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "select lower(t) from unnest(?::text[]) with ordinality as u(t, n) order by n")) {
            ps.setArray(1, conn.createArrayOf("text", given.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    folded.put(given.get(i), rs.getString(1));
                }
            }
        }
        return folded;
    }
}
