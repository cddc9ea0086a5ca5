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
--   still reads conversation_day.
--   team_day and team_place_day (V28_3) are not kept by statement triggers on the summaries they
--   roll up: on the benchmark data such triggers cost ~12% of the POST's bare SQL throughput each
--   (16 connections, triggers on and off alternated on one copy: 545 against 618 tx/s for
--   team_day's, 572 against 659 for team_place_day's), for the transition tables captured and the
--   functions run on every logged conversation (its upsert fires both the insert and the update
--   triggers). Instead the three functions that write conversation_day and conversation_place_day
--   write the roll-ups in the same statement, from the same deltas: gw_conversation_summaries_add
--   (conversations logged, changed, deleted; a restore), gw_conversation_day_contact_moved (a
--   contact's position or place changed) and gw_conversation_day_rebuild (a time zone changed, the
--   repair). They are the only writers of the two summaries besides the drop of rows at zero, which
--   changes no sum; TimeByUnitTest compares each roll-up with its source after every such change.
--   attendance_share_idx holds everything the action shares read from an attendance, so they are
--   read from the index alone; it replaces attendance_report_idx, whose columns it holds.
-- Stripes as in conversation_day (V27_1): a logged conversation writes its transaction's stripe, so
-- concurrent logs for one day, work, level and position do not wait for each other's commit
-- (ConversationDayTest); changes write stripe 0. Rows reaching zero are kept: the figures leave out
-- keys that sum to nothing. No foreign keys, for the reasons of V28_3. Derived, so the team archive
-- leaves it out (ArchiveFormat) and the restore's triggers fill it.

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

-- V28_3's roll-up is written by the functions below from now on.
drop trigger conversation_place_day_insert on conversation_place_day;
drop trigger conversation_place_day_update on conversation_place_day;
drop trigger conversation_place_day_delete on conversation_place_day;
drop function gw_team_place_day_rolled_up();

-- The deltas of a statement on conversation (V28_1), now written in the two roll-ups too.
create or replace function gw_conversation_summaries_add(p_rows gw_conversation_delta[], p_stripe smallint) returns void
    language plpgsql as
$$
declare
    v_empty conversation_day[];
    v_empty_places conversation_place_day[];
begin
    with r as materialized (
        select * from unnest(p_rows)),
    k as materialized (
        select id, position, organization_id, unit_id from contact
        where id in (select contact_id from r)
        order by id
        for no key update),
    c as materialized (
        select r.team_id, r.organizer_id, cast(r.occurred_at at time zone t.time_zone as date) as day, r.work_id,
               r.level_at_time, coalesce(k.position, 'unrecorded') as position, k.organization_id, k.unit_id,
               r.minutes, r.n
        from r
        join team t on t.id = r.team_id
        left join k on k.id = r.contact_id),
    places as (
        insert into conversation_place_day as d (team_id, organizer_id, day, work_id, organization_id, unit_id, stripe,
                                                 minutes, conversations)
        select team_id, organizer_id, day, work_id, organization_id, unit_id, p_stripe, sum(minutes), sum(n)
        from c
        group by 1, 2, 3, 4, 5, 6
        having sum(n) <> 0 or sum(minutes) <> 0
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, organization_id, unit_id, stripe) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary),
    days as (
        insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, stripe, minutes, conversations)
        select team_id, organizer_id, day, work_id, level_at_time, position, p_stripe, sum(minutes), sum(n)
        from c
        group by 1, 2, 3, 4, 5, 6
        having sum(n) <> 0 or sum(minutes) <> 0
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, level, position, stripe) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary),
    -- the roll-ups for the whole team (V28_3, V28_4): the same deltas without the organizer and the work
    team_places as (
        insert into team_place_day as d (team_id, day, organization_id, unit_id, stripe, minutes)
        select team_id, day, organization_id, unit_id, p_stripe, sum(minutes)
        from c
        group by 1, 2, 3, 4
        having sum(minutes) <> 0
        order by 1, 2, 3, 4
        on conflict (team_id, day, organization_id, unit_id, stripe) do update set minutes = d.minutes + excluded.minutes),
    team_days as (
        insert into team_day as d (team_id, day, work_id, level, position, stripe, minutes)
        select team_id, day, work_id, level_at_time, position, p_stripe, sum(minutes)
        from c
        group by 1, 2, 3, 4, 5
        having sum(minutes) <> 0
        order by 1, 2, 3, 4, 5
        on conflict (team_id, day, work_id, level, position, stripe) do update set minutes = d.minutes + excluded.minutes)
    select (select array_agg(summary) from days where (summary).conversations = 0),
           (select array_agg(summary) from places where (summary).conversations = 0)
    into v_empty, v_empty_places;
    if v_empty is not null then
        perform gw_conversation_day_drop_empty(v_empty);
    end if;
    if v_empty_places is not null then
        perform gw_conversation_place_day_drop_empty(v_empty_places);
    end if;
end
$$;

-- A contact's position or place changed (V28_3), now moved in the two roll-ups too.
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
        returning d as summary),
    -- the roll-ups for the whole team (V28_3, V28_4): the same moves without the organizer and the work
    team_days as (
        insert into team_day as d (team_id, day, work_id, level, position, stripe, minutes)
        select c.team_id, c.day, c.work_id, c.level_at_time, p.position, 0, sum(p.sign * c.duration_minutes)
        from c
        cross join lateral (values (c.old_position, -1), (c.new_position, 1)) p(position, sign)
        group by 1, 2, 3, 4, 5
        having sum(p.sign * c.duration_minutes) <> 0
        order by 1, 2, 3, 4, 5
        on conflict (team_id, day, work_id, level, position, stripe) do update set minutes = d.minutes + excluded.minutes),
    team_places as (
        insert into team_place_day as d (team_id, day, organization_id, unit_id, stripe, minutes)
        select c.team_id, c.day, p.organization_id, p.unit_id, 0, sum(p.sign * c.duration_minutes)
        from c
        cross join lateral (values (c.old_organization, c.old_unit, -1), (c.new_organization, c.new_unit, 1))
            p(organization_id, unit_id, sign)
        group by 1, 2, 3, 4
        having sum(p.sign * c.duration_minutes) <> 0
        order by 1, 2, 3, 4
        on conflict (team_id, day, organization_id, unit_id, stripe) do update set minutes = d.minutes + excluded.minutes)
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

-- A team's summaries from its conversations (V28_1), the two roll-ups from them.
create or replace function gw_conversation_day_rebuild(p_team uuid) returns void
    language sql as
$$
delete from conversation_day where team_id = p_team;
insert into conversation_day (team_id, organizer_id, day, work_id, level, position, stripe, minutes, conversations)
select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
       c.level_at_time, coalesce(k.position, 'unrecorded'), 0, sum(c.duration_minutes), count(*)
from conversation c
join team t on t.id = c.team_id
left join contact k on k.id = c.contact_id
where c.team_id = p_team
group by 1, 2, 3, 4, 5, 6
order by 1, 2, 3, 4, 5, 6;
select gw_conversation_place_day_rebuild(p_team);
-- the roll-ups for the whole team (V28_3, V28_4), from the summaries just rebuilt
delete from team_day where team_id = p_team;
insert into team_day (team_id, day, work_id, level, position, stripe, minutes)
select team_id, day, work_id, level, position, 0, sum(minutes)
from conversation_day
where team_id = p_team
group by 1, 2, 3, 4, 5
order by 1, 2, 3, 4, 5;
delete from team_place_day where team_id = p_team;
insert into team_place_day (team_id, day, organization_id, unit_id, stripe, minutes)
select team_id, day, organization_id, unit_id, 0, sum(minutes)
from conversation_place_day
where team_id = p_team
group by 1, 2, 3, 4
order by 1, 2, 3, 4;
$$;

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
