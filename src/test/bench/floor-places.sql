-- Floor of the time report's people and places: the people list's floor (floor-people.sql: the
-- period's conversations summed per person, the top 100 kept, the people counted) and the minutes
-- per place the people sit in now, read from the summary kept per place (conversation_place_day,
-- V28_1): the period's rows summed per organization and unit. No action shares, names, figures or
-- units list. Why it is a floor: the people list needs every person's sum (floor-people.sql); a
-- place's minutes over an arbitrary period are the summary's rows of those days, each read once.
-- Before V28_1 the report, and this floor, looked up where each person sits instead (one
-- organizer's 30 days 8.4 ms, the team's 90 days 223.4 ms: docs/performance.md).
-- work_mem as the report sets it (TimeReports). Filled in by bench.py (floors()): :team, :start,
-- :end, :from, :to and, for one organizer, :org. Its column n (the number of places) is the figure
-- printed.
with p as materialized (
  select c.contact_id, sum(cast(c.duration_minutes as float8)) as minutes
  from conversation c
  where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end
    and c.organizer_id = :org -- if organizer
  group by c.contact_id
), top as (
  select contact_id, minutes, count(*) over () as people from p order by minutes desc, contact_id limit 100
), places as materialized (
  select d.organization_id, d.unit_id, sum(d.minutes) as minutes
  from conversation_place_day d
  where d.team_id = :team and d.day >= :from and d.day <= :to
    and d.organizer_id = :org -- if organizer
  group by 1, 2
)
select t.contact_id, cast(null as uuid) as organization_id, cast(null as uuid) as unit_id, t.minutes, t.people,
       (select count(*) from places) as n
from top t
union all
select null, organization_id, unit_id, minutes, null, null from places
