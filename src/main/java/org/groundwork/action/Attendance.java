package org.groundwork.action;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.TeamOwnedEntity;

import java.util.UUID;

/** A contact at an action. */
@Entity
@Table(name = "attendance")
public class Attendance extends TeamOwnedEntity {

    public UUID actionId;
    public UUID contactId;
    public boolean firstTime;
    public String notes;
    public UUID recordedBy;
}
