-- The whole team's time report read its places (time-place-minutes.sql) from two sources, and
-- both cost more than the rest of its statement (docs/performance.md, fifteenth session):
--   the conversations' from conversation_place_day, whose rows are per organizer and work as well
--   as per day and place: 113,000 rows for the team's quarter on the benchmark data, summed into
--   420 places (~60 ms);
--   the action shares' by each attendee's place now, one lookup into contact_place_idx per
--   attendee: 5,600 for the team's quarter (~25 ms), 160 for one organizer's month.
-- Now:
--   team_place_day keeps the conversations' minutes per (team, local day, organization, unit), the
--   team's quarter in ~36,000 rows; the whole team's report of all work reads it, a report of one
--   organizer or one work still reads conversation_place_day. It is a roll-up of
--   conversation_place_day kept by statement triggers on that table, so every path that keeps
--   conversation_place_day (conversations logged, changed or deleted, a contact moved, a unit
--   removed, organizations merged, a time zone changed, a team restored) keeps this one with it,
--   with no second copy of those rules.
--   attendance carries its contact's place now (organization_id, unit_id), as it carries the
--   position (V18_4): set by the same row trigger when an attendance is written, rewritten by the
--   same statement trigger when a contact moves; the action shares read it with the attendee.
-- Stripes as in conversation_place_day (V27_1), carried over from its rows: concurrent logs for
-- people of one place on one day write different rows and do not wait for each other's commit
-- (ConversationDayTest); readers sum over stripes. Measured: POST throughput unchanged within noise
-- at 16 connections. Rows reaching zero are kept: a place with no minutes reads as one without a row. No foreign keys to team, organization or
-- unit, for the reasons of V28_1 and V28_2. Derived, so the team archive leaves both out
-- (ArchiveFormat) and the restore's triggers fill them.

alter table attendance add column organization_id uuid, add column unit_id uuid;

create or replace function gw_attendance_level() returns trigger
    language plpgsql as
$$
begin
    new.level_at_time := gw_level_at(new.contact_id,
        (select a.starts_at from action a where a.id = new.action_id));
    select k.position, k.organization_id, k.unit_id into new.position, new.organization_id, new.unit_id
    from contact k where k.id = new.contact_id;
    return new;
end
$$;

create or replace function gw_conversation_day_contact_moved() returns trigger
    language plpgsql as
$$
declare
    v_moved bigint;
    v_empty conversation_day[];
    v_empty_places conversation_place_day[];
begin
    -- Most contact updates (last_conversation_at on every conversation written) move nobody.
    -- A count, not "not exists": for exists the planner picks a nested loop, fast to a first
    -- match and 25 million comparisons when 5,000 updated contacts hold none.
    select count(*) into v_moved
    from old_contacts o join new_contacts n on n.id = o.id
    where o.position is distinct from n.position
       or o.organization_id is distinct from n.organization_id or o.unit_id is distinct from n.unit_id;
    if v_moved = 0 then
        return null;
    end if;
    -- the attendances carry the position (V18_4) and the place (V28_3) too
    update attendance t set position = n.position, organization_id = n.organization_id, unit_id = n.unit_id
    from old_contacts o join new_contacts n on n.id = o.id
    where (o.position is distinct from n.position
           or o.organization_id is distinct from n.organization_id or o.unit_id is distinct from n.unit_id)
      and t.contact_id = n.id
      and (t.position is distinct from n.position
           or t.organization_id is distinct from n.organization_id or t.unit_id is distinct from n.unit_id);
    with moved as (
        select n.id, coalesce(o.position, 'unrecorded') as old_position, coalesce(n.position, 'unrecorded') as new_position,
               o.organization_id as old_organization, o.unit_id as old_unit,
               n.organization_id as new_organization, n.unit_id as new_unit
        from old_contacts o join new_contacts n on n.id = o.id
        where o.position is distinct from n.position
           or o.organization_id is distinct from n.organization_id or o.unit_id is distinct from n.unit_id),
    c as materialized (
        select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date) as day, c.work_id,
               c.level_at_time, c.duration_minutes, m.old_position, m.new_position,
               m.old_organization, m.old_unit, m.new_organization, m.new_unit
        from moved m
        -- each moved contact's conversations by index (offset 0: the plan is kept across calls,
        -- and one made for thousands of moved contacts scans every conversation even for one)
        cross join lateral (select c.team_id, c.organizer_id, c.occurred_at, c.work_id, c.level_at_time,
                                   c.duration_minutes
                            from conversation c where c.contact_id = m.id offset 0) c
        join team t on t.id = c.team_id),
    days as (
        insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, stripe, minutes, conversations)
        select c.team_id, c.organizer_id, c.day, c.work_id, c.level_at_time, p.position, 0,
               sum(p.sign * c.duration_minutes), sum(p.sign)
        from c
        cross join lateral (values (c.old_position, -1), (c.new_position, 1)) p(position, sign)
        group by 1, 2, 3, 4, 5, 6
        having sum(p.sign) <> 0 or sum(p.sign * c.duration_minutes) <> 0
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, level, position, stripe) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary),
    places as (
        insert into conversation_place_day as d (team_id, organizer_id, day, work_id, organization_id, unit_id,
                                                 stripe, minutes, conversations)
        select c.team_id, c.organizer_id, c.day, c.work_id, p.organization_id, p.unit_id, 0,
               sum(p.sign * c.duration_minutes), sum(p.sign)
        from c
        cross join lateral (values (c.old_organization, c.old_unit, -1), (c.new_organization, c.new_unit, 1))
            p(organization_id, unit_id, sign)
        group by 1, 2, 3, 4, 5, 6
        having sum(p.sign) <> 0 or sum(p.sign * c.duration_minutes) <> 0
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, organization_id, unit_id, stripe) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary)
    select (select array_agg(summary) from days where (summary).conversations = 0),
           (select array_agg(summary) from places where (summary).conversations = 0)
    into v_empty, v_empty_places;
    if v_empty is not null then
        perform gw_conversation_day_drop_empty(v_empty);
    end if;
    if v_empty_places is not null then
        perform gw_conversation_place_day_drop_empty(v_empty_places);
    end if;
    return null;
end
$$;

update attendance t set organization_id = k.organization_id, unit_id = k.unit_id
from contact k
where k.id = t.contact_id and (k.organization_id is not null or k.unit_id is not null);

create table team_place_day (
    team_id         uuid   not null,
    -- as in conversation_place_day: occurred_at as a date in the team's time zone
    day             date   not null,
    -- the people's place now; null: none
    organization_id uuid,
    unit_id         uuid,
    stripe          smallint not null default 0
        constraint team_place_day_stripe_check check (stripe between 0 and 7),
    -- no check that it stays >= 0: the triggers add what a statement took away (V6_1)
    minutes         bigint not null
);
-- the roll-up's key; the whole team's period
create unique index team_place_day_key on team_place_day (team_id, day, organization_id, unit_id, stripe) nulls not distinct;
select gw_scope_to_team('team_place_day');

-- What a statement wrote in conversation_place_day, summed per team, day, place and stripe, added
-- to team_place_day in key order (two statements cannot deadlock); keys that net to nothing (a row
-- dropped at zero, a stripe written by a change) are not written.
create function gw_team_place_day_rolled_up() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into team_place_day as d (team_id, day, organization_id, unit_id, stripe, minutes)
        select team_id, day, organization_id, unit_id, stripe, sum(minutes) from new_rows
        group by 1, 2, 3, 4, 5 having sum(minutes) <> 0 order by 1, 2, 3, 4, 5
        on conflict (team_id, day, organization_id, unit_id, stripe) do update set minutes = d.minutes + excluded.minutes;
    elsif tg_op = 'DELETE' then
        insert into team_place_day as d (team_id, day, organization_id, unit_id, stripe, minutes)
        select team_id, day, organization_id, unit_id, stripe, -sum(minutes) from old_rows
        group by 1, 2, 3, 4, 5 having sum(minutes) <> 0 order by 1, 2, 3, 4, 5
        on conflict (team_id, day, organization_id, unit_id, stripe) do update set minutes = d.minutes + excluded.minutes;
    else
        insert into team_place_day as d (team_id, day, organization_id, unit_id, stripe, minutes)
        select team_id, day, organization_id, unit_id, stripe, sum(minutes)
        from (select team_id, day, organization_id, unit_id, stripe, minutes from new_rows
              union all
              select team_id, day, organization_id, unit_id, stripe, -minutes from old_rows) r
        group by 1, 2, 3, 4, 5 having sum(minutes) <> 0 order by 1, 2, 3, 4, 5
        on conflict (team_id, day, organization_id, unit_id, stripe) do update set minutes = d.minutes + excluded.minutes;
    end if;
    return null;
end
$$;

create trigger conversation_place_day_insert after insert on conversation_place_day
    referencing new table as new_rows for each statement execute function gw_team_place_day_rolled_up();
create trigger conversation_place_day_update after update on conversation_place_day
    referencing old table as old_rows new table as new_rows for each statement execute function gw_team_place_day_rolled_up();
create trigger conversation_place_day_delete after delete on conversation_place_day
    referencing old table as old_rows for each statement execute function gw_team_place_day_rolled_up();

-- fill from what exists
insert into team_place_day (team_id, day, organization_id, unit_id, stripe, minutes)
select team_id, day, organization_id, unit_id, stripe, sum(minutes)
from conversation_place_day
group by 1, 2, 3, 4, 5
having sum(minutes) <> 0
order by 1, 2, 3, 4, 5;
analyze team_place_day;
analyze attendance;
