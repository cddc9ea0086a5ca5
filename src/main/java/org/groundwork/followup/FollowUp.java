package org.groundwork.followup;

import org.groundwork.platform.TeamOwned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Something an organizer owes a contact. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
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
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();
    @Version
    public Long version;

    @Override
    public UUID teamId() {
        return teamId;
    }
}
