-- The time report's places: the minutes per organization and unit the people sit in now (null:
-- none). Included by time-people.sql (with the people, one organizer's report) and
-- time-places.sql (the team's, run beside its figures: TimeReports): "-- include
-- time-place-minutes" stands for this file. A common table expression after time-action-shares
-- (act), with no comma after it. Parameters: team, from and to (the period's local dates); org, work.
-- "everyone": the whole team's report of all work (TimeReports.holding).
places as (
  -- minutes per place the people sit in now: the conversations' from their summary per place,
  -- moved with its contact (the whole team's of all work: team_place_day, V28_3, a roll-up per day
  -- and place; else conversation_place_day, V28_1, per organizer and work too), so no person's
  -- place is looked up; the action shares' by the place kept on the attendance (V28_3)
  select m.organization_id, m.unit_id, sum(m.minutes) as minutes
  from (select d.organization_id, d.unit_id, cast(d.minutes as float8) as minutes
        from team_place_day d -- if everyone
        from conversation_place_day d -- if not everyone
        where d.team_id = :team and d.day >= :from and d.day <= :to
          and d.organizer_id = :org -- if organizer
          and d.work_id = :work -- if work
        union all
        select a.organization_id, a.unit_id, a.minutes from act a where a.contact_id is not null) m
  group by 1, 2
)
