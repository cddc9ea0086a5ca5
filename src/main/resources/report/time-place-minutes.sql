-- The time report's places: the minutes per organization and unit the people sit in now (null:
-- none). Included by time-people.sql (with the people, one organizer's report) and
-- time-places.sql (the team's, run beside its figures: TimeReports): "-- include
-- time-place-minutes" stands for this file. A common table expression after time-action-shares
-- (act), with no comma after it. Parameters: team, from and to (the period's local dates); org, work.
places as (
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
