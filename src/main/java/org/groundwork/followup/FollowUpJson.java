package org.groundwork.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundwork.contact.Level;
import org.groundwork.contact.Position;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.groundwork.platform.Ids;
import org.groundwork.platform.Word;

import static org.groundwork.platform.Text.blankToNull;

/** What the follow-ups part of the API reads and writes; entities never go on the wire. */
public final class FollowUpJson {

    private FollowUpJson() {
    }

    public record NewFollowUp(
            @NotNull UUID contactId,
            UUID assigneeId,
            @NotNull LocalDate dueOn,
            @Size(max = 2000) String purpose,
            FollowUpReason reason) {
        /** Only spaces is no purpose: stored so, Today drew an empty purpose line (the walk). */
        public NewFollowUp {
            purpose = blankToNull(purpose);
        }
    }

    /** A merge patch: reschedule, reassign, reword, close or reopen. */
    public record FollowUpChange(LocalDate dueOn, UUID assigneeId, @Size(max = 2000) String purpose,
                                 FollowUpStatus status) {
        /** Only spaces is no purpose, as for a new follow-up. */
        public FollowUpChange {
            purpose = blankToNull(purpose);
        }
    }

    /** fullName is null once the contact is erased. */
    @Schema(name = "FollowUpContact")
    public record ContactRef(UUID id, String fullName) {
    }

    public record FollowUpView(
            UUID id, UUID contactId, ContactRef contact, UUID assigneeId, LocalDate dueOn, String purpose,
            FollowUpReason reason, FollowUpStatus status, UUID sourceActionId, UUID completedByConversationId,
            Instant closedAt, Instant createdAt) {

        /** Soonest due first, as Today orders them: a person's open follow-ups on their page and the log form. */
        public static final java.util.Comparator<FollowUpView> SOONEST_DUE =
                java.util.Comparator.comparing(FollowUpView::dueOn).thenComparing(FollowUpView::id);

        static FollowUpView of(FollowUp f, String contactName) {
            return new FollowUpView(f.id, f.contactId, new ContactRef(f.contactId, contactName), f.assigneeId,
                    f.dueOn, f.purpose, f.reason, f.status, f.sourceActionId, f.completedByConversationId, f.closedAt,
                    f.createdAt);
        }
    }

    /** Enough about the person to make the call from the queue. */
    public record QueueContact(UUID id, String fullName, Level engagementLevel, Position position, String phone) {
    }

    public record QueueItem(UUID id, UUID contactId, QueueContact contact, LocalDate dueOn, String purpose,
                            FollowUpReason reason) {
    }

    public record CoolingContact(UUID id, String fullName, Level engagementLevel, Position position, String phone,
                                 Instant lastConversationAt) {
    }

    /** One organizer's week: who to talk to next, hottest first. */
    public record Queue(LocalDate date, List<QueueItem> heat, List<QueueItem> overdue, List<QueueItem> today,
                        List<QueueItem> upcoming, List<CoolingContact> cooling) {
    }

    /** Which follow-ups a list asks for, parsed from the request (a bad word or id is a 400 naming it); status defaults to open. */
    public record FollowUpFilter(FollowUpStatus status, UUID assignee, UUID contact) {

        public static FollowUpFilter parse(String status, String assignee, String contact) {
            FollowUpStatus wanted = Word.parse(FollowUpStatus.class, blankToNull(status), "status");
            return new FollowUpFilter(wanted == null ? FollowUpStatus.OPEN : wanted,
                    Ids.filter(assignee, "assignee"), Ids.filter(contact, "contact"));
        }

        /** The open follow-ups of one contact. */
        public static FollowUpFilter openOf(UUID contact) {
            return new FollowUpFilter(FollowUpStatus.OPEN, null, contact);
        }
    }
}
