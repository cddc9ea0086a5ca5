package org.groundwork.conversation;

import org.groundwork.platform.TeamOwned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.util.UUID;

/** A one-to-one between an organizer and a contact: the core record. */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public UUID contactId;
    public UUID organizerId;
    public UUID workId;
    public Instant occurredAt;
    public int durationMinutes;
    public Channel channel;
    public String summary;
    public String issues;
    public String commitments;
    public boolean politicalDiscussion;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();
    @Version
    public Long version;

    @Override
    public UUID teamId() {
        return teamId;
    }
}
