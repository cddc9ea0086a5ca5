package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.groundwork.organization.StoredPlaceNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Works' names as every other name is cleaned (Text.placeName), since the fifty-sixth session's walk: a work was only
 * trimmed, so "Building\u00A0committees" (a no-break space pasted) was a second work beside "Building committees", and
 * a zero-width space alone a work whose name showed nothing. Those stored before are cleaned by StoredPlaceNames, in
 * the order the works were made; a cleaned name another work of the team holds is numbered, "Building committees
 * (2)", so nothing filed under either moves; a name that would be left showing nothing is kept as it is (the app lets
 * it be sent back as stored). Like V28_16 it needs the instance's scope, and refuses to run without it.
 */
public class V28_22__work_names_cleaned extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        clean(context.getConnection());
    }

    /** The migration's work on a connection that sees every team; the test runs it again on names stored as before. */
    public static int clean(Connection c) throws Exception {
        try (PreparedStatement scope = c.prepareStatement("select current_setting('groundwork.scope', true)");
             ResultSet r = scope.executeQuery()) {
            if (!r.next() || !"instance".equals(r.getString(1))) {
                throw new IllegalStateException("V28_22 must run with the instance's scope (quarkus.flyway.init-sql): "
                        + "under row-level security it would see no work");
            }
        }
        return StoredPlaceNames.works(c, null);
    }
}
