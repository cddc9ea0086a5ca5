-- POST /api/v1/conversations at 16 connections of one organizer queued on one row: every
-- conversation of an organizer on a day adds to the same conversation_day row (per level and
-- position), and that row's lock is held until the commit, so concurrent logs of one organizer
-- waited for each other's commit. A key is now spread over up to 8 rows ("stripes"): a logged
-- conversation adds to the stripe its transaction id picks, so concurrent transactions mostly
-- write different rows, and one statement's rows (an import, a restore) still land on one row
-- per key. Changes, deletes and position moves, rare and not concurrent, keep writing stripe 0,
-- where the rows from before this migration are, so changing those folds into them in place.
-- The sums per key stay exact; a stripe's row may go negative, and a key's stripes may cancel
-- out to zero (readers skip such keys: report/time-figures.sql sums with "having"); a row is
-- dropped when it is exactly zero; gw_conversation_day_rebuild folds a team back to one row per
-- key. Measured in docs/performance.md ("Writes").

alter table conversation_day add column stripe smallint not null default 0
    constraint conversation_day_stripe_check check (stripe between 0 and 7);

drop index conversation_day_key;
create unique index conversation_day_key
    on conversation_day (team_id, organizer_id, day, work_id, level, position, stripe) nulls not distinct;

-- The stripe of the current transaction's summary writes: consecutive transactions (the
-- concurrent ones) get different stripes; one transaction always the same.
create function gw_conversation_day_stripe() returns smallint
    language sql volatile as
$$
select (txid_current() % 8)::smallint
$$;

create or replace function gw_conversation_day_inserted() returns trigger
    language plpgsql as
$$
declare
    v_stripe constant smallint := gw_conversation_day_stripe();
begin
    with k as materialized (
        select id, position from contact
        where id in (select contact_id from new_rows)
        order by id
        for no key update)
    insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, stripe, minutes, conversations)
    select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
           c.level_at_time, coalesce(k.position, 'unrecorded'), v_stripe, sum(c.duration_minutes), count(*)
    from new_rows c
    join team t on t.id = c.team_id
    left join k on k.id = c.contact_id
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 3, 4, 5, 6
    on conflict (team_id, organizer_id, day, work_id, level, position, stripe) do update
        set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations;
    -- the contacts are locked above, in id order
    update contact t set last_conversation_at = n.at
    from (select contact_id, max(occurred_at) as at from new_rows group by contact_id) n
    where t.id = n.contact_id and (t.last_conversation_at is null or t.last_conversation_at < n.at);
    return null;
end
$$;

create or replace function gw_conversation_day_deleted() returns trigger
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
        insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, stripe, minutes, conversations)
        select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
               c.level_at_time, coalesce(k.position, 'unrecorded'), 0, -sum(c.duration_minutes), -count(*)
        from old_rows c
        join team t on t.id = c.team_id
        left join k on k.id = c.contact_id
        group by 1, 2, 3, 4, 5, 6
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, level, position, stripe) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary)
    select array_agg(summary) into v_empty from up where (summary).conversations = 0;
    if v_empty is not null then
        perform gw_conversation_day_drop_empty(v_empty);
    end if;
    perform gw_contact_last_conversation(array(select distinct contact_id from old_rows));
    return null;
end
$$;

create or replace function gw_conversation_day_updated() returns trigger
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
        insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, stripe, minutes, conversations)
        select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
               c.level_at_time, coalesce(k.position, 'unrecorded'), 0, sum(c.minutes), sum(c.n)
        from r c
        join team t on t.id = c.team_id
        left join k on k.id = c.contact_id
        group by 1, 2, 3, 4, 5, 6
        having sum(c.n) <> 0 or sum(c.minutes) <> 0
        order by 1, 2, 3, 4, 5, 6
        on conflict (team_id, organizer_id, day, work_id, level, position, stripe) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary)
    select array_agg(summary) into v_empty from up where (summary).conversations = 0;
    if v_empty is not null then
        perform gw_conversation_day_drop_empty(v_empty);
    end if;
    -- a conversation moved in time or to another contact: those contacts' latest time (the
    -- level triggers' rewrites of level_at_time and edits of the texts move nothing here)
    perform gw_contact_last_conversation(array(
        select distinct x.contact_id
        from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values (o.contact_id), (n.contact_id)) x(contact_id)
        where o.occurred_at is distinct from n.occurred_at or o.contact_id is distinct from n.contact_id));
    return null;
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
        insert into conversation_day as d (team_id, organizer_id, day, work_id, level, position, stripe, minutes, conversations)
        select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
               c.level_at_time, p.position, 0, sum(p.sign * c.duration_minutes), sum(p.sign)
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
        on conflict (team_id, organizer_id, day, work_id, level, position, stripe) do update
            set minutes = d.minutes + excluded.minutes, conversations = d.conversations + excluded.conversations
        returning d as summary)
    select array_agg(summary) into v_empty from up where (summary).conversations = 0;
    perform gw_conversation_day_drop_empty(v_empty);
    return null;
end
$$;

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
$$;

create or replace function gw_conversation_day_drop_empty(p_rows conversation_day[]) returns void
    language sql as
$$
delete from conversation_day d
using unnest(p_rows) e
where d.team_id = e.team_id and d.organizer_id = e.organizer_id and d.day = e.day
  and d.work_id is not distinct from e.work_id and d.level = e.level and d.position = e.position
  and d.stripe = e.stripe and d.conversations = 0 and d.minutes = 0;
$$;
