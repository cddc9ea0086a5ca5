-- Floor of the movement report: the period's level changes of the team (creations, with no from
-- level, are not movement) counted per from-to pair, from the covering index
-- level_change_team_time_idx (an index-only scan). Why it is a floor: the report gives each
-- pair's number of changes in an arbitrary period, so any answer kept as one row per change
-- visits each of the period's changes at least once, whether it reads level_change (main:
-- grouped per person as well) or a table of moves such as feat-movement's level_move (V26_1:
-- counted over index ranges). The report's other parts (follow-ups and cooling at the period's
-- end, first-timers' follow-up, the people listed per pair, their names) come on top.
-- Filled in by bench.py (floors()): :team, :start, :end and, for one organizer, :org.
-- Its column n (the period's changes) is the figure printed beside it.
select l.from_level, l.to_level, count(*) as changes, sum(count(*)) over () as n
from level_change l
join contact o on o.id = l.contact_id and o.team_id = l.team_id and o.owner_id = :org -- if organizer
where l.team_id = :team and l.changed_at >= :start and l.changed_at < :end
  and l.from_level is not null
group by l.from_level, l.to_level
