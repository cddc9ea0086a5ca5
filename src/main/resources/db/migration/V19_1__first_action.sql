-- Each contact's first action (the earliest action they attended as a first-timer), kept in a
-- table of its own. Both reports start from it: the time report's first-timer minutes (the heat
-- window after it) and the movement report's timeliness (first-timers of the period). They found
-- it by grouping first-time attendances per contact on every call: the movement report all 6,922
-- of a team, the time report those near the period with an index probe each for an earlier one.
-- Now both read a range of first_action_time_idx.
--
-- Kept by triggers, so no code path can forget it: attendances written (insert, update, delete,
-- and the action deletes that cascade to them) and actions moved in time recompute the first
-- action of the contacts they touch, from their first-time attendances, and write only where it
-- changes. A contact with no first-time attendance has no row. Like conversation_day it is
-- derived: left out of the team archive, rebuilt by the restore's inserts.

create table first_action (
    team_id    uuid        not null,
    contact_id uuid        not null,
    first_at   timestamptz not null,
    -- keyed by team first, like every team table (docs/operations.md: distributing by team)
    primary key (team_id, contact_id),
    foreign key (team_id, contact_id) references contact (team_id, id)
);
-- a team's first-timers of a period
create index first_action_time_idx on first_action (team_id, first_at) include (contact_id);
select gw_scope_to_team('first_action');

-- The first action of these contacts of one team, from their first-time attendances
-- (attendance_first_time_idx), written only where it changes; contacts with none lose their row.
create function gw_first_action_refresh(p_team uuid, p_contacts uuid[]) returns void
    language sql as
$$
with wanted as (
    select t.contact_id, min(a.starts_at) as first_at
    from attendance t join action a on a.id = t.action_id and a.team_id = t.team_id
    where t.team_id = p_team and t.contact_id = any (p_contacts) and t.first_time
    group by t.contact_id
), gone as (
    delete from first_action f
    where f.team_id = p_team and f.contact_id = any (p_contacts)
      and not exists (select from wanted w where w.contact_id = f.contact_id)
)
insert into first_action as f (team_id, contact_id, first_at)
select p_team, w.contact_id, w.first_at from wanted w
order by w.contact_id
on conflict (team_id, contact_id) do update set first_at = excluded.first_at
    where f.first_at is distinct from excluded.first_at;
$$;

-- Attendances written: only first-time rows (before or after) can change a first action.
create function gw_first_action_attendance_inserted() returns trigger
    language plpgsql as
$$
begin
    perform gw_first_action_refresh(team_id, array_agg(distinct contact_id))
    from new_rows where first_time group by team_id;
    return null;
end
$$;
create function gw_first_action_attendance_updated() returns trigger
    language plpgsql as
$$
begin
    perform gw_first_action_refresh(r.team_id, array_agg(distinct r.contact_id))
    from (select team_id, contact_id from old_rows where first_time
          union all
          select team_id, contact_id from new_rows where first_time) r
    group by r.team_id;
    return null;
end
$$;
create function gw_first_action_attendance_deleted() returns trigger
    language plpgsql as
$$
begin
    perform gw_first_action_refresh(team_id, array_agg(distinct contact_id))
    from old_rows where first_time group by team_id;
    return null;
end
$$;
create trigger first_action_attendance_insert
    after insert on attendance referencing new table as new_rows
    for each statement execute function gw_first_action_attendance_inserted();
create trigger first_action_attendance_update
    after update on attendance referencing old table as old_rows new table as new_rows
    for each statement execute function gw_first_action_attendance_updated();
create trigger first_action_attendance_delete
    after delete on attendance referencing old table as old_rows
    for each statement execute function gw_first_action_attendance_deleted();

-- An action moved in time: its first-timers' first action may be another one now.
create function gw_first_action_action_moved() returns trigger
    language plpgsql as
$$
begin
    perform gw_first_action_refresh(new.team_id,
        array(select contact_id from attendance where action_id = new.id and first_time));
    return null;
end
$$;
create trigger first_action_action_moved
    after update of starts_at on action
    for each row when (old.starts_at is distinct from new.starts_at)
    execute function gw_first_action_action_moved();

-- fill from what exists
insert into first_action (team_id, contact_id, first_at)
select t.team_id, t.contact_id, min(a.starts_at)
from attendance t join action a on a.id = t.action_id and a.team_id = t.team_id
where t.first_time
group by t.team_id, t.contact_id
order by t.team_id, t.contact_id;
analyze first_action;
