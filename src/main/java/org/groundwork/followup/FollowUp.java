package org.groundwork.followup;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.EditedTeamEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Something an organizer owes a contact. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends EditedTeamEntity {

    public UUID contactId;
    public UUID assigneeId;
    public LocalDate dueOn;
    public String purpose;
    public FollowUpReason reason = FollowUpReason.OTHER;
    public FollowUpStatus status = FollowUpStatus.OPEN;
    public UUID sourceActionId;
    public UUID sourceConversationId;
    public UUID completedByConversationId;
    public Instant closedAt;
    public UUID createdBy;
}
