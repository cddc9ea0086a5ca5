-- The time report's people and places in one statement (one organizer's report, where the two
-- share the action shares' step and together take about as long as the figures):
--   list 'person': from one pass over the period's encounters themselves (the summaries have no
--                  contact), minutes per person: the first :people by minutes with their names,
--                  and how many people there were in all (column people, the same on every such row);
--   list 'place':  the minutes per organization and unit the people sit in now (null: none).
-- The team's report runs the two apart (time-persons.sql, time-places.sql): its people alone take
-- about as long as its figures and places together. The same columns in all three.
-- Parameters: team, start, end, from and to (the period's local dates), people (how many to list);
-- org, work.
with
-- include time-action-shares
-- include time-person-minutes
,
-- include time-place-minutes
select 'person' as list, p.contact_id, k.full_name, k.erased_at is not null as erased, p.minutes, p.people,
       cast(null as uuid) as organization_id, cast(null as uuid) as unit_id
from top p left join contact k on k.id = p.contact_id and k.team_id = :team
union all
select 'place', null, null, null, minutes, null, organization_id, unit_id
from places
