-- The places of the time report's "by unit" table, in the order it lists them: every unit of
-- every organization of the team (parents before their sub-units), each organization's people
-- in no unit, and the people in no organization. Read only when the team's places changed
-- (report/TeamPlaces, team_places_version V28_2); the live people there come from
-- time-headcount.sql and the minutes from time-people.sql's places on every call.
-- Parameters: team.
with slots as (
  select u.organization_id, u.id as unit_id from unit u where u.team_id = :team
  union all
  select o.id, null from organization o where o.team_id = :team
  union all
  select null, null
), ranked as (
  -- the organizations in their order, ranked once: sorting the ~400 slots by the name of their
  -- organization compared it again for every pair of units of the same one (0.4 of ~1.8 ms)
  select o.id, o.name, row_number() over (order by lower(o.name), o.id) as rank
  from organization o where o.team_id = :team
)
select s.organization_id, o.name as organization_name, s.unit_id, u.name as unit_name, pu.name as parent_name
from slots s
left join ranked o on o.id = s.organization_id
left join unit u on u.id = s.unit_id and u.team_id = :team
left join unit pu on pu.id = u.parent_id and pu.team_id = :team
-- "no organization" (no rank) last: nulls sort last
order by o.rank, u.id is null,
         coalesce(pu.position, u.position), lower(coalesce(pu.name, u.name)), coalesce(pu.id, u.id),
         u.parent_id is not null, u.position, lower(u.name)
