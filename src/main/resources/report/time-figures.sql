-- The time report's figures, one row each, named by the column "figure":
--   total, level, position, kind, work-level, work-position, week-level, first-timers
-- with the keys that figure is by (level, position, kind, work_id, week) and its minutes; the
-- work-level rows also name their work and what it is for (work_name, work_focus, work_mode,
-- work_justification), so the works need no statement of their own.
-- Conversations' minutes come from the daily summary (conversation_day, V6_1), which carries
-- the level at the time and the position already; the whole team's from its roll-up without the
-- organizers (team_day, V28_4), a sixth of the rows; action shares from the actions.
-- Parameters: team, tz (the team's zone), heat (heat window days), start and end (the period
-- as instants), from and to (its local dates); org (one organizer), work (one work).
with heat as materialized (
  -- first-timers whose heat window meets the period: their first action (first_action, V19_1)
  -- from the heat window and a day for the zone before the period to its end; the heat window
  -- runs from the action's start to the end of its last day in the team's zone
  select h.* from (
    select f.contact_id, f.first_at,
           gw_heat_end(f.first_at, :tz, :heat) as heat_end
    from first_action f
    where f.team_id = :team and f.first_at < :end
      and f.first_at >= cast(:start as timestamptz) - make_interval(days => :heat + 2)) h
  where h.heat_end > :start
),
-- include time-action-shares
fine as materialized (
  -- conversations: the summary's rows for the period's local dates, summed per (level,
  -- position, work, week); the week's Monday in date arithmetic (2000-01-03 was a Monday) is
  -- the same as date_trunc('week', day), which costs a third of this step
  select d.level, d.position, 'one-to-one' as kind, d.work_id,
         d.day - ((d.day - date '2000-01-03') % 7 + 7) % 7 as week,
         sum(cast(d.minutes as float8)) as minutes
  from team_day d -- if team
  from conversation_day d -- if organizer
  where d.team_id = :team and d.day >= :from and d.day <= :to
    and d.organizer_id = :org -- if organizer
    and d.work_id = :work -- if work
  group by 1, 2, 3, 4, 5
  -- a key's stripes can cancel out (V27_1); every conversation has at least a minute
  having sum(d.minutes) <> 0
  union all
  -- action shares, a few thousand: the position is kept on the attendance (V18_4)
  select coalesce(e.level, 'unrecorded'), coalesce(e.position, 'unrecorded'), 'group', e.work_id,
         cast(date_trunc('week', e.at at time zone :tz) as date), sum(e.minutes)
  from act e
  group by 1, 2, 3, 4, 5
), heat_minutes as (
  -- first-timers are few: their minutes are looked up by contact rather than joined against
  -- every encounter (the same rules as above, per first-timer)
  select cast(c.duration_minutes as float8) as minutes
  from heat h join conversation c on c.contact_id = h.contact_id and c.team_id = :team
  where c.occurred_at >= h.first_at and c.occurred_at < h.heat_end
    and c.occurred_at >= :start and c.occurred_at < :end
    and c.organizer_id = :org -- if organizer
    and c.work_id = :work -- if work
  union all
  -- their action shares are among the period's (act, above: the same split, scope and work), so
  -- they are picked from there instead of looked up again through attendance and action (on the
  -- benchmark data 474 buffers instead of 3,156 for one organizer's 30 days, 9,570 instead of
  -- 22,420 for the team's 90)
  select e.minutes from heat h join act e on e.contact_id = h.contact_id
  where e.at >= h.first_at and e.at < h.heat_end
)
select f.*, w.name as work_name, w.focus as work_focus, w.mode as work_mode,
       w.justification as work_justification
from (
  -- every figure in one pass over fine (grouping sets), not one scan and hash per figure; grouping()
  -- tells which set a row sums, since a key of it can itself be null (no work)
  select case when grouping(level, position, kind, work_id, week) = 31 then 'total'
              when grouping(work_id) = 0 and grouping(level) = 0 then 'work-level'
              when grouping(work_id) = 0 then 'work-position'
              when grouping(week) = 0 then 'week-level'
              when grouping(level) = 0 then 'level'
              when grouping(position) = 0 then 'position'
              else 'kind' end as figure,
         level, position, kind, work_id, week, sum(minutes) as minutes
  from fine
  group by grouping sets ((), (level), (position), (kind), (work_id, level), (work_id, position), (week, level))
  union all
  select 'first-timers', null, null, null, null, null, sum(minutes) from heat_minutes
) f
-- a work's name and aim on its by-level rows (a few per work)
left join work w on f.figure = 'work-level' and w.id = f.work_id and w.team_id = :team
