package org.groundwork.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /**
     * Whether this database's lower() folds plain ASCII as Java does, A-Z to a-z and nothing else: true
     * under C, C.UTF-8 and the usual locales, false under a Turkish or Azeri one ("I" to "ı"). Asked
     * once, so that {@link #lower(Connection, Collection, boolean)} need not ask about ASCII text.
     */
    public static boolean asciiAsJava(Connection conn) throws SQLException {
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return lower(conn, List.of(upper), false).get(upper).equals(upper.toLowerCase(Locale.ROOT));
    }

    /**
     * Each text with its lower(), in one round trip; keyed by the Java string given, whatever the driver
     * sends. With {@code asciiAsJava} (from {@link #asciiAsJava}), text that is all ASCII is folded here
     * and only the rest is asked: a file of plain names and emails costs no round trip, which matters to
     * the import, whose connection is busy with the previous batch's COPY while the next is read.
     */
    public static Map<String, String> lower(Connection conn, Collection<String> texts, boolean asciiAsJava)
            throws SQLException {
        List<String> given = new ArrayList<>();
        Map<String, String> folded = new HashMap<>();
        for (String text : texts) {
            if (asciiAsJava && ascii(text)) {
                folded.put(text, text.toLowerCase(Locale.ROOT));
            } else {
                given.add(text);
            }
        }
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

    /** Whether {@link #lower(Connection, Collection, boolean)} asks the database about any of these texts. */
    public static boolean asks(Collection<String> texts, boolean asciiAsJava) {
        return !texts.isEmpty() && (!asciiAsJava || !texts.stream().allMatch(Folding::ascii));
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
