package org.groundwork.conversation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import org.groundwork.platform.Dates;
import org.groundwork.platform.Ids;
import java.util.List;
import java.util.UUID;

/** What the conversations part of the API reads and writes; entities never go on the wire. */
public final class ConversationJson {

    private ConversationJson() {
    }

    public record NewConversation(
            @NotNull UUID contactId,
            UUID organizerId,
            UUID workId,
            Instant occurredAt,
            @NotNull @Min(1) @Max(1440) Integer durationMinutes,
            Channel channel,
            @Size(max = 20000) String summary,
            @Size(max = 5000) String issues,
            @Size(max = 5000) String commitments,
            Boolean politicalDiscussion,
            @Valid NextStep nextStep,
            @Size(max = 200, message = Ids.AT_MOST_IDS) List<@NotNull UUID> completeFollowUpIds) {
    }

    /** What the organizer and the contact agreed to do next: becomes a next-step follow-up. */
    public record NextStep(@NotNull LocalDate dueOn, @NotBlank @Size(max = 2000) String purpose) {
    }

    /** A merge patch: absent fields stay, null clears (where clearing is allowed). */
    public record ConversationChange(
            UUID contactId,
            UUID organizerId,
            UUID workId,
            Instant occurredAt,
            @Min(1) @Max(1440) Integer durationMinutes,
            Channel channel,
            @Size(max = 20000) String summary,
            @Size(max = 5000) String issues,
            @Size(max = 5000) String commitments,
            Boolean politicalDiscussion) {
    }

    /** fullName is null once the contact is erased. */
    public record ContactRef(UUID id, String fullName) {
    }

    public record ConversationView(
            UUID id, UUID contactId, ContactRef contact, UUID organizerId, UUID workId,
            Instant occurredAt, int durationMinutes, Channel channel,
            String summary, String issues, String commitments, boolean politicalDiscussion,
            Instant createdAt, Instant updatedAt) {

        static ConversationView of(Conversation c, String contactName) {
            return new ConversationView(c.id, c.contactId, new ContactRef(c.contactId, contactName), c.organizerId,
                    c.workId, c.occurredAt, c.durationMinutes, c.channel, c.summary, c.issues, c.commitments,
                    c.politicalDiscussion, c.createdAt, c.updatedAt);
        }
    }

    /** The answer to a create: the conversation plus what it did to follow-ups. */
    public record CreatedConversation(
            @JsonUnwrapped ConversationView conversation,
            UUID nextStepFollowUpId,
            List<UUID> completedFollowUpIds) {
    }

    /**
     * Which conversations a list asks for, parsed from the request: a filter that is not an id or
     * a date is a 400 naming it; days are the team's days (from and to both included).
     */
    public record ConversationFilter(UUID contact, UUID organizer, UUID work, LocalDate from, LocalDate to) {

        public static ConversationFilter parse(String contact, String organizer, String work, String from, String to) {
            return new ConversationFilter(Ids.filter(contact, "contact"), Ids.filter(organizer, "organizer"),
                    Ids.filter(work, "work"), Dates.parse("from", from), Dates.parse("to", to));
        }
    }
}
