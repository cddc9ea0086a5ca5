-- First-timers whose first action (the earliest one attended as a first-timer) started in the
-- period; how many had a conversation with anyone of the team from the action's start to the
-- end of the heat window's last day; the median hours until that first conversation; and how many
-- of the others can still be talked with in time (their window has not ended: not yet missed).
-- An organizer's report is about the contacts they own.
-- Parameters: team, tz, heat, start, end; org.
with first_timers as (
  -- their first action (first_action, V19_1) in the period
  select f.contact_id, f.first_at,
         gw_heat_end(f.first_at, :tz, :heat) as heat_end
  from first_action f
  join contact k on k.id = f.contact_id and k.team_id = :team and k.owner_id = :org -- if organizer
  where f.team_id = :team and f.first_at >= :start and f.first_at < :end
)
select count(*) as first_timers, count(c.at) as followed_up,
       count(*) filter (where c.at is null and t.heat_end > now()) as still_in_window,
       percentile_cont(0.5) within group (order by extract(epoch from c.at - t.first_at) / 3600) as median_hours
from first_timers t
cross join lateral (select min(cv.occurred_at) as at from conversation cv
                    where cv.contact_id = t.contact_id and cv.team_id = :team
                      and cv.occurred_at >= t.first_at and cv.occurred_at < t.heat_end) c
