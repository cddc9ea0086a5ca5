package org.groundwork.contact;

import io.quarkus.qute.TemplateExtension;
import org.groundwork.contact.ContactJson.LevelChangeView;
import org.groundwork.web.PageLanguage;

/**
 * The reasons the app itself writes on a level change (the level a contact is added with at an action or by an
 * import, a level an import changes): stored in English for the API and the archive, said in the page's language
 * (a Spanish contact page showed "created at an action" and "imported": the walk; "changed by an import": the
 * review). An organizer's own reasons are shown as typed, as follow-ups' purposes are (FollowUpWords).
 */
@TemplateExtension
public final class LevelReasons {

    /** Added at an action's door (ContactService.createAtDoor). */
    public static final String AT_AN_ACTION = "created at an action";
    /** Added by an import (importexport/ContactWriter). */
    public static final String IMPORTED = "imported";
    /** A level an import changed (importexport/ContactWriter). */
    public static final String CHANGED_BY_IMPORT = "changed by an import";

    private LevelReasons() {
    }

    /** The reason as a page shows it: the app's own in the page's language, any other as stored. */
    public static String shown(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case AT_AN_ACTION -> PageLanguage.people().level_reason_at_an_action();
            case IMPORTED -> PageLanguage.people().level_reason_imported();
            case CHANGED_BY_IMPORT -> PageLanguage.people().level_reason_changed_by_import();
            default -> reason;
        };
    }

    static String shownReason(LevelChangeView change) {
        return shown(change.reason());
    }
}
