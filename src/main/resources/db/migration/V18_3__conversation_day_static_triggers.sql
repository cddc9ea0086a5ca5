-- Logging a conversation is the app's most frequent write, and V6_1's summary trigger built its
-- two statements as text (EXECUTE format(...)) on every call: PostgreSQL parsed and planned them
-- anew for each conversation. One function per event with plain SQL lets PL/pgSQL keep their
-- plans for the session. The contacts are locked and their positions read in one pass (V6_1 read
-- them twice), and an insert never leaves a summary row at zero, so it skips that clean-up.
-- What the summary holds and the lock order (contacts by id, then keys in order) are unchanged.

create function gw_conversation_day_inserted() returns trigger
    language plpgsql as
$$
begin
    with k as materialized (
        select id, position from contact
        where id in (select contact_id from new_rows)
        order by id
        for no key update)
    insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, minutes, conversations)
    select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
           c.level_at_time, coalesce(k.position, 'unrecorded'), sum(c.duration_minutes), count(*)
    from new_rows c
    join team t on t.id = c.team_id
    left join k on k.id = c.contact_id
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 3, 4, 5, 6
    on conflict (team_id, organizer_id, day, work_id, level, position) do update
        set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations;
    return null;
end
$$;

create function gw_conversation_day_deleted() returns trigger
    language plpgsql as
$$
declare
    v_empty conversation_day[];
begin
    with k as materialized (
        select id, position from contact
        where id in (select contact_id from old_rows)
        order by id
        for no key update),
    up as (
        insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, minutes, conversations)
        select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
               c.level_at_time, coalesce(k.position, 'unrecorded'), -sum(c.duration_minutes), -count(*)
        from old_rows c
        join team t on t.id = c.team_id
        left join k on k.id = c.contact_id
        group by 1, 2, 3, 4, 5, 6
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, level, position) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary)
    select array_agg(summary) into v_empty from up where (summary).conversations = 0;
    if v_empty is not null then
        perform gw_conversation_day_drop_empty(v_empty);
    end if;
    return null;
end
$$;

-- Updates: the old rows count negative, the new positive, per key; keys whose sum is nothing
-- (an edited summary text, a level recomputed to the same value, the erasure's update of the
-- texts) are not written. The level triggers' updates often match no row: nothing to do then.
create function gw_conversation_day_updated() returns trigger
    language plpgsql as
$$
declare
    v_empty conversation_day[];
begin
    if not exists (select from new_rows) then
        return null;
    end if;
    with r as (
        select team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time,
               -duration_minutes as minutes, -1 as n
        from old_rows
        union all
        select team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, duration_minutes, 1
        from new_rows),
    k as materialized (
        select id, position from contact
        where id in (select contact_id from r)
        order by id
        for no key update),
    up as (
        insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, minutes, conversations)
        select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
               c.level_at_time, coalesce(k.position, 'unrecorded'), sum(c.minutes), sum(c.n)
        from r c
        join team t on t.id = c.team_id
        left join k on k.id = c.contact_id
        group by 1, 2, 3, 4, 5, 6
        having sum(c.n) <> 0 or sum(c.minutes) <> 0
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, level, position) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary)
    select array_agg(summary) into v_empty from up where (summary).conversations = 0;
    if v_empty is not null then
        perform gw_conversation_day_drop_empty(v_empty);
    end if;
    return null;
end
$$;

drop trigger conversation_day_insert on conversation;
drop trigger conversation_day_update on conversation;
drop trigger conversation_day_delete on conversation;
drop function gw_conversation_day_changed();

create trigger conversation_day_insert
    after insert on conversation referencing new table as new_rows
    for each statement execute function gw_conversation_day_inserted();
create trigger conversation_day_update
    after update on conversation referencing old table as old_rows new table as new_rows
    for each statement execute function gw_conversation_day_updated();
create trigger conversation_day_delete
    after delete on conversation referencing old table as old_rows
    for each statement execute function gw_conversation_day_deleted();
