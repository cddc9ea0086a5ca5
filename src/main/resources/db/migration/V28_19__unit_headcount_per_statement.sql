-- unit_headcount (V19_2) followed a contact's move with a row trigger: one upsert of the old and
-- the new place per contact moved. A statement that moves thousands of people (an import that
-- gives them a new organization, a merge, a unit removed) upserted the same two rows thousands of
-- times in one transaction, and each upsert stepped over every row version the earlier ones had
-- left: an update import of 20,000 people into a new organization spent 1.7-2.1 s of each
-- 2,000-row batch in that trigger, more with each batch (13.6 s in all against 2.9 s to create
-- them); 200,000 people took 1,513 s and the merge back 1,635 s (docs/performance.md, fiftieth
-- session).
-- Now the statement trigger that already follows a contact's move for the conversation summaries
-- (gw_conversation_day_contact_moved, last defined in V28_4; the same body below, with the
-- headcount added) sums the statement's old and new places and upserts each place once, as the
-- insert and delete triggers always did. In that trigger, not a trigger of its own: a statement
-- trigger with transition tables cannot name columns, so a new one would run on every contact
-- update, the one each logged conversation makes included (+22 us each, measured); this one
-- already runs there and leaves at its first count when nobody moved.

drop trigger unit_headcount_update on contact;
drop function gw_unit_headcount_moved();

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
       or o.organization_id is distinct from n.organization_id or o.unit_id is distinct from n.unit_id
       or o.team_id is distinct from n.team_id or (o.erased_at is null) <> (n.erased_at is null);
    if v_moved = 0 then
        return null;
    end if;
    -- the live people per place (V19_2): each place the statement left or reached, once, in key
    -- order (two moves the opposite way cannot deadlock); a row that kept its place nets out
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
    on conflict (team_id, organization_id, unit_id) do update set people = h.people + excluded.people;
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
