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
 * In Java, not SQL, so the cleaning has one copy: V28_15 had to copy the place names' regular expressions into
 * SQL. On purpose, then, an instance that upgrades later cleans its names by the rule of the app it upgrades to
 * (Text.placeName then), which is the rule that app stores new names by; what this migration must never change
 * is fixed in ContactFields.storedAgain, which a restore of an older archive shares: the bounds are V1's check on
 * the column (200 characters), not the app's constants, and a name the cleaning would leave empty or too long is
 * kept as it is. Java migrations have no
 * checksum: ContactNamesCleanedTest pins what this one does on the names it was written for.
 * <p>
 * People may share a name, so nothing is numbered. Each changed row's version moves on, so a form opened before
 * is told the person changed. It runs on Flyway's connection, which sees every team (quarkus.flyway.init-sql);
 * without that scope row-level security would show it no contact, and it refuses to run rather than do nothing.
 */
public class V28_16__contact_names_cleaned extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        clean(context.getConnection());
    }

    /** The migration's work on a connection that sees every team; the test runs it again on names stored as before. */
    public static int clean(Connection connection) throws Exception {
        try (PreparedStatement scope = connection.prepareStatement("select current_setting('groundwork.scope', true)");
             ResultSet r = scope.executeQuery()) {
            if (!r.next() || !"instance".equals(r.getString(1))) {
                throw new IllegalStateException("V28_16 must run with the instance's scope (quarkus.flyway.init-sql): "
                        + "under row-level security it would see no contact");
            }
        }
        int changed = 0;
        try (PreparedStatement read = connection.prepareStatement(
                "select id, full_name from contact where full_name is not null order by id");
             PreparedStatement write = connection.prepareStatement(
                     "update contact set full_name = ?, version = version + 1 where id = ?")) {
            read.setFetchSize(1000);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(2);
                    String stored = ContactFields.storedAgain(name);
                    if (stored.equals(name)) {
                        continue;
                    }
                    write.setString(1, stored);
                    write.setObject(2, rows.getObject(1, UUID.class));
                    write.addBatch();
                    if (++changed % 1000 == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return changed;
    }
}
