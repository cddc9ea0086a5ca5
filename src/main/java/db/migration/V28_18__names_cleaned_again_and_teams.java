package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.groundwork.organization.StoredPlaceNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * V28_17's work again, by the rule the forty-eighth session finished with (Text.placeName): an accent after a space
 * and an unassigned character outside the emoji's and the letters' new blocks are left out too, so "Acme" + a space
 * and an accent, stored before, was still another organization than "Acme" (the review). And teams' names, read as
 * every other name since that session (an accent alone, U+FFFF, had been stored as one). A team's name is unique to
 * nothing, so it is cleaned, never numbered; one that would be left showing nothing or pass 200 characters is kept.
 */
public class V28_18__names_cleaned_again_and_teams extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        clean(context.getConnection());
    }

    /** The migration's work on a connection that sees every team; the test runs it again on names stored as before. */
    public static int clean(Connection c) throws Exception {
        int changed = V28_17__names_that_show_something.clean(c); // the scope is checked first
        Map<UUID, String> teams = new LinkedHashMap<>();
        try (PreparedStatement read = c.prepareStatement("select id, name from team order by id");
             ResultSet r = read.executeQuery()) {
            while (r.next()) {
                String clean = StoredPlaceNames.cleaned(r.getString(2));
                if (clean != null) {
                    teams.put(r.getObject(1, UUID.class), clean);
                }
            }
        }
        try (PreparedStatement write = c.prepareStatement("update team set name = ?, version = version + 1 where id = ?")) {
            for (Map.Entry<UUID, String> t : teams.entrySet()) {
                write.setString(1, t.getValue());
                write.setObject(2, t.getKey());
                write.executeUpdate();
            }
        }
        return changed + teams.size();
    }
}
