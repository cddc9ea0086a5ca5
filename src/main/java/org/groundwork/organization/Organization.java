package org.groundwork.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.VersionedTeamEntity;

/** A workplace, union, building, tenant association… that contacts belong to. */
@Entity
@Table(name = "organization")
public class Organization extends VersionedTeamEntity {

    public String name;
    public OrganizationKind kind = OrganizationKind.OTHER;
}
