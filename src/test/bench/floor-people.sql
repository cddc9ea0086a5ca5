-- Floor of the time report's people list: the period's conversations read (floor-conversations.sql)
-- and summed per person, the top 100 by minutes kept and the people counted, as the list ranks
-- and counts them; no action shares, names, places, figures or units. Why it is a floor: the
-- list is every person's sum over an arbitrary period, ranked; finding the first 100 and how many
-- there are needs each person's sum, so any exact answer groups at least these rows by person.
-- work_mem as the report sets it (TimeReports), so the grouping is hashed in memory as there.
-- Filled in by bench.py (floors()): :team, :start, :end and, for one organizer, :org.
-- Its column n (the number of people) is the figure printed beside it.
select c.contact_id, sum(cast(c.duration_minutes as float8)) as minutes, count(*) over () as n
from conversation c
where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end
  and c.organizer_id = :org -- if organizer
group by c.contact_id
order by minutes desc, c.contact_id
limit 100
