package org.groundwork.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.organization.ChartJson.Card;
import org.groundwork.organization.ChartJson.Chart;
import org.groundwork.organization.ChartJson.ChartFilter;
import org.groundwork.organization.ChartJson.Column;
import org.groundwork.organization.ChartJson.ColumnFigures;
import org.groundwork.organization.ChartJson.Leader;
import org.groundwork.organization.UnitJson.UnitView;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Organizer;
import org.groundwork.organizer.Team;
import org.groundwork.platform.Problems;
import org.groundwork.platform.TeamScoped;
import org.groundwork.platform.Word;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The wall chart of an organization and its organic leaders. Read-only SQL that joins contacts,
 * follow-ups, attendance and ties: one query for the cards, one for the column figures, one for
 * the units, whatever the size of the organization (no query per person or per column).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WallChart {

    /** "Talked to lately" on the column headers. */
    static final int TALKED_TO_DAYS = 30;
    /** Cards drawn per column before it folds (the column's own link shows them all). */
    static final int CARDS_SHOWN = 50;

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    OrganizationService organizations;
    @Inject
    UnitService units;

    /** The longest "not talked to for" the chart takes, in days (ten years); the page's box says it too (web/Limits). */
    public static final int QUIET_MAX = 3650;

    /**
     * The chart with its filters checked: a 400 naming the filter that names no organizer of the
     * team, no unit of this organization, or days out of range, never a chart that quietly drops it.
     */
    public Chart chart(UUID organizationId, ChartFilter filter) {
        Organization o = organizations.require(organizationId);
        TeamScoped.filter(Organizer.class, filter.ownerId(), "owner", "organizer");
        if (filter.quietDays() != null && (filter.quietDays() < 0 || filter.quietDays() > QUIET_MAX)) {
            throw Problems.invalid("quiet", "must be between 0 and " + QUIET_MAX);
        }
        List<UnitView> unitList = units.list(o.id);
        if (filter.unitId() != null && unitList.stream().noneMatch(u -> u.id().equals(filter.unitId()))) {
            // the units just read are this organization's of the caller's team, UnitService.inOrganization's rule:
            // a unit not among them is refused, as it refuses one (another organization's, another team's, none).
            // Read from the list itself, not looked up again: the lookup skipped the database only while the
            // persistence context still held the list's entities, which nothing here promised
            throw Problems.unknownReference("unit", "unit of this organization");
        }
        return assemble(o, current.team(), unitList, filter);
    }

    /**
     * What a chart whose filter was refused still draws above the message: the organization and how many
     * people it has; no columns, no cards (reading every card only to drop them took ~80 ms on 5,000 people).
     */
    public Chart heading(UUID organizationId) {
        Organization o = organizations.require(organizationId);
        long people = units.people(o.id).values().stream().mapToLong(Long::longValue).sum();
        return new Chart(o.id, o.name, List.of(), people, false);
    }

    /**
     * The columns in chart order, each with its figures and its first cards (no query per
     * column). A 5,000-person workplace would otherwise draw 5,000 cards (3 MB of HTML): each
     * column folds beyond {@link #CARDS_SHOWN} with a count and a link to the whole column.
     */
    Chart assemble(Organization o, Team team, List<UnitView> unitList, ChartFilter filter) {
        Map<UUID, String> names = new HashMap<>();
        unitList.forEach(u -> names.put(u.id(), u.name()));

        Map<UUID, ColumnFigures> figures = new HashMap<>();
        Map<UUID, Long> matching = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> counted = figuresQuery("", o, team, filter).getResultList();
        for (Object[] r : counted) {
            figures.put((UUID) r[0], new ColumnFigures(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6])));
            matching.put((UUID) r[0], n(r[7]));
        }
        Map<UUID, List<Card>> cards = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = cardsQuery("", o, team, filter).getResultList();
        for (Object[] r : rows) {
            Card card = new Card((UUID) r[0], (String) r[1], Word.parse(Level.class, (String) r[2], "level"),
                    Word.parse(Position.class, (String) r[3], "position"), (UUID) r[4], (UUID) r[5], (String) r[6],
                    r[7] == null ? null : ((Number) r[7]).intValue(), date(r[8]), Boolean.TRUE.equals(r[9]));
            cards.computeIfAbsent(card.unitId(), k -> new ArrayList<>()).add(card);
        }
        List<Column> columns = new ArrayList<>();
        for (UnitView u : unitList) {
            if (filter.noUnit() || filter.unitId() != null && !filter.unitId().equals(u.id())) {
                continue;
            }
            columns.add(new Column(u.id(), u.name(), u.parentId() == null ? null : names.get(u.parentId()), u.kind(),
                    figures.getOrDefault(u.id(), ColumnFigures.EMPTY), cards.getOrDefault(u.id(), List.of()),
                    matching.getOrDefault(u.id(), 0L)));
        }
        ColumnFigures none = figures.get(null);
        if (filter.unitId() == null && (none != null || unitList.isEmpty() || filter.noUnit())) {
            columns.add(new Column(null, null, null, null, none == null ? ColumnFigures.EMPTY : none,
                    cards.getOrDefault(null, List.of()), matching.getOrDefault(null, 0L)));
        }
        long people = figures.values().stream().mapToLong(ColumnFigures::people).sum();
        return new Chart(o.id, o.name, columns, people, filter.oneColumn());
    }

    /** The filters as SQL conditions on contact c, their values put in {@code params}. */
    private static String filters(ChartFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.level() != null) {
            sql.append(" and c.engagement_level = :level");
            params.put("level", filter.level().word());
        }
        if (filter.noOwner()) {
            sql.append(" and c.owner_id is null");
        } else if (filter.ownerId() != null) {
            sql.append(" and c.owner_id = :owner");
            params.put("owner", filter.ownerId());
        }
        // in days on the team's clocks, as the cards count them ("Talked 7 days ago" is not talked to for 7 days,
        // whatever the hour: a rolling 7 x 24 hours left out the evening's talks, a walk); 0 is everyone
        if (filter.quietDays() != null && filter.quietDays() > 0) {
            sql.append(" and (c.last_conversation_at is null or c.last_conversation_at < ")
                    .append(DAY_START.formatted("(:quiet - 1)")).append(")");
            params.put("quiet", filter.quietDays());
        }
        return sql.toString();
    }

    /** One column's first cards in chart order, read in index order (contact_chart_idx) and stopped at the limit. */
    private static final String COLUMN_CARDS = """
            select c.id, c.full_name, c.engagement_level, c.position, c.unit_id, c.owner_id, c.last_conversation_at,
                   row_number() over (order by case c.engagement_level when 'new' then 0 when 'less-involved' then 1 else 2 end,
                                               lower(c.full_name), c.id) as rank
            from contact c
            where c.team_id = :team and c.organization_id = :organization and c.erased_at is null
              and %s%s
            order by case c.engagement_level when 'new' then 0 when 'less-involved' then 1 else 2 end, lower(c.full_name), c.id
            limit :shown""";

    /**
     * The cards' statement: the first {@link #CARDS_SHOWN} matching people of each column (all of
     * one column when the filter names it): per unit a lateral read of the index in chart order
     * that stops at the limit, and the same for "no unit"; the owner's name, the next open
     * follow-up and the heat mark are looked up for the cards shown only. {@code prefix} is ""
     * or an EXPLAIN for the benchmark.
     */
    jakarta.persistence.Query cardsQuery(String prefix, Organization o, Team team, ChartFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("zone", team.timeZone);
        params.put("heat", team.heatWindowDays);
        params.put("team", o.teamId);
        params.put("organization", o.id);
        params.put("shown", filter.oneColumn() ? Integer.MAX_VALUE : CARDS_SHOWN);
        String conditions = filters(filter, params);
        List<String> parts = new ArrayList<>();
        if (!filter.noUnit()) {
            String which = "";
            if (filter.unitId() != null) {
                which = " and u.id = :unit";
                params.put("unit", filter.unitId());
            }
            parts.add("select m.* from unit u cross join lateral (" + COLUMN_CARDS.formatted("c.unit_id = u.id", conditions)
                    + ") m where u.team_id = :team and u.organization_id = :organization" + which);
        }
        if (filter.unitId() == null) {
            parts.add("select * from (" + COLUMN_CARDS.formatted("c.unit_id is null", conditions) + ") n");
        }
        String sql = prefix + """
                select m.id, m.full_name, m.engagement_level, m.position, m.unit_id, m.owner_id, ow.display_name,
                """ + DAYS_SINCE.formatted("m") + """
                       , (select min(f.due_on) from follow_up f
                         where f.contact_id = m.id and f.status = 'open' and f.team_id = :team),
                       exists (select 1 from first_action f
                                where f.team_id = :team and f.contact_id = m.id
                                  and f.first_at <= now() and now() < gw_heat_end(f.first_at, :zone, :heat))
                from (""" + String.join("\nunion all\n", parts) + """
                ) m
                left join organizer ow on ow.id = m.owner_id and ow.team_id = :team
                order by m.unit_id, m.rank""";
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query;
    }

    /**
     * Each column's figures in one grouped query (the key null is "no unit"), over everyone in
     * it, and how many of them the filters let through (a folded column's count).
     * {@code prefix} is "" or an EXPLAIN for the benchmark.
     */
    jakarta.persistence.Query figuresQuery(String prefix, Organization o, Team team, ChartFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("zone", team.timeZone);
        String conditions = filters(filter, params);
        var query = em.createNativeQuery((prefix + """
                        select c.unit_id, count(*),
                               count(*) filter (where c.engagement_level = 'new'),
                               count(*) filter (where c.engagement_level = 'less-involved'),
                               count(*) filter (where c.engagement_level = 'cadre'),
                               count(*) filter (where c.last_conversation_at >= %s),
                               count(c.owner_id),
                               count(*) filter (where true""" + conditions + """
                )
                        from contact c
                        where c.team_id = :team and c.organization_id = :organization and c.erased_at is null
                        group by c.unit_id""").formatted(DAY_START.formatted(":days")))
                .setParameter("days", TALKED_TO_DAYS)
                .setParameter("team", o.teamId)
                .setParameter("organization", o.id);
        params.forEach(query::setParameter);
        return query;
    }

    /**
     * The start of the day {@code %s} days before today on the team's clocks ({@code :zone}): the column's "talked to
     * in 30 days" (30 days ago at most, as the cards and the leaders count days) and the filter "not talked to for N
     * days" are in the cards' days. A subquery, so it is worked out once a statement, not on every contact's row (the
     * review: now() is stable, not folded, and a zone's conversion twice a row over a 5,000-person organization).
     */
    private static final String DAY_START = "(select cast(cast(now() at time zone :zone as date) - %s as timestamp) at time zone :zone)";

    /**
     * Days since anyone on the team talked with contact %1$s, on the team's clocks ({@code :zone}), null for never; a
     * conversation logged ahead (up to a day, for a slip of a clock or a zone) counts as today, never -1 days ago (a
     * walk). The chart's cards and the leaders list say it alike.
     */
    private static final String DAYS_SINCE = """
            case when %1$s.last_conversation_at is not null then greatest(0,
                cast(now() at time zone :zone as date) - cast(%1$s.last_conversation_at at time zone :zone as date)) end
            """;

    /**
     * The people of this organization others listen to, most listeners first; at equal counts
     * new, then less-involved, then cadre (the ones to move come first), then by name; the first
     * {@code limit} of them (in a large workplace nearly everyone has someone who listens to them).
     */
    public List<Leader> leaders(UUID organizationId, int limit) {
        Organization o = organizations.require(organizationId);
        Team team = current.team();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.id, c.full_name, c.engagement_level, c.position, c.unit_id,
                               case when pu.name is null then u.name else pu.name || ' · ' || u.name end, l.listeners,
                               c.owner_id, ow.display_name,
                        """ + DAYS_SINCE.formatted("c") + """
                        from (select t.other_contact_id as id, count(distinct t.contact_id) as listeners
                              from tie t
                              join contact target on target.id = t.other_contact_id and target.team_id = t.team_id
                              where t.team_id = :team and t.kind = 'listens-to' and target.organization_id = :organization
                              group by t.other_contact_id) l
                        join contact c on c.id = l.id and c.team_id = :team and c.erased_at is null
                        left join unit u on u.id = c.unit_id and u.team_id = c.team_id
                        left join unit pu on pu.id = u.parent_id and pu.team_id = u.team_id
                        left join organizer ow on ow.id = c.owner_id and ow.team_id = c.team_id
                        order by l.listeners desc,
                                 case c.engagement_level when 'new' then 0 when 'less-involved' then 1 else 2 end,
                                 lower(c.full_name), c.id
                        limit :limit""")
                .setParameter("limit", limit)
                .setParameter("zone", team.timeZone)
                .setParameter("team", o.teamId)
                .setParameter("organization", o.id)
                .getResultList();
        return rows.stream().map(r -> Leader.of((UUID) r[0], (String) r[1], Word.parse(Level.class, (String) r[2], "level"),
                Word.parse(Position.class, (String) r[3], "position"), (UUID) r[4], (String) r[5], n(r[6]),
                (UUID) r[7], (String) r[8], r[9] == null ? null : ((Number) r[9]).intValue())).toList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
