-- The statement triggers that compare a statement's rows before and after (transition tables) joined the two:
-- `old_contacts o join new_contacts n on n.id = o.id`. PL/pgSQL plans such a query once per connection and keeps the
-- plan, and a transition table holds no statistics: planned when the first update on a pooled connection changed
-- one row (a PATCH, the contact update each logged conversation makes), the plan is a nested loop, and kept, it
-- compared every row with every row for the next statement moving 100,000 people. A merge of 150,000 ran into its
-- 30-minute limit and was rolled back (session 50's walk); in a scratch database, 20,000 rows updated in a session
-- whose first update had changed one row took 90.9 s, in a fresh session 0.36 s.
-- Now:
--   the early exits compare the two tables by a set difference (EXCEPT), whose plans are a hash or a sort whatever
--   the sizes they were made for;
--   what runs only when someone moved (gw_conversation_day_contact_moved's headcount, attendances and summaries),
--   where the two tables must be joined, is EXECUTEd: planned on every call with the statement's own sizes, a
--   millisecond or two of planning on a statement that moves people, never on the POST's update;
--   gw_conversation_day_updated's contacts whose conversation moved in time or between contacts, and
--   gw_level_move_updated's changed level changes, by set differences too.
-- The bodies are otherwise those of V28_19 (gw_conversation_day_contact_moved), V28_1 (gw_conversation_day_updated)
-- and V26_1 (gw_level_move_updated). The walk's trigger reduced to its count and headcount join, in a scratch
-- database: 20,000 people moved after a first one-row move took 167.8 s, with these forms 0.24 s.
-- TransitionPlansTest checks the summaries after such statements (it does not reproduce the kept plan in the app).

create or replace function gw_conversation_day_contact_moved() returns trigger
    language plpgsql as
$$
declare
    v_moved bigint;
    v_empty conversation_day[];
    v_empty_places conversation_place_day[];
begin
    -- Most contact updates (last_conversation_at on every conversation written) move nobody.
    -- The rows whose place, position, team or erasure changed, by a set difference: its plan, made
    -- once a connection and kept, cannot be a nested loop of the two transition tables (below).
    select count(*) into v_moved
    from (select id, position, organization_id, unit_id, team_id, erased_at is null from old_contacts
          except all
          select id, position, organization_id, unit_id, team_id, erased_at is null from new_contacts) moved;
    if v_moved = 0 then
        return null;
    end if;
    -- the live people per place (V19_2): each place the statement left or reached, once, in key
    -- order (two moves the opposite way cannot deadlock); a row that kept its place nets out
    execute $q$
    insert into unit_headcount as h (team_id, organization_id, unit_id, people)
    select p.team_id, p.organization_id, p.unit_id, sum(p.people)
    from old_contacts o join new_contacts n on n.id = o.id
    cross join lateral (select o.team_id, o.organization_id, o.unit_id, -1 where o.erased_at is null
                        union all
                        select n.team_id, n.organization_id, n.unit_id, 1 where n.erased_at is null)
        p(team_id, organization_id, unit_id, people)
    where o.organization_id is distinct from n.organization_id or o.unit_id is distinct from n.unit_id
       or o.team_id is distinct from n.team_id or (o.erased_at is null) <> (n.erased_at is null)
    group by 1, 2, 3
    having sum(p.people) <> 0
    order by 1, 2, 3
    on conflict (team_id, organization_id, unit_id) do update set people = h.people + excluded.people$q$;
    -- the attendances carry the position (V18_4) and the place (V28_3) too
    execute $q$
    update attendance t set position = n.position, organization_id = n.organization_id, unit_id = n.unit_id
    from old_contacts o join new_contacts n on n.id = o.id
    where (o.position is distinct from n.position
           or o.organization_id is distinct from n.organization_id or o.unit_id is distinct from n.unit_id)
      and t.contact_id = n.id
      and (t.position is distinct from n.position
           or t.organization_id is distinct from n.organization_id or t.unit_id is distinct from n.unit_id)$q$;
    execute $q$
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
        -- each moved contact's conversations by index (offset 0: a lookup per moved contact, not a
        -- scan of every conversation, which the planner chose for thousands of moved contacts)
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
           (select array_agg(summary) from places where (summary).conversations = 0)$q$
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
    -- level triggers' rewrites of level_at_time and edits of the texts move nothing here); the
    -- old and the new side of each such conversation, by set differences (a kept plan, above)
    perform gw_contact_last_conversation(array(
        select contact_id
        from (select id, contact_id, occurred_at from old_rows
              except
              select id, contact_id, occurred_at from new_rows) o
        union
        select contact_id
        from (select id, contact_id, occurred_at from new_rows
              except
              select id, contact_id, occurred_at from old_rows) n));
    return null;
end
$$;

create or replace function gw_level_move_updated() returns trigger
    language plpgsql as
$$
begin
    perform gw_level_move_refresh(r.team_id, array_agg(distinct r.contact_id))
    from (select team_id, contact_id
          from (select id, team_id, contact_id, from_level, to_level, changed_at from moves_before
                except
                select id, team_id, contact_id, from_level, to_level, changed_at from moves_after) o
          union all
          select team_id, contact_id
          from (select id, team_id, contact_id, from_level, to_level, changed_at from moves_after
                except
                select id, team_id, contact_id, from_level, to_level, changed_at from moves_before) n) r
    group by r.team_id;
    return null;
end
$$;
