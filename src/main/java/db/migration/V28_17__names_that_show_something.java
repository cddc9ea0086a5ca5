package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.groundwork.organization.StoredPlaceNames;

import java.sql.Connection;

/**
 * Names as the app cleans them since the forty-eighth session (Text.placeName): an accent at the start of a name
 * (it sits on nothing of it), the noncharacters (U+FFFF and its kin) and what else draws nothing are left out. A
 * name stored before kept them, so "Acme" + U+FFFF and a new "Acme" were two organizations of the same look, and an
 * import naming "Acme" matched neither (the review).
 * <p>
 * People's names again by V28_16's own work (ContactFields.storedAgain); places' names by StoredPlaceNames, which a
 * restore of an older archive shares (V28_15 did the same in SQL, a copy of the rule; in Java the rule has one). As
 * with V28_16, an instance that upgrades later cleans by the rule of the app it upgrades to, the rule that app
 * stores new names by. It needs the instance's scope, and refuses to run without it (V28_16's check).
 */
public class V28_17__names_that_show_something extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        clean(context.getConnection());
    }

    /** The migration's work on a connection that sees every team; the test runs it again on names stored as before. */
    public static int clean(Connection c) throws Exception {
        return V28_16__contact_names_cleaned.clean(c) + StoredPlaceNames.clean(c, null);
    }
}
