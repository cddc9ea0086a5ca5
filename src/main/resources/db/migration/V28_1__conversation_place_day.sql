-- The time report's minutes by unit (time-people.sql's places) gave each place the minutes of the
-- people who sit there now: every person of the period summed, then each one's place looked up.
-- For one organizer's 30 days on the benchmark data that was 1,871 lookups into contact_place_idx,
-- ~6 of the statement's ~9 ms whatever the access path (docs/performance.md); for the team's 90
-- days 69,000 people hashed against the team's contacts, ~100 of ~230 ms. Now the conversations'
-- minutes are kept per place as well, like conversation_day keeps them per position (V6_1): per
-- (team, organizer, local day, work, organization, unit, stripe), the place being the contact's
-- place now, moved when the contact moves. The report sums the period's rows per place and looks
-- up only the action shares' attendees (a few hundred).
--
-- Kept by the same statement-level triggers as conversation_day, which now write both summaries
-- through one function, gw_conversation_summaries_add, from one read of the statement's contacts
-- (so a logged conversation still locks its contact once):
--   conversations inserted, changed and deleted (gw_conversation_day_inserted/updated/deleted);
--   a contact's organization or unit changed (gw_conversation_day_contact_moved), unit deletions
--   and organization merges included (their foreign key actions and updates are contact updates);
--   a team's time zone changed (gw_conversation_day_team_zone rebuilds both).
-- Stripes as in V27_1: a logged conversation adds to its transaction's stripe, so concurrent logs
-- write different rows; changes, deletes and moves write stripe 0. Readers sum over stripes; a key's
-- stripes may cancel out to zero, which the report's "by unit" table shows as it shows a place with no
-- minutes. Rows exactly zero are dropped.
-- No foreign keys to organization and unit: a removed unit's contacts move to "no unit" (their
-- minutes with them) while the unit's rows go to zero; a key to the unit would race that move.

create table conversation_place_day (
    team_id         uuid     not null,
    organizer_id    uuid     not null,
    -- occurred_at as a date in the team's time zone
    day             date     not null,
    work_id         uuid,
    -- the contact's place now; null: none (no unit of the organization, or no organization)
    organization_id uuid,
    unit_id         uuid,
    stripe          smallint not null default 0
        constraint conversation_place_day_stripe_check check (stripe between 0 and 7),
    -- no check that these stay >= 0: the triggers upsert what a statement took away (V6_1)
    minutes         bigint   not null,
    conversations   integer  not null,
    foreign key (team_id, organizer_id) references organizer (team_id, id),
    foreign key (team_id, work_id) references work (team_id, id)
);
-- the upserts' key; one organizer's period
create unique index conversation_place_day_key on conversation_place_day
    (team_id, organizer_id, day, work_id, organization_id, unit_id, stripe) nulls not distinct;
-- a team's period
create index conversation_place_day_team_idx on conversation_place_day (team_id, day);
select gw_scope_to_team('conversation_place_day');

-- The rows of one team, from its conversations: the fill below, a time zone change, and the repair
-- (select gw_conversation_day_rebuild(id) from team, which now rebuilds both summaries).
create function gw_conversation_place_day_rebuild(p_team uuid) returns void
    language sql as
$$
delete from conversation_place_day where team_id = p_team;
insert into conversation_place_day (team_id, organizer_id, day, work_id, organization_id, unit_id, stripe, minutes, conversations)
select c.team_id, c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
       k.organization_id, k.unit_id, 0, sum(c.duration_minutes), count(*)
from conversation c
join team t on t.id = c.team_id
join contact k on k.id = c.contact_id
where c.team_id = p_team
group by 1, 2, 3, 4, 5, 6
order by 1, 2, 3, 4, 5, 6;
$$;

create function gw_conversation_place_day_drop_empty(p_rows conversation_place_day[]) returns void
    language sql as
$$
delete from conversation_place_day d
using unnest(p_rows) e
where d.team_id = e.team_id and d.organizer_id = e.organizer_id and d.day = e.day
  and d.work_id is not distinct from e.work_id and d.organization_id is not distinct from e.organization_id
  and d.unit_id is not distinct from e.unit_id and d.stripe = e.stripe
  and d.conversations = 0 and d.minutes = 0;
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
select gw_conversation_place_day_rebuild(p_team);
$$;

-- What a statement on conversation changes in the summaries: a row per conversation written (n 1,
-- its minutes) or taken away (n -1, minus its minutes). Each trigger below turns its transition
-- tables into these; gw_conversation_summaries_add is the one place that writes both summaries.
create type gw_conversation_delta as (
    team_id       uuid,
    organizer_id  uuid,
    contact_id    uuid,
    work_id       uuid,
    occurred_at   timestamptz,
    level_at_time text,
    minutes       integer,
    n             integer
);

-- The deltas with their contacts' position and place now (the contacts locked once, in id order, so
-- two statements on the same contacts cannot deadlock), summed per key of each summary; keys whose
-- sum is nothing (an edit of the summary text, a level recomputed to the same value) are not
-- written; rows reaching exactly zero are dropped. p_stripe: the logging transaction's stripe
-- (V27_1), or 0 for changes and deletes.
create function gw_conversation_summaries_add(p_rows gw_conversation_delta[], p_stripe smallint) returns void
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
end
$$;

create or replace function gw_conversation_day_inserted() returns trigger
    language plpgsql as
$$
begin
    perform gw_conversation_summaries_add(array(
        select row(team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, duration_minutes, 1)
                   ::gw_conversation_delta
        from new_rows), gw_conversation_day_stripe());
    -- the contacts are locked by gw_conversation_summaries_add, in id order
    update contact t set last_conversation_at = n.at
    from (select contact_id, max(occurred_at) as at from new_rows group by contact_id) n
    where t.id = n.contact_id and (t.last_conversation_at is null or t.last_conversation_at < n.at);
    return null;
end
$$;

create or replace function gw_conversation_day_deleted() returns trigger
    language plpgsql as
$$
begin
    perform gw_conversation_summaries_add(array(
        select row(team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, -duration_minutes, -1)
                   ::gw_conversation_delta
        from old_rows), 0::smallint);
    perform gw_contact_last_conversation(array(select distinct contact_id from old_rows));
    return null;
end
$$;

create or replace function gw_conversation_day_updated() returns trigger
    language plpgsql as
$$
begin
    if not exists (select from new_rows) then
        return null;
    end if;
    perform gw_conversation_summaries_add(array(
        select row(team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, -duration_minutes, -1)
                   ::gw_conversation_delta
        from old_rows
        union all
        select row(team_id, organizer_id, contact_id, work_id, occurred_at, level_at_time, duration_minutes, 1)
                   ::gw_conversation_delta
        from new_rows), 0::smallint);
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

-- A contact's position or place changed: its conversations move from the old to the new in both
-- summaries, from one read of each moved contact's conversations (a summary whose key did not
-- change nets to nothing and is not written); its attendances take the new position (V18_4).
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
    update attendance t set position = n.position
    from old_contacts o join new_contacts n on n.id = o.id
    where o.position is distinct from n.position
      and t.contact_id = n.id and t.position is distinct from n.position;
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

-- fill from what exists
select gw_conversation_place_day_rebuild(id) from team order by id;
analyze conversation_place_day;
