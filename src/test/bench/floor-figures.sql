-- Floor of the time report's three sums together: the people list's (floor-people.sql: the period's
-- conversations summed per person, the top 100 kept, the people counted), the places' from their
-- summary (floor-places.sql), and the figures' groups from the daily summary (conversation_day: the
-- period's rows summed per level, position, work and week, the groups every figure of the report
-- is a sum over). No action shares, first-timers, names, figures' own sums or units list. Why it is a
-- floor: each of the three is every row of its source for the period, read once and grouped once;
-- the report cannot answer with less of any of them in this design (twelfth session).
-- work_mem as the report sets it. Filled in by bench.py (floors()): :team, :start, :end, :from, :to
-- and, for one organizer, :org. Its column n (the number of the figures' groups) is the figure printed.
with p as materialized (
  select c.contact_id, sum(cast(c.duration_minutes as float8)) as minutes
  from conversation c
  where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end
    and c.organizer_id = :org -- if organizer
  group by c.contact_id
), top as (
  select contact_id, minutes, (select count(*) from p) as people from p order by minutes desc, contact_id limit 100
), places as materialized (
  select d.organization_id, d.unit_id, sum(d.minutes) as minutes
  from conversation_place_day d
  where d.team_id = :team and d.day >= :from and d.day <= :to
    and d.organizer_id = :org -- if organizer
  group by 1, 2
), groups as materialized (
  select d.level, d.position, d.work_id, d.day - ((d.day - date '2000-01-03') % 7 + 7) % 7 as week,
         sum(d.minutes) as minutes
  from conversation_day d
  where d.team_id = :team and d.day >= :from and d.day <= :to
    and d.organizer_id = :org -- if organizer
  group by 1, 2, 3, 4
)
select t.contact_id, cast(null as uuid) as organization_id, cast(null as uuid) as unit_id, t.minutes, t.people,
       (select count(*) from groups) as n
from top t
union all
select null, organization_id, unit_id, minutes, null, null from places
union all
select null, null, null, minutes, null, null from groups
