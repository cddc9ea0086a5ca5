package org.groundwork.platform;

import io.quarkus.hibernate.orm.panache.Panache;

import java.util.Optional;
import java.util.UUID;

/**
 * The one way a service loads a team-owned row by id: the row of the team this request works
 * for ({@link TeamScope#team()}), or nothing. Another team's id looks exactly like an unknown
 * one, so no service compares team ids by hand. PostgreSQL's row-level security says the same
 * underneath (migration V14_1); this keeps the answer right in Java too, and the 404 clear.
 */
public final class TeamScoped {

    private TeamScoped() {
    }

    /**
     * The row with this id in the current team; empty for null, unknown and other teams' ids.
     * Asked outside any team's work (no organizer's request, no {@code runAs}) it fails: "not
     * found" would be a wrong answer there, given as if the row did not exist.
     */
    public static <T extends TeamOwned> Optional<T> find(Class<T> type, UUID id) {
        UUID team = TeamScope.team().orElseThrow(() -> new IllegalStateException(
                "A " + type.getSimpleName() + " was looked up outside any team's work (TeamScope has no team)"));
        if (id == null) {
            return Optional.empty();
        }
        T row = Panache.getEntityManager(type).find(type, id);
        return row != null && team.equals(row.teamId()) ? Optional.of(row) : Optional.empty();
    }

    /**
     * An id given as a list's filter ({@code ?contact=}, {@code ?owner=}): null (not given) passes;
     * an id that names no row of the current team is a 400 naming the parameter, as a malformed
     * one is ({@link Ids#filter}). An empty list would answer "none", which is not what was asked;
     * another team's id gets the same words as an unknown one.
     */
    public static <T extends TeamOwned> UUID filter(Class<T> type, UUID id, String parameter, String what) {
        filtering(type, id, parameter, what);
        return id;
    }

    /**
     * The row a query parameter names ({@code ?organizer=} of a report or the queue, {@code ?work=}),
     * by {@link #filter}'s rule: null when not given, a 400 naming the parameter when it names no
     * row of the team. A 404 is for the address's own path, which is fine here.
     */
    public static <T extends TeamOwned> T filtering(Class<T> type, UUID id, String parameter, String what) {
        if (id == null) {
            return null;
        }
        return find(type, id).orElseThrow(() -> Problems.unknownReference(parameter, what));
    }

    /** The row, or a 404 problem naming {@code what} ("contact", "follow-up"). */
    public static <T extends TeamOwned> T require(Class<T> type, UUID id, String what) {
        return find(type, id).orElseThrow(() -> Problems.notFound(what));
    }
}
