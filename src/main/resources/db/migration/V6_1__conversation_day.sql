-- The time report's conversation figures come from a summary: minutes and conversations per
-- (team, organizer, local day, work, level at the time, position). A team's 90 days are some
-- 120,000 conversations, each needing its contact's position (a join over all contacts); the
-- summary holds a few tens of thousands of rows with the position already on them. The people
-- list still reads the conversations (it needs the contact).
--
-- Kept by statement-level triggers with transition tables: imports and generators write
-- thousands of rows in one statement, and one aggregated upsert per statement costs far less
-- than one per row. No Java code writes it, so no code path can forget it.

create table conversation_day (
    team_id       uuid    not null,
    organizer_id  uuid    not null,
    -- occurred_at as a date in the team's time zone
    day           date    not null,
    work_id       uuid,
    -- conversation.level_at_time
    level         text    not null check (level in ('new', 'less-involved', 'cadre')),
    -- the contact's position now, as the report reads it
    position      text    not null
        check (position in ('base', 'officer', 'staff', 'ally', 'political-group', 'unrecorded')),
    -- no check that these stay >= 0: the triggers upsert negative amounts (what a statement
    -- took away), and a CHECK applies to the row proposed for insert before the conflict with
    -- the existing row is found
    minutes       bigint  not null,
    conversations integer not null,
    foreign key (team_id, organizer_id) references organizer (team_id, id),
    foreign key (team_id, work_id) references work (team_id, id)
);
-- the upserts' key (work_id null is "no work", one row like any other); one organizer's period
create unique index conversation_day_key on conversation_day
    (team_id, organizer_id, day, work_id, level, position) nulls not distinct;
-- a team's period
create index conversation_day_team_idx on conversation_day (team_id, day);

-- The rows of one team, from its conversations: the migration's fill and a time zone change.
-- Also the repair, should the summary ever be out of step (triggers disabled for a data fix):
-- select gw_conversation_day_rebuild(id) from team;
create function gw_conversation_day_rebuild(p_team uuid) returns void
    language sql as
$$
delete from conversation_day where team_id = p_team;
insert into conversation_day (team_id, organizer_id, day, work_id, level, position, minutes, conversations)
select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
       c.level_at_time, coalesce(k.position, 'unrecorded'), sum(c.duration_minutes), count(*)
from conversation c
join team t on t.id = c.team_id
left join contact k on k.id = c.contact_id
where c.team_id = p_team
group by 1, 2, 3, 4, 5, 6
order by 1, 2, 3, 4, 5, 6;
$$;

-- Conversations written: the statement's old rows count negative, its new rows positive,
-- summed per key so each key is upserted once (keys whose sum is nothing, such as an edit of
-- the summary text or a level recomputed to the same value, are not written at all), in key
-- order so two statements touching the same keys take their locks in the same order. Rows
-- whose count reaches zero are then deleted.
create function gw_conversation_day_changed() returns trigger
    language plpgsql as
$$
declare
    v_rows  text;
    v_empty conversation_day[];
begin
    -- a statement that wrote no row (the level triggers' updates often match none) costs nothing
    if tg_op = 'DELETE' then
        if not exists (select from old_rows) then
            return null;
        end if;
    elsif not exists (select from new_rows) then
        return null;
    end if;
    v_rows := case tg_op
        when 'INSERT' then
            'select team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, duration_minutes as minutes, 1 as n from new_rows'
        when 'DELETE' then
            'select team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, -duration_minutes as minutes, -1 as n from old_rows'
        else
            'select team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, -duration_minutes as minutes, -1 as n from old_rows
             union all
             select team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, duration_minutes, 1 from new_rows'
        end;
    -- The position is read from the contact: lock the contacts first (as the conversation
    -- features do right after, when they update last_conversation_at), so a position change
    -- running at the same moment either sees these rows or is seen by them.
    execute format('select 1 from contact where id in (select contact_id from (%s) r) order by id for no key update',
                   v_rows);
    execute format($sql$
        with up as (
            insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, minutes, conversations)
            select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
                   c.level_at_time, coalesce(k.position, 'unrecorded'), sum(c.minutes), sum(c.n)
            from (%s) c
            join team t on t.id = c.team_id
            left join contact k on k.id = c.contact_id
            group by 1, 2, 3, 4, 5, 6
            having sum(c.n) <> 0 or sum(c.minutes) <> 0
            order by 1, 2, 3, 4, 5, 6
            on conflict (team_id, organizer_id, day, work_id, level, position) do update
                set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
            returning d as summary)
        select array_agg(summary) from up where (summary).conversations = 0$sql$, v_rows)
        into v_empty;
    perform gw_conversation_day_drop_empty(v_empty);
    return null;
end
$$;

-- Deletes the rows an upsert left at zero conversations (a separate statement: the upsert's
-- own WITH cannot see the row versions it wrote).
create function gw_conversation_day_drop_empty(p_rows conversation_day[]) returns void
    language sql as
$$
delete from conversation_day d
using unnest(p_rows) e
where d.team_id = e.team_id and d.organizer_id = e.organizer_id and d.day = e.day
  and d.work_id is not distinct from e.work_id and d.level = e.level and d.position = e.position
  and d.conversations = 0;
$$;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
-- They run after V3_1's row triggers have set level_at_time, and again whenever those
-- triggers rewrite level_at_time (a back-dated level change): that is a conversation update.
create trigger conversation_day_insert
    after insert on conversation referencing new table as new_rows
    for each statement execute function gw_conversation_day_changed();
create trigger conversation_day_update
    after update on conversation referencing old table as old_rows new table as new_rows
    for each statement execute function gw_conversation_day_changed();
create trigger conversation_day_delete
    after delete on conversation referencing old table as old_rows
    for each statement execute function gw_conversation_day_changed();

-- A contact's position changed (the contacts API, or an import updating thousands in one
-- statement): its conversations move from the old position to the new. Contacts are never
-- deleted (erasure keeps the position), and a new contact has no conversations yet.
create function gw_conversation_day_contact_moved() returns trigger
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
create trigger conversation_day_contact_update
    after update on contact referencing old table as old_contacts new table as new_contacts
    for each statement execute function gw_conversation_day_contact_moved();

-- A team's time zone changed: its days are other days; rebuild its rows (rare, and a day
-- boundary moves almost every conversation's key anyway).
create function gw_conversation_day_team_zone() returns trigger
    language plpgsql as
$$
begin
    perform gw_conversation_day_rebuild(n.id)
    from old_teams o join new_teams n on n.id = o.id
    where o.time_zone is distinct from n.time_zone
    order by n.id;
    return null;
end
$$;
create trigger conversation_day_team_update
    after update on team referencing old table as old_teams new table as new_teams
    for each statement execute function gw_conversation_day_team_zone();

-- fill from what exists
select gw_conversation_day_rebuild(id) from team order by id;
analyze conversation_day;
