package org.groundwork.contact;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.TeamOwnedEntity;

import java.util.UUID;

/**
 * Who is close to whom, who listens to whom. {@code listens-to} is directed (contactId listens
 * to otherContactId); the other kinds go both ways and are stored once, the smaller id first.
 */
@Entity
@Table(name = "tie")
public class Tie extends TeamOwnedEntity {

    public UUID contactId;
    public UUID otherContactId;
    public TieKind kind;
    public String note;
    public UUID createdBy;
}
