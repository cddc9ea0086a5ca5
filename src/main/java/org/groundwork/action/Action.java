package org.groundwork.action;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.EditedTeamEntity;

import java.time.Instant;
import java.util.UUID;

/** A collective action or meeting: where the heat is. Organizers present live in action_organizer. */
@Entity
@Table(name = "action")
public class Action extends EditedTeamEntity {

    public UUID workId;
    public String title;
    public ActionKind kind = ActionKind.OTHER;
    public Instant startsAt;
    public int durationMinutes;
    public String location;
    public UUID createdBy;
}
