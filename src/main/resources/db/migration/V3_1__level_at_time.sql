-- Reports count minutes by the level a contact had when the time was spent. Looking that up
-- in level_change per report row (a lateral join) costs seconds on a team's 90 days, so each
-- encounter row keeps its level at the time, kept by triggers here: the features that write
-- conversations, attendance, actions and level changes need no code for it.

-- The level of a contact at a moment: the latest change at or before it; before the first
-- one, the level the contact was created with (the creation row, the one without from_level);
-- with no history at all (rows written outside the contacts API), the contact's own level.
create function gw_level_at(p_contact uuid, p_at timestamptz) returns text
    language sql stable as
$$
select coalesce(
    (select l.to_level from level_change l
     where l.contact_id = p_contact and l.changed_at <= p_at
     order by l.changed_at desc, l.id desc limit 1),
    (select l.to_level from level_change l
     where l.contact_id = p_contact
     order by (l.from_level is null) desc, l.created_at, l.id limit 1),
    (select c.engagement_level from contact c where c.id = p_contact))
$$;

alter table conversation add column level_at_time text
    check (level_at_time in ('new', 'less-involved', 'cadre'));
alter table attendance add column level_at_time text
    check (level_at_time in ('new', 'less-involved', 'cadre'));

-- a conversation's level follows its contact and its time
create function gw_conversation_level() returns trigger
    language plpgsql as
$$
begin
    new.level_at_time := gw_level_at(new.contact_id, new.occurred_at);
    return new;
end
$$;
create trigger conversation_level_at_time
    before insert or update of contact_id, occurred_at on conversation
    for each row execute function gw_conversation_level();

-- an attendance's level is the one at its action's start
create function gw_attendance_level() returns trigger
    language plpgsql as
$$
begin
    new.level_at_time := gw_level_at(new.contact_id,
        (select a.starts_at from action a where a.id = new.action_id));
    return new;
end
$$;
create trigger attendance_level_at_time
    before insert or update of contact_id, action_id on attendance
    for each row execute function gw_attendance_level();

-- an action moved in time: its attendees' levels are those at the new start
create function gw_action_moved() returns trigger
    language plpgsql as
$$
begin
    update attendance t set level_at_time = x.level
    from (select id, gw_level_at(contact_id, new.starts_at) as level from attendance where action_id = new.id) x
    where t.id = x.id and t.level_at_time is distinct from x.level;
    return null;
end
$$;
create trigger action_level_at_time
    after update of starts_at on action
    for each row when (old.starts_at is distinct from new.starts_at)
    execute function gw_action_moved();

-- A level change (back-dated ones too) recomputes that contact's rows it can affect: those
-- at or after it, or all of them when the creation row (the fallback level) moves. Only rows
-- whose level really changes are written, so unchanged rows make no dead tuples.
create function gw_level_changed() returns trigger
    language plpgsql as
$$
declare
    v_contact uuid;
    v_since   timestamptz;
begin
    if tg_op = 'INSERT' and new.from_level is not null then
        v_contact := new.contact_id;
        v_since := new.changed_at;
    elsif tg_op = 'DELETE' then
        v_contact := old.contact_id;
        v_since := '-infinity';
    else
        v_contact := new.contact_id;
        v_since := '-infinity';
    end if;
    update conversation t set level_at_time = x.level
    from (select id, gw_level_at(contact_id, occurred_at) as level
          from conversation where contact_id = v_contact and occurred_at >= v_since) x
    where t.id = x.id and t.level_at_time is distinct from x.level;
    update attendance t set level_at_time = x.level
    from (select att.id, gw_level_at(att.contact_id, a.starts_at) as level
          from attendance att join action a on a.id = att.action_id
          where att.contact_id = v_contact and a.starts_at >= v_since) x
    where t.id = x.id and t.level_at_time is distinct from x.level;
    if tg_op = 'UPDATE' and old.contact_id <> new.contact_id then
        update conversation set level_at_time = gw_level_at(contact_id, occurred_at) where contact_id = old.contact_id;
        update attendance t set level_at_time = gw_level_at(t.contact_id, a.starts_at)
        from action a where a.id = t.action_id and t.contact_id = old.contact_id;
    end if;
    return null;
end
$$;
create trigger level_change_level_at_time
    after insert or update or delete on level_change
    for each row execute function gw_level_changed();

-- backfill what exists
update conversation set level_at_time = gw_level_at(contact_id, occurred_at);
update attendance t set level_at_time = gw_level_at(t.contact_id, a.starts_at)
from action a where a.id = t.action_id;
alter table conversation alter column level_at_time set not null;
alter table attendance alter column level_at_time set not null;

-- The time report reads only these columns: index-only scans for one organizer's period and
-- for a team's period.
create index conversation_report_organizer_idx on conversation (team_id, organizer_id, occurred_at)
    include (contact_id, work_id, duration_minutes, level_at_time);
create index conversation_report_team_idx on conversation (team_id, occurred_at)
    include (contact_id, work_id, duration_minutes, level_at_time, organizer_id);
-- an action's attendees with their level, and first-timers' first actions
create index attendance_report_idx on attendance (action_id) include (contact_id, level_at_time, first_time);
create index attendance_first_time_idx on attendance (team_id, contact_id, action_id) where first_time;
-- the movement report: a team's level changes in a period
create index level_change_team_time_idx on level_change (team_id, changed_at) include (contact_id, from_level, to_level);
