-- Open and overdue follow-ups at the end of the period (closed_at tells what was open then), and
-- the contacts cooling now, counted as the queue lists them; erased and do-not-contact people
-- are left out, as in the queue. An organizer's report: the follow-ups assigned to them, the
-- contacts they own.
-- Parameters: team, asOf (the period's end, or now), asOfDate (its date), cutoff (now minus the
-- team's cooling days); org.
select count(*) filter (where f.due_on is not null) as open_follow_ups,
       count(*) filter (where f.due_on < :asOfDate) as overdue_follow_ups,
       (select count(*) from contact k
        where k.team_id = :team and k.erased_at is null and not k.do_not_contact
          and k.owner_id = :org -- if organizer
          and coalesce(k.last_conversation_at, k.created_at) < :cutoff
          and not exists (select 1 from follow_up o where o.contact_id = k.id and o.status = 'open')) as cooling
from follow_up f join contact c on c.id = f.contact_id and c.team_id = f.team_id
where f.team_id = :team and f.created_at <= :asOf and (f.closed_at is null or f.closed_at > :asOf)
  and c.erased_at is null and not c.do_not_contact
  and f.assignee_id = :org -- if organizer
