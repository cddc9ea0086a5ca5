package org.groundwork.platform;

import java.util.UUID;

/** A row that belongs to one team (it has a team_id column): what {@link TeamScoped} loads. */
public interface TeamOwned {

    UUID teamId();
}
