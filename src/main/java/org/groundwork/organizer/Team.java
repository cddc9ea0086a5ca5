package org.groundwork.organizer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Organizers who share a base; the boundary no data crosses. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id = Ids.next();
    public String name;
    public String timeZone = "UTC";
    /** Days after an action within which a first-timer must be followed up. */
    public int heatWindowDays = 2;
    /** Days without a conversation after which a contact is "cooling". */
    public int coolingDays = 21;
    /**
     * The calling code of the team's country ('1', '44'…): imported phone numbers written
     * without it match stored ones written with it. Checked by the database as well.
     */
    public String phoneCountryCode = "1";
    /** Everyone must log in with a second factor. */
    public boolean twoFactorRequired;
    public Instant createdAt = Instant.now();
    @Version
    public Long version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
