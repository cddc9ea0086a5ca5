-- The time report counts an action's minutes by the position its attendees hold now. It looked
-- each attendee's position up in contact, one index lookup per share (6,112 for a team's 90 days
-- on the benchmark data, ~150 ms). The position is now kept on the attendance row, like
-- level_at_time, and read with it from attendance_report_idx.
--
-- Kept by triggers, so no code path can forget it: set when an attendance is written (the row
-- trigger of V3_1 that sets level_at_time), and rewritten when a contact's position changes (the
-- statement trigger of V6_1 that already finds the contacts whose position changed; contact
-- updates that move nobody, such as last_conversation_at, still stop at its first check).
-- Erasure keeps the position; the restore inserts attendances after contacts, so the row trigger
-- fills it (the archive leaves it out: ArchiveFormat.COLUMNS_LEFT_OUT).

alter table attendance add column position text
    check (position in ('base', 'officer', 'staff', 'ally', 'political-group'));

create or replace function gw_attendance_level() returns trigger
    language plpgsql as
$$
begin
    new.level_at_time := gw_level_at(new.contact_id,
        (select a.starts_at from action a where a.id = new.action_id));
    new.position := (select k.position from contact k where k.id = new.contact_id);
    return new;
end
$$;

create or replace function gw_conversation_day_contact_moved() returns trigger
    language plpgsql as
$$
declare
    v_moved bigint;
    v_empty conversation_day[];
begin
    -- Most contact updates (last_conversation_at on every conversation written) move nobody.
    -- A count, not "not exists": for exists the planner picks a nested loop, fast to a first
    -- match and 25 million comparisons when 5,000 updated contacts hold none.
    select count(*) into v_moved
    from old_contacts o join new_contacts n on n.id = o.id
    where o.position is distinct from n.position;
    if v_moved = 0 then
        return null;
    end if;
    -- their attendances carry the position too (V18_4)
    update attendance t set position = n.position
    from old_contacts o join new_contacts n on n.id = o.id
    where o.position is distinct from n.position
      and t.contact_id = n.id and t.position is distinct from n.position;
    with moved as (
        select n.id, coalesce(o.position, 'unrecorded') as old_position, coalesce(n.position, 'unrecorded') as new_position
        from old_contacts o join new_contacts n on n.id = o.id
        where o.position is distinct from n.position
    ), up as (
        insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, minutes, conversations)
        select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
               c.level_at_time, p.position, sum(p.sign * c.duration_minutes), sum(p.sign)
        from moved m
        -- each moved contact's conversations by index (offset 0: the plan is kept across calls,
        -- and one made for thousands of moved contacts scans every conversation even for one)
        cross join lateral (select c.team_id, c.organizer_id, c.occurred_at, c.work_id, c.level_at_time,
                                   c.duration_minutes
                            from conversation c where c.contact_id = m.id offset 0) c
        join team t on t.id = c.team_id
        cross join lateral (values (m.old_position, -1), (m.new_position, 1)) p(position, sign)
        group by 1, 2, 3, 4, 5, 6
        having sum(p.sign) <> 0 or sum(p.sign * c.duration_minutes) <> 0
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, level, position) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary)
    select array_agg(summary) into v_empty from up where (summary).conversations = 0;
    perform gw_conversation_day_drop_empty(v_empty);
    return null;
end
$$;

-- backfill what exists
update attendance t set position = k.position from contact k where k.id = t.contact_id;
alter table attendance alter column position set not null;

-- the action shares read the position with the attendee and the level
drop index attendance_report_idx;
create index attendance_report_idx on attendance (action_id) include (contact_id, level_at_time, first_time, position);
analyze attendance;
