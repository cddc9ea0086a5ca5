package org.groundwork.contact;

import io.quarkus.qute.TemplateExtension;
import org.groundwork.contact.ContactJson.LevelChangeView;
import org.groundwork.web.PageLanguage;

/**
 * The reasons the app itself writes on the level a contact is added with: stored in English for the API and the
 * archive, said in the page's language (a Spanish contact page showed "created at an action" and "imported":
 * the walk). An organizer's own reasons are shown as typed, as follow-ups' purposes are (FollowUpWords).
 */
@TemplateExtension
public final class FirstLevelReasons {

    /** Added at an action's door (ContactService.createAtDoor). */
    public static final String AT_AN_ACTION = "created at an action";
    /** Added by an import (importexport/ContactWriter). */
    public static final String IMPORTED = "imported";

    private FirstLevelReasons() {
    }

    /** The reason as a page shows it: the app's own in the page's language, any other as stored. */
    public static String shown(Level fromLevel, String reason) {
        if (fromLevel != null || reason == null) {
            return reason;
        }
        return switch (reason) {
            case AT_AN_ACTION -> PageLanguage.people().level_reason_at_an_action();
            case IMPORTED -> PageLanguage.people().level_reason_imported();
            default -> reason;
        };
    }

    static String shownReason(LevelChangeView change) {
        return shown(change.fromLevel(), change.reason());
    }
}
