package org.groundwork.followup;

import io.quarkus.qute.TemplateExtension;
import org.groundwork.followup.FollowUpJson.FollowUpView;
import org.groundwork.followup.FollowUpJson.QueueItem;
import org.groundwork.web.PageLanguage;

/**
 * A follow-up's purpose as a page shows it. The one the app writes itself, after a first action
 * ({@link FollowUpService#AFTER_ACTION_PURPOSE}), is stored in English for the API and said in the
 * page's language; an organizer's own words are shown as typed.
 */
@TemplateExtension
public final class FollowUpWords {

    private FollowUpWords() {
    }

    public static String purpose(String reason, String purpose) {
        return FollowUpReason.AFTER_ACTION.word().equals(reason) && FollowUpService.AFTER_ACTION_PURPOSE.equals(purpose)
                ? PageLanguage.people().follow_up_after_action() : purpose;
    }

    public static String shownPurpose(FollowUpView f) {
        return purpose(f.reason() == null ? null : f.reason().word(), f.purpose());
    }

    static String shownPurpose(QueueItem q) {
        return purpose(q.reason() == null ? null : q.reason().word(), q.purpose());
    }
}
