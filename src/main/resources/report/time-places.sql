-- The team's time report's places (time-people.sql's list 'place', the same columns), run after
-- the figures on the transaction's connection while the people run on another (TimeReports).
-- Parameters: team, start, end, from, to; org, work.
with
-- include time-action-shares
-- include time-place-minutes
select 'place' as list, cast(null as uuid) as contact_id, cast(null as text) as full_name,
       cast(null as boolean) as erased, minutes, cast(null as bigint) as people, organization_id, unit_id
from places
