-- Each logged conversation moved the contact's last_conversation_at forward with a statement
-- of its own from Java (ContactService.refreshLastConversation: a second round trip and a
-- max() over the contact's conversations). The summary trigger has the new rows and has just
-- locked those contacts, so it moves the time forward itself, only where it really moves
-- (an older conversation logged late writes nothing). An update or delete of conversations
-- recomputes the latest time of the contacts it touched, written only where it changes.

create or replace function gw_conversation_day_inserted() returns trigger
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
    -- the contacts are locked above, in id order
    update contact t set last_conversation_at = n.at
    from (select contact_id, max(occurred_at) as at from new_rows group by contact_id) n
    where t.id = n.contact_id and (t.last_conversation_at is null or t.last_conversation_at < n.at);
    return null;
end
$$;

-- The latest conversation time of these contacts, written only where it changes.
create function gw_contact_last_conversation(p_contacts uuid[]) returns void
    language sql as
$$
update contact t set last_conversation_at = x.at
from (select k.id, (select max(c.occurred_at) from conversation c where c.contact_id = k.id) as at
      from contact k where k.id = any(p_contacts)) x
where t.id = x.id and t.last_conversation_at is distinct from x.at;
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
