-- The movement report's counts for the whole team (one organizer's: movement-counts.sql, whose
-- follow-ups are the organizer's and contacts theirs, two different sets), in one pass over the
-- team's live contacts instead of two: open and overdue follow-ups at the end of the period
-- (closed_at tells what was open then) and the contacts cooling now, counted as the queue lists
-- them; erased and do-not-contact people are left out, as in the queue. Each contact meets its
-- follow-ups' figures, summed per contact (only follow-ups open now or at the end of the period).
-- Parameters: team, asOf (the period's end, or now), asOfDate (its date), cutoff (now minus the
-- team's cooling days).
select coalesce(sum(f.open_then), 0) as open_follow_ups,
       coalesce(sum(f.overdue_then), 0) as overdue_follow_ups,
       count(*) filter (where coalesce(k.last_conversation_at, k.created_at) < :cutoff
                          and f.open_now is not true) as cooling
from contact k
left join (select f.contact_id,
                  cast(count(*) filter (where f.due_on is not null and f.created_at <= :asOf
                                          and (f.closed_at is null or f.closed_at > :asOf)) as int) as open_then,
                  cast(count(*) filter (where f.due_on < :asOfDate and f.created_at <= :asOf
                                          and (f.closed_at is null or f.closed_at > :asOf)) as int) as overdue_then,
                  bool_or(f.status = 'open') as open_now
           from follow_up f
           where f.team_id = :team
             and (f.status = 'open' or (f.created_at <= :asOf and (f.closed_at is null or f.closed_at > :asOf)))
           group by f.contact_id) f on f.contact_id = k.id
where k.team_id = :team and k.erased_at is null and not k.do_not_contact
