-- The action shares, the one copy of the split-evenly rule, included by time-figures.sql and
-- time-people.sql (ReportSql: "-- include time-action-shares" stands for this file): an action's
-- minutes, for each organizer present (in scope), split evenly over its attendees, or to no one
-- (contact null: "unrecorded") when nobody is recorded. One row per share, with the action's work
-- and start and the attendee's level at the time, position and place now (kept on the attendance:
-- V18_4, V28_3). A common table expression followed by its comma. Parameters: team, start, end; org, work.
act as materialized (
  select att.contact_id, a.work_id, a.starts_at as at,
         cast(a.duration_minutes * p.present as float8) / count(*) over (partition by a.id) as minutes,
         att.level_at_time as level, att.position, att.organization_id, att.unit_id
  -- the period's actions first (offset 0: by action_team_time_idx), not all of the team's read in
  -- id order for the attendee count (3,000 actions on the benchmark data, 2,900 buffers more)
  from (select a.id, a.team_id, a.work_id, a.starts_at, a.duration_minutes from action a
        where a.team_id = :team and a.starts_at >= :start and a.starts_at < :end
          and a.work_id = :work -- if work
        offset 0) a
  cross join lateral (select count(*) as present from action_organizer ao
                      where ao.action_id = a.id and ao.team_id = a.team_id
                        and ao.organizer_id = :org -- if organizer
  ) p
  -- offset 0 keeps this a per-action index lookup rather than a scan of all attendance
  left join lateral (select t.contact_id, t.level_at_time, t.position, t.organization_id, t.unit_id from attendance t
                     where t.action_id = a.id and t.team_id = a.team_id offset 0) att on true
  where p.present > 0
),
