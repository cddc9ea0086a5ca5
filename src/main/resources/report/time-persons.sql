-- The team's time report's people (time-people.sql's list 'person', the same columns), run on a
-- connection of its own while the other runs the figures and the places (TimeReports).
-- Parameters: team, start, end, people; org, work.
with
-- include time-action-shares
-- include time-person-minutes
select 'person' as list, p.contact_id, k.full_name, k.erased_at is not null as erased, p.minutes, p.people,
       cast(null as uuid) as organization_id, cast(null as uuid) as unit_id
from top p left join contact k on k.id = p.contact_id and k.team_id = :team
