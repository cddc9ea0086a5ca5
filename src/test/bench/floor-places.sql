-- Floor of the time report's people and places: the period's conversations summed per person
-- (floor-people.sql, without the ranking), then each person's minutes added to the place they sit
-- in now (organization and unit, from contact_place_idx, V25_1), as the report's "by unit" table
-- needs; no action shares, names, figures, ranking or units list. Why it is a floor: a place's
-- minutes are the sum over the people who sit there now of their minutes in the period, and where
-- people sit changes independently of their conversations, so no summary kept by conversation can
-- hold them; any exact answer has each person's sum and looks up each person's place.
-- The team's tens of thousands of people are joined to contact by hash; one organizer's few
-- thousand are found in one sorted pass over the index for all their ids (left to the planner,
-- it sometimes hashed all 100,000 contacts instead: 25.6 ms against 7.4 ms in two runs).
-- work_mem as the report sets it (TimeReports). Filled in by bench.py (floors()): :team, :start,
-- :end and, for one organizer, :org. Its column n (the number of places) is the figure printed.
with p as materialized (
  select c.contact_id, sum(cast(c.duration_minutes as float8)) as minutes
  from conversation c
  where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end
    and c.organizer_id = :org -- if organizer
  group by c.contact_id)
select k.organization_id, k.unit_id, sum(p.minutes) as minutes, count(*) over () as n
from p
join contact k on k.id = p.contact_id and k.team_id = :team
  and k.id = any(array(select contact_id from p order by contact_id)) -- if organizer
group by 1, 2
