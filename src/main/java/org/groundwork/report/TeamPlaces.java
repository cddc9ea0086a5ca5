package org.groundwork.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.report.ReportSql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.groundwork.report.Rows.uuid;

/**
 * Each team's places, in the order the time report's "by unit" table lists them and with the
 * names it shows (time-units.sql), kept in memory while the team's places version
 * (team_places_version, V28_2) stays the one they were read at. Ordering and naming the places
 * cost every report ~1.3 ms of SQL though they change only when someone edits the team's
 * organizations or units; the version changes in the transaction that edits them, by whatever
 * path, so an instance reads the places again on the first report after the change commits,
 * whichever instance made it.
 */
@ApplicationScoped
class TeamPlaces {

    /**
     * Where people sit: an organization and a unit of it; null for none. Every report looks up each
     * of the team's places in two maps; a record's own equals and hashCode go through method handles
     * that the shipped JVM's C1 compiler does not inline (TieredStopAtLevel=1: docs/architecture.md),
     * and on the benchmark data they were a tenth of the JVM's samples for one organizer's report.
     */
    record Place(UUID organization, UUID unit) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Place p && Objects.equals(organization, p.organization) && Objects.equals(unit, p.unit);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(organization) + Objects.hashCode(unit);
        }
    }

    /** A place with its organization's name and its own ("Night shift · Weekend"); null: none. */
    record Named(Place place, String organizationName, String name) {
    }

    private record Known(long version, List<Named> places) {
    }

    /**
     * Teams kept at most; past it, all are forgotten and read again as they are asked for. A team
     * of 400 units takes ~50 KB, so the most this keeps is ~10 MB of the heap for teams that size.
     */
    static final int TEAMS_KEPT = 200;

    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    /** The team's places at this version: the ones kept, or read now (in the caller's transaction). */
    List<Named> at(UUID team, long version) {
        Known kept = known.get(team);
        if (kept != null && kept.version() == version) {
            return kept.places();
        }
        List<Named> places = read(team);
        if (known.size() >= TEAMS_KEPT) {
            known.clear();
        }
        known.put(team, new Known(version, places));
        return places;
    }

    private List<Named> read(UUID team) {
        List<Named> places = new ArrayList<>();
        for (Row r : ReportSql.rows(em, "", "time-units", Set.of(), Map.of("team", team))) {
            String unit = (String) r.get("unit_name");
            String parent = (String) r.get("parent_name");
            places.add(new Named(new Place(uuid(r.get("organization_id")), uuid(r.get("unit_id"))),
                    (String) r.get("organization_name"),
                    unit == null ? null : parent == null ? unit : parent + " · " + unit));
        }
        return List.copyOf(places);
    }
}
