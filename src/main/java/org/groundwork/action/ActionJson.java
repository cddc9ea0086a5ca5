package org.groundwork.action;

import org.groundwork.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.groundwork.contact.ContactFields;
import org.groundwork.contact.Phones;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the actions part of the API reads and writes; entities never go on the wire. */
public final class ActionJson {

    private ActionJson() {
    }

    /** organizerIds: the organizers present; absent means "just me". */
    public record NewAction(
            UUID workId,
            @NotBlank @Size(max = 200) String title,
            ActionKind kind,
            @NotNull Instant startsAt,
            @NotNull @Min(1) @Max(10080) Integer durationMinutes,
            @Size(max = 500) String location,
            @Size(max = MAX_ORGANIZERS, message = Ids.AT_MOST_IDS) List<UUID> organizerIds) {
    }

    /**
     * Organizers present at one action, at most: the list had no limit, and each id is looked up, so
     * 200,000 ids took 18 s and answered 29 MB of errors, and a 50 MB body ran past the transaction.
     * No action has this many organizers; completeFollowUpIds has the same bound.
     */
    public static final int MAX_ORGANIZERS = 200;

    /** A merge patch: workId and location may be cleared with null, the rest only changed. */
    public record ActionChange(
            UUID workId,
            @Size(min = 1, max = 200) String title,
            ActionKind kind,
            Instant startsAt,
            @Min(1) @Max(10080) Integer durationMinutes,
            @Size(max = 500) String location,
            @Size(max = MAX_ORGANIZERS, message = Ids.AT_MOST_IDS) List<UUID> organizerIds) {
    }

    /**
     * One line of a whole-attendance replacement: either a known contact or a person checked
     * in at the door. firstTime absent means "work it out" (see ActionService).
     */
    public record AttendanceItem(
            UUID contactId,
            NewContact newContact,
            Boolean firstTime,
            @Size(max = 2000) String notes) {
    }

    /**
     * At the door a name and a phone number are enough. The fields are checked by
     * {@link ContactFields}, the contact rules every door uses ({@code ActionService}); the
     * {@code @Schema} only tells the API's clients the same limits.
     */
    @Schema(name = "NewContactAtTheDoor")
    public record NewContact(@Schema(required = true, pattern = "\\S", maxLength = ContactFields.FULL_NAME) String fullName,
                             @Schema(maxLength = ContactFields.PHONE, description = Phones.DESCRIPTION) String phone,
                             @Schema(maxLength = ContactFields.EMAIL) String email) {

        /** The fields a person is added with at the door, as {@link ContactFields} names them. */
        static final List<String> FIELDS = List.of("fullName", "phone", "email");

        ContactFields fields() {
            return new ContactFields(fullName, phone, email, null);
        }
    }

    /** A list line: the action with how many came and how many came for the first time. */
    public record ActionItem(UUID id, UUID workId, String title, ActionKind kind, Instant startsAt,
                             int durationMinutes, String location, List<UUID> organizerIds,
                             long attendeeCount, long firstTimerCount, Instant createdAt, Instant updatedAt) {
    }

    /** One action with its whole attendance. */
    public record ActionView(UUID id, UUID workId, String title, ActionKind kind, Instant startsAt,
                             int durationMinutes, String location, List<UUID> organizerIds,
                             long attendeeCount, long firstTimerCount, List<AttendanceView> attendance,
                             Instant createdAt, Instant updatedAt) {
        static ActionView of(Action a, List<UUID> organizerIds, List<AttendanceView> attendance) {
            long firstTimers = attendance.stream().filter(AttendanceView::firstTime).count();
            return new ActionView(a.id, a.workId, a.title, a.kind, a.startsAt, a.durationMinutes, a.location,
                    organizerIds, attendance.size(), firstTimers, attendance, a.createdAt, a.updatedAt);
        }

        /** Whether the person is on this action's list (the check-in page's question marks them so). */
        public boolean lists(UUID contactId) {
            return attendance.stream().anyMatch(att -> att.contactId().equals(contactId));
        }
    }

    /** fullName is null for an erased contact (the anonymous tombstone). */
    public record AttendanceView(UUID contactId, String fullName, boolean firstTime, String notes) {
    }
}
