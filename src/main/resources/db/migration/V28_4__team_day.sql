-- The whole team's time report for a quarter waits on two connections (docs/reports.md, "Two
-- connections for one time report"), and on two cores their statements' sum is what it waits for.
-- Two of its steps read more than they need (docs/performance.md, sixteenth session):
--   the figures sum conversation_day, whose rows are per organizer as well as per day, work, level
--   and position: on the benchmark data 608,929 rows for the team, ~78,000 for its quarter, summed
--   into a few hundred figures;
--   the action shares, read by every one of the report's statements, find each action's attendees
--   by attendance_report_idx and then each attendee's row in the heap for its team and place
--   (V28_3 put the place there): for the team's quarter 5,754 heap pages for 5,819 attendees.
-- Now:
--   team_day keeps the conversations' minutes per (team, local day, work, level, position), the
--   team's quarter in ~14,000 rows; a report of the whole team (any work) reads it, one organizer's
--   still reads conversation_day. It is a roll-up of conversation_day kept by statement triggers on
--   that table, as team_place_day is of conversation_place_day (V28_3), so every path that keeps
--   conversation_day (conversations logged, changed or deleted, a contact's position changed, a
--   time zone changed, a team restored) keeps this one with it, with no second copy of those rules.
--   attendance_share_idx holds everything the action shares read from an attendance, so they are
--   read from the index alone; it replaces attendance_report_idx, whose columns it holds.
-- Stripes as in conversation_day (V27_1), carried over: concurrent logs for one day, work, level and
-- position do not wait for each other's commit (ConversationDayTest). Rows reaching zero are kept:
-- the figures leave out keys that sum to nothing. No foreign keys, for the reasons of V28_3. Derived,
-- so the team archive leaves it out (ArchiveFormat) and the restore's triggers fill it.

create table team_day (
    team_id  uuid     not null,
    -- as in conversation_day: occurred_at as a date in the team's time zone
    day      date     not null,
    work_id  uuid,
    level    text     not null
        constraint team_day_level_check check (level in ('new', 'less-involved', 'cadre')),
    position text     not null
        constraint team_day_position_check
            check (position in ('base', 'officer', 'staff', 'ally', 'political-group', 'unrecorded')),
    stripe   smallint not null default 0
        constraint team_day_stripe_check check (stripe between 0 and 7),
    -- no check that it stays >= 0: the triggers add what a statement took away (V6_1)
    minutes  bigint   not null
);
-- the roll-up's key; the whole team's period
create unique index team_day_key on team_day (team_id, day, work_id, level, position, stripe) nulls not distinct;
select gw_scope_to_team('team_day');

-- What a statement wrote in conversation_day, summed per team, day, work, level, position and
-- stripe, added to team_day in key order (two statements cannot deadlock); keys that net to nothing
-- (a row dropped at zero, a stripe written by a change) are not written.
create function gw_team_day_rolled_up() returns trigger
    language plpgsql as
$$
begin
    -- one statement per operation: a trigger's function can name only the transition tables it has
    if tg_op = 'INSERT' then
        insert into team_day as d (team_id, day, work_id, level, position, stripe, minutes)
        select team_id, day, work_id, level, position, stripe, sum(minutes) from new_rows
        group by 1, 2, 3, 4, 5, 6 having sum(minutes) <> 0 order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, day, work_id, level, position, stripe) do update set minutes = d.minutes + excluded.minutes;
    elsif tg_op = 'DELETE' then
        insert into team_day as d (team_id, day, work_id, level, position, stripe, minutes)
        select team_id, day, work_id, level, position, stripe, -sum(minutes) from old_rows
        group by 1, 2, 3, 4, 5, 6 having sum(minutes) <> 0 order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, day, work_id, level, position, stripe) do update set minutes = d.minutes + excluded.minutes;
    else
        insert into team_day as d (team_id, day, work_id, level, position, stripe, minutes)
        select team_id, day, work_id, level, position, stripe, sum(minutes)
        from (select team_id, day, work_id, level, position, stripe, minutes from new_rows
              union all
              select team_id, day, work_id, level, position, stripe, -minutes from old_rows) r
        group by 1, 2, 3, 4, 5, 6 having sum(minutes) <> 0 order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, day, work_id, level, position, stripe) do update set minutes = d.minutes + excluded.minutes;
    end if;
    return null;
end
$$;

create trigger conversation_day_rolled_up_insert after insert on conversation_day
    referencing new table as new_rows for each statement execute function gw_team_day_rolled_up();
create trigger conversation_day_rolled_up_update after update on conversation_day
    referencing old table as old_rows new table as new_rows for each statement execute function gw_team_day_rolled_up();
create trigger conversation_day_rolled_up_delete after delete on conversation_day
    referencing old table as old_rows for each statement execute function gw_team_day_rolled_up();

-- fill from what exists
insert into team_day (team_id, day, work_id, level, position, stripe, minutes)
select team_id, day, work_id, level, position, stripe, sum(minutes)
from conversation_day
group by 1, 2, 3, 4, 5, 6
having sum(minutes) <> 0
order by 1, 2, 3, 4, 5, 6;
analyze team_day;

create index attendance_share_idx on attendance (action_id)
    include (team_id, contact_id, level_at_time, first_time, position, organization_id, unit_id);
drop index attendance_report_idx;
