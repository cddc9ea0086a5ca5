-- The movement report's level transitions: per from-to pair, each person moved (creation rows,
-- with no from level, are not movement), with the pair's number of changes and of people, the
-- people ranked most recently moved first and cut to :max; names are read only for the people
-- listed, by id (the planner cannot foresee the rank cut: a plain join hashed every contact).
-- An organizer's report is about the contacts they own.
-- Parameters: team, start, end, max; org.
select y.from_level, y.to_level, y.contact_id, k.full_name, k.erased, y.changes, y.people
from (select * from (select x.*, sum(x.n) over w as changes, count(*) over w as people,
             row_number() over (partition by x.from_level, x.to_level
                                order by x.last_at desc, x.contact_id) as rank
      from (select l.from_level, l.to_level, l.contact_id, count(*) as n, max(l.changed_at) as last_at
            from level_change l
            join contact o on o.id = l.contact_id and o.team_id = l.team_id and o.owner_id = :org -- if organizer
            where l.team_id = :team and l.changed_at >= :start and l.changed_at < :end
              and l.from_level is not null
            group by l.from_level, l.to_level, l.contact_id) x
      window w as (partition by x.from_level, x.to_level)) ranked
      where ranked.rank <= :max offset 0) y
left join lateral (select c.full_name, c.erased_at is not null as erased from contact c
                   where c.id = y.contact_id and c.team_id = :team offset 0) k on true
order by y.from_level, y.to_level, y.rank
