package org.groundwork.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.VersionedTeamEntity;

import java.util.UUID;

/** A part of an organization (department, floor, building, shift, area): a column on the wall chart. */
@Entity
@Table(name = "unit")
public class Unit extends VersionedTeamEntity {

    public UUID organizationId;
    public UUID parentId;
    public UnitKind kind = UnitKind.OTHER;
    public String name;
    public int position;
}
