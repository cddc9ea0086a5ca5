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
import org.groundwork.organizer.Team;
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

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    OrganizationService organizations;
    @Inject
    UnitService units;

    public Chart chart(UUID organizationId, ChartFilter filter) {
        Organization o = organizations.require(organizationId);
        Team team = current.team();
        List<UnitView> unitList = units.list(o.id);
        Map<UUID, String> names = new HashMap<>();
        unitList.forEach(u -> names.put(u.id(), u.name()));

        Map<UUID, ColumnFigures> figures = figures(o, team);
        Map<UUID, List<Card>> cards = new HashMap<>();
        for (Card card : cards(o, team, filter)) {
            cards.computeIfAbsent(card.unitId(), k -> new ArrayList<>()).add(card);
        }
        List<Column> columns = new ArrayList<>();
        for (UnitView u : unitList) {
            columns.add(new Column(u.id(), u.name(), u.parentId() == null ? null : names.get(u.parentId()), u.kind(),
                    figures.getOrDefault(u.id(), ColumnFigures.EMPTY), cards.getOrDefault(u.id(), List.of())));
        }
        ColumnFigures none = figures.get(null);
        if (none != null || unitList.isEmpty()) {
            columns.add(new Column(null, null, null, null, none == null ? ColumnFigures.EMPTY : none,
                    cards.getOrDefault(null, List.of())));
        }
        long people = figures.values().stream().mapToLong(ColumnFigures::people).sum();
        return new Chart(o.id, o.name, columns, people);
    }

    /** Everyone's card in one query: the follow-up date and the heat mark come from correlated index lookups. */
    List<Card> cards(Organization o, Team team, ChartFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select c.id, c.full_name, c.engagement_level, c.position, c.unit_id, c.owner_id, ow.display_name,
                       cast(now() at time zone :zone as date) - cast(c.last_conversation_at at time zone :zone as date),
                       (select min(f.due_on) from follow_up f
                         where f.contact_id = c.id and f.status = 'open' and f.team_id = c.team_id),
                       exists (select 1 from attendance at join action a on a.id = at.action_id and a.team_id = at.team_id
                                where at.team_id = c.team_id and at.contact_id = c.id and at.first_time
                                  and a.starts_at <= now() and a.starts_at >= now() - make_interval(days => :heat))
                from contact c
                left join organizer ow on ow.id = c.owner_id and ow.team_id = c.team_id
                where c.team_id = :team and c.organization_id = :organization and c.erased_at is null""");
        params.put("zone", team.timeZone);
        params.put("heat", team.heatWindowDays);
        params.put("team", o.teamId);
        params.put("organization", o.id);
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
        if (filter.quietDays() != null) {
            sql.append(" and (c.last_conversation_at is null or c.last_conversation_at < now() - make_interval(days => :quiet))");
            params.put("quiet", filter.quietDays());
        }
        sql.append(' ').append("""
                 order by case c.engagement_level when 'new' then 0 when 'less-involved' then 1 else 2 end,
                          lower(c.full_name), c.id""");
        var query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Card((UUID) r[0], (String) r[1], Word.parse(Level.class, (String) r[2], "level"),
                Word.parse(Position.class, (String) r[3], "position"), (UUID) r[4], (UUID) r[5], (String) r[6],
                r[7] == null ? null : ((Number) r[7]).intValue(), date(r[8]), Boolean.TRUE.equals(r[9]))).toList();
    }

    /** Each column's figures in one grouped query; the key null is "no unit". */
    Map<UUID, ColumnFigures> figures(Organization o, Team team) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.unit_id, count(*),
                               count(*) filter (where c.engagement_level = 'new'),
                               count(*) filter (where c.engagement_level = 'less-involved'),
                               count(*) filter (where c.engagement_level = 'cadre'),
                               count(*) filter (where c.last_conversation_at >= now() - make_interval(days => :days)),
                               count(c.owner_id)
                        from contact c
                        where c.team_id = :team and c.organization_id = :organization and c.erased_at is null
                        group by c.unit_id""")
                .setParameter("days", TALKED_TO_DAYS)
                .setParameter("team", o.teamId)
                .setParameter("organization", o.id)
                .getResultList();
        Map<UUID, ColumnFigures> figures = new HashMap<>();
        for (Object[] r : rows) {
            figures.put((UUID) r[0], new ColumnFigures(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6])));
        }
        return figures;
    }

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
                        select c.id, c.full_name, c.engagement_level, c.position, c.unit_id, u.name, l.listeners,
                               c.owner_id, ow.display_name,
                               cast(now() at time zone :zone as date) - cast(c.last_conversation_at at time zone :zone as date)
                        from (select t.other_contact_id as id, count(distinct t.contact_id) as listeners
                              from tie t
                              join contact target on target.id = t.other_contact_id and target.team_id = t.team_id
                              where t.team_id = :team and t.kind = 'listens-to' and target.organization_id = :organization
                              group by t.other_contact_id) l
                        join contact c on c.id = l.id and c.team_id = :team and c.erased_at is null
                        left join unit u on u.id = c.unit_id and u.team_id = c.team_id
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
