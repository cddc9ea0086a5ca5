-- The time report's people and places:
--   list 'person': from one pass over the period's encounters themselves (the summaries have no
--                  contact), minutes per person: the first :people by minutes with their names,
--                  and how many people there were in all (column people, the same on every such row);
--   list 'place':  the minutes per organization and unit the people sit in now (null: none).
-- Parameters: team, start, end, from and to (the period's local dates), people (how many to list);
-- org, work.
with conv as (
  -- a conversation's minutes go to its contact
  select c.contact_id, cast(c.duration_minutes as float8) as minutes
  from conversation c
  where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end
    and c.organizer_id = :org -- if organizer
    and c.work_id = :work -- if work
),
-- include time-action-shares
per_person as materialized (
  -- conversations and action shares summed per person in one grouping (an action with nobody
  -- recorded goes to no one here); conversations straight from the table, so the planner can tell
  -- from its statistics that a team's quarter holds tens of thousands of people
  select contact_id, sum(minutes) as minutes
  from (select contact_id, minutes from conv
        union all
        select contact_id, minutes from act where contact_id is not null) m
  group by contact_id
), top as (
  -- counted apart from the ranking: a count(*) over () kept every person's row in a window
  select contact_id, minutes, (select count(*) from per_person) as people from per_person
  order by minutes desc, contact_id limit :people
), places as (
  -- minutes per place the people sit in now: the conversations' from their summary per place
  -- (conversation_place_day, V28_1, moved with its contact), so no person's place is looked up for
  -- them; the action shares' (a few hundred people) by their attendee's place
  select m.organization_id, m.unit_id, sum(m.minutes) as minutes
  from (select d.organization_id, d.unit_id, cast(d.minutes as float8) as minutes
        from conversation_place_day d
        where d.team_id = :team and d.day >= :from and d.day <= :to
          and d.organizer_id = :org -- if organizer
          and d.work_id = :work -- if work
        union all
        -- one lookup per attendee (offset 0): hashing the team's every contact cost the team's
        -- quarter ~24 ms for its ~5,800 attendees
        select k.organization_id, k.unit_id, a.minutes
        from act a cross join lateral (select k.organization_id, k.unit_id from contact k
                                       where k.id = a.contact_id and k.team_id = :team offset 0) k) m
  group by 1, 2
)
select 'person' as list, p.contact_id, k.full_name, k.erased_at is not null as erased, p.minutes, p.people,
       cast(null as uuid) as organization_id, cast(null as uuid) as unit_id
from top p left join contact k on k.id = p.contact_id and k.team_id = :team
union all
select 'place', null, null, null, minutes, null, organization_id, unit_id
from places
