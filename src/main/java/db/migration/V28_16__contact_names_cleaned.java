package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.groundwork.contact.ContactFields;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * People's names as the app stores them from now on (ContactFields.storedName): cleaned as places' names are, so
 * a name pasted with a no-break space, doubled spaces or a character that shows nothing reads, and is found, as
 * it looks. Until now a name was only trimmed, and "Sarah O'Connor" typed plainly did not find the one pasted
 * from a message (the forty-sixth session's walk).
 * <p>
 * In Java, not SQL, so the rule has one copy: V28_15 had to copy the place names' regular expressions into SQL;
 * here the app's own method cleans each name. People may share a name, so nothing is numbered; a name the
 * cleaning would leave empty or too long is kept (storedName says when). Each changed row's version moves on,
 * so a form opened before is told the person changed. Flyway's connection is the instance's
 * ({@code quarkus.flyway.init-sql}), so row-level security lets it see every team.
 */
public class V28_16__contact_names_cleaned extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        clean(context.getConnection());
    }

    /** The migration's work on a connection that sees every team; the test runs it again on names stored as before. */
    public static int clean(Connection connection) throws Exception {
        int changed = 0;
        try (PreparedStatement read = connection.prepareStatement(
                "select id, full_name from contact where full_name is not null order by id");
             PreparedStatement write = connection.prepareStatement(
                     "update contact set full_name = ?, version = version + 1 where id = ?")) {
            read.setFetchSize(1000);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(2);
                    String stored = ContactFields.storedName(name);
                    if (!stored.equals(name)) {
                        write.setString(1, stored);
                        write.setObject(2, rows.getObject(1, UUID.class));
                        write.addBatch();
                        if (++changed % 1000 == 0) {
                            write.executeBatch();
                        }
                    }
                }
            }
            write.executeBatch();
        }
        return changed;
    }
}
