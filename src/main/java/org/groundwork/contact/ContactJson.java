package org.groundwork.contact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the contacts part of the API reads and writes; entities never go on the wire. */
public final class ContactJson {

    private ContactJson() {
    }

    /**
     * The person's own fields are checked by {@link ContactFields} (tags after trimming); their
     * {@code @Schema} only tells the API's clients the same limits.
     */
    public record NewContact(
            @Schema(required = true, pattern = "\\S", maxLength = ContactFields.FULL_NAME) String fullName,
            @Schema(maxLength = ContactFields.PHONE, description = Phones.DESCRIPTION) String phone,
            @Schema(maxLength = ContactFields.EMAIL) String email,
            UUID organizationId,
            Position position,
            Level engagementLevel,
            UUID ownerId,
            List<String> tags,
            Boolean doNotContact,
            @Schema(maxLength = ContactFields.NOTES) String notes,
            UUID unitId) {
    }

    /**
     * A merge patch: absent leaves a field alone, null clears it. The level changes only through its
     * own endpoint: engagementLevel is let through the reading (other unknown fields are refused
     * there) so that ContactService can say where it changes.
     */
    @JsonIgnoreProperties({"engagementLevel"})
    public record ContactChange(
            @Schema(maxLength = ContactFields.FULL_NAME) String fullName,
            @Schema(maxLength = ContactFields.PHONE, description = Phones.DESCRIPTION) String phone,
            @Schema(maxLength = ContactFields.EMAIL) String email,
            UUID organizationId,
            Position position,
            UUID ownerId,
            List<String> tags,
            Boolean doNotContact,
            @Schema(maxLength = ContactFields.NOTES) String notes,
            UUID unitId) {
    }

    public record ContactView(
            UUID id,
            String fullName,
            String phone,
            String email,
            UUID organizationId,
            String organizationName,
            UUID unitId,
            Position position,
            Level engagementLevel,
            UUID ownerId,
            List<String> tags,
            boolean doNotContact,
            String notes,
            Instant lastConversationAt,
            Instant createdAt,
            Instant updatedAt) {

        static ContactView of(Contact c, String organizationName) {
            return new ContactView(c.id, c.fullName, c.phone, c.email, c.organizationId, organizationName,
                    c.unitId, c.position, c.engagementLevel, c.ownerId, List.of(c.tags), c.doNotContact, c.notes,
                    c.lastConversationAt, c.createdAt, c.updatedAt);
        }

        static ContactView of(ContactQuery.Row r) {
            return new ContactView(r.id(), r.fullName(), r.phone(), r.email(), r.organizationId(),
                    r.organizationName(), r.unitId(), r.position(), r.level(), r.ownerId(), r.tags(),
                    r.doNotContact(), r.notes(), r.lastConversationAt(), r.createdAt(), r.updatedAt());
        }
    }

    public record NewLevel(@NotNull Level level, @Size(max = 2000) String reason, Instant changedAt) {
    }

    public record LevelChangeView(UUID id, UUID contactId, Level fromLevel, Level toLevel, Instant changedAt,
                                  UUID changedBy, String reason) {
        static LevelChangeView of(LevelChange l) {
            return new LevelChangeView(l.id, l.contactId, l.fromLevel, l.toLevel, l.changedAt, l.changedBy, l.reason);
        }
    }

    /** The list's filters as the client sent them; {@link ContactQuery#of} parses and checks each. */
    public record Filter(String level, String position, String owner, String organization, String tag, String q) {
    }

    /**
     * One line of a contact's timeline: what happened ({@code type}), when and its id, then the
     * fields of its kind; the four kinds below are the whole list. {@code channel}, {@code status}
     * and the follow-up's {@code reason} are the words as stored (their enums live in features that
     * build on this one). The API document describes the four in words: a oneOf of them breaks the
     * generated client of GeneratedClientTest (its Level clashes with java.util.logging's).
     */
    @Schema(description = "One line of a contact's timeline: type (conversation, attendance, level-change, follow-up),"
            + " at and id, then the fields of its type: a conversation's organizerId, organizerName, workId, workName,"
            + " durationMinutes, channel, summary, issues, commitments, politicalDiscussion; an attendance's actionId, actionTitle, workId,"
            + " durationMinutes, firstTime, notes, recordedBy, workName; a level change's fromLevel, toLevel, reason,"
            + " changedBy; a follow-up's dueOn, status, reason, purpose, assigneeId.",
            additionalProperties = Schema.True.class, requiredProperties = {"type", "at", "id"},
            properties = {
                    @SchemaProperty(name = "type", type = SchemaType.STRING,
                            enumeration = {"conversation", "attendance", "level-change", "follow-up"}),
                    @SchemaProperty(name = "at", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "id", type = SchemaType.STRING, format = "uuid")})
    public sealed interface TimelineItem permits ConversationLine, AttendanceLine, LevelChangeLine, FollowUpLine {
        String type();

        Instant at();

        UUID id();
    }

    public record ConversationLine(String type, Instant at, UUID id, UUID organizerId, String organizerName,
                                   UUID workId, String workName, Integer durationMinutes, String channel,
                                   String summary, String issues, String commitments, Boolean politicalDiscussion)
            implements TimelineItem {
    }

    public record AttendanceLine(String type, Instant at, UUID id, UUID actionId, String actionTitle, UUID workId,
                                 Integer durationMinutes, Boolean firstTime, String notes, UUID recordedBy,
                                 String workName) implements TimelineItem {
    }

    /** fromLevel is null for the level a contact was added with. */
    public record LevelChangeLine(String type, Instant at, UUID id, Level fromLevel, Level toLevel, String reason,
                                  UUID changedBy) implements TimelineItem {
    }

    public record FollowUpLine(String type, Instant at, UUID id, LocalDate dueOn, String status, String reason,
                               String purpose, UUID assigneeId) implements TimelineItem {
    }
}
