-- Floor of the time report's people list, first part: the period's conversations read, each one's
-- contact and minutes, from the covering index the report itself reads (an index-only scan of
-- conversation_report_team_idx, or conversation_report_organizer_idx for one organizer), and
-- nothing else. Why it is a floor: the people list ranks every person by their minutes over an
-- arbitrary period and counts them, so every conversation of the period is part of the answer; a
-- per-contact or per-contact-and-day summary would not shrink the set (about 0.4 conversations per
-- contact and month on the benchmark data), and a running total per contact would need two
-- lookups for each of the period's people instead. Any exact answer reads at least these rows.
-- Filled in by bench.py (floors()) as the app fills a report's statement: :team, :start, :end
-- (the request's period in the team's time zone) and, for one organizer's request, :org (lines
-- marked "-- if organizer" are kept only then). Its column n is the figure printed beside it.
select count(*) as n, sum(c.duration_minutes) as minutes
from conversation c
where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end
  and c.organizer_id = :org -- if organizer
