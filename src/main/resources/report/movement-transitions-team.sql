-- The movement report's level transitions for the whole team (one organizer's: movement-
-- transitions.sql), from level_move (V26_1): per from-to pair, the number of changes and of
-- people, and the people most recently moved first, cut to :max. The pairs' figures are counts
-- over a range of level_move_pair_idx: a person is counted at their first change of the pair in
-- the period, the one whose earlier_at (their previous change of the pair) is before it. The
-- list walks the same index back from the period's end: if its latest :window changes hold at
-- least :max people, those people and everyone moved at or after the earliest of them rank
-- first (the order is latest change first), so only that range is grouped; otherwise the whole
-- period of the pair is. Names are read only for the people listed, by id.
-- Parameters: team, start, end, max, window.
select p.from_level, p.to_level, y.contact_id, k.full_name, k.erased, n.changes, n.people
from (values ('new', 'less-involved'), ('new', 'cadre'), ('less-involved', 'new'),
             ('less-involved', 'cadre'), ('cadre', 'new'), ('cadre', 'less-involved')) p (from_level, to_level)
cross join lateral (select count(*) as changes,
                           count(*) filter (where m.earlier_at is null or m.earlier_at < :start) as people
                    from level_move m
                    where m.team_id = :team and m.from_level = p.from_level and m.to_level = p.to_level
                      and m.changed_at >= :start and m.changed_at < :end) n
cross join lateral (select min(w.changed_at) as since, count(distinct w.contact_id) as people
                    from (select m.changed_at, m.contact_id from level_move m
                          where m.team_id = :team and m.from_level = p.from_level and m.to_level = p.to_level
                            and m.changed_at >= :start and m.changed_at < :end
                          order by m.changed_at desc limit :window) w) s
cross join lateral (select m.contact_id, max(m.changed_at) as last_at from level_move m
                    where m.team_id = :team and m.from_level = p.from_level and m.to_level = p.to_level
                      and m.changed_at >= case when s.people >= :max then s.since else :start end
                      and m.changed_at < :end
                    group by m.contact_id
                    order by last_at desc, m.contact_id limit :max) y
left join lateral (select c.full_name, c.erased_at is not null as erased from contact c
                   where c.id = y.contact_id and c.team_id = :team offset 0) k on true
where n.changes > 0
order by p.from_level, p.to_level, y.last_at desc, y.contact_id
