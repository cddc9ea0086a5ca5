package org.groundwork.conversation;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.EditedTeamEntity;

import java.time.Instant;
import java.util.UUID;

/** A one-to-one between an organizer and a contact: the core record. */
@Entity
@Table(name = "conversation")
public class Conversation extends EditedTeamEntity {

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
}
