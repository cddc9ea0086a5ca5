package org.groundwork.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.groundwork.platform.Ids;
import org.groundwork.platform.TeamOwned;

import java.time.Instant;
import java.util.UUID;

/**
 * Who is close to whom, who listens to whom. {@code listens-to} is directed (contactId listens
 * to otherContactId); the other kinds go both ways and are stored once, the smaller id first.
 */
@Entity
@Table(name = "tie")
public class Tie extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public UUID contactId;
    public UUID otherContactId;
    public TieKind kind;
    public String note;
    public UUID createdBy;
    public Instant createdAt = Instant.now();

    @Override
    public UUID teamId() {
        return teamId;
    }
}
