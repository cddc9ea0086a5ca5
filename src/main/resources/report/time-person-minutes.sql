-- The time report's people: the encounters' minutes per person, the first :people by minutes, and
-- how many people there were in all (column people of top). Included by time-people.sql (with the
-- places, one organizer's report) and time-persons.sql (the team's, whose places run on the other
-- connection: TimeReports): "-- include time-person-minutes" stands for this file. Common table
-- expressions after time-action-shares (act), with no comma after the last. Parameters: team,
-- start, end, people; org, work.
conv as (
  -- a conversation's minutes go to its contact
  select c.contact_id, cast(c.duration_minutes as float8) as minutes
  from conversation c
  where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end
    and c.organizer_id = :org -- if organizer
    and c.work_id = :work -- if work
),
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
)
