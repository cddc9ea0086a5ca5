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

    /** Due before the queue's day: an after-action follow-up stays in the heat section, marked late. */
    static boolean lateOn(QueueItem q, java.time.LocalDate day) {
        return q.dueOn().isBefore(day);
    }

    /** The heat section's follow-ups past their window, which the overdue section does not list. */
    static long lateHeat(FollowUpJson.Queue queue) {
        return queue.heat().stream().filter(q -> lateOn(q, queue.date())).count();
    }

    static String shownPurpose(QueueItem q) {
        return purpose(q.reason() == null ? null : q.reason().word(), q.purpose());
    }
}
