-- The places of the time report's "by unit" table, in the order it lists them: every unit of
-- every organization of the team (parents before their sub-units), each organization's people
-- in no unit, and the people in no organization; with the live people placed there now
-- (unit_headcount, kept by triggers, V19_2). The minutes come from time-people.sql's places.
-- Parameters: team.
with slots as (
  -- the zero id stands for "none" so the headcounts join by hash, not "is not distinct from"
  select u.organization_id, u.id as unit_id from unit u where u.team_id = :team
  union all
  select o.id, cast('00000000-0000-0000-0000-000000000000' as uuid) from organization o where o.team_id = :team
  union all
  select cast('00000000-0000-0000-0000-000000000000' as uuid), cast('00000000-0000-0000-0000-000000000000' as uuid)
), ranked as (
  -- the organizations in their order, ranked once: sorting the ~400 slots by the name of their
  -- organization compared it again for every pair of units of the same one (0.4 of ~1.8 ms)
  select o.id, o.name, row_number() over (order by lower(o.name), o.id) as rank
  from organization o where o.team_id = :team
), headcount as (
  select coalesce(h.organization_id, cast('00000000-0000-0000-0000-000000000000' as uuid)) as organization_id,
         coalesce(h.unit_id, cast('00000000-0000-0000-0000-000000000000' as uuid)) as unit_id,
         h.people
  from unit_headcount h
  where h.team_id = :team
)
select nullif(s.organization_id, cast('00000000-0000-0000-0000-000000000000' as uuid)) as organization_id,
       o.name as organization_name,
       nullif(s.unit_id, cast('00000000-0000-0000-0000-000000000000' as uuid)) as unit_id,
       u.name as unit_name, pu.name as parent_name, coalesce(h.people, 0) as people
from slots s
left join headcount h on h.organization_id = s.organization_id and h.unit_id = s.unit_id
left join ranked o on o.id = s.organization_id
left join unit u on u.id = s.unit_id and u.team_id = :team
left join unit pu on pu.id = u.parent_id and pu.team_id = :team
-- "no organization" (no rank) last: nulls sort last
order by o.rank, u.id is null,
         coalesce(pu.position, u.position), lower(coalesce(pu.name, u.name)), coalesce(pu.id, u.id),
         u.parent_id is not null, u.position, lower(u.name)
