package org.groundwork.work;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.EditedTeamEntity;

/** One piece of our work, with what it is for and why. */
@Entity
@Table(name = "work")
public class Work extends EditedTeamEntity {

    public String name;
    public Focus focus;
    public Mode mode = Mode.BUILDING;
    public String justification;
    public boolean active = true;
}
