-- How many live people sit in each unit now (and in each organization outside its units, and
-- outside any organization): the time report's "by unit" table shows it beside the minutes. It
-- counted the team's live contacts per (organization, unit) on every call, 99,000 index entries
-- on the benchmark data whatever the organizer or period. Now it reads this count, one row per
-- place, kept by triggers so no code path can forget it:
--   contacts inserted (one aggregated upsert per statement: imports COPY thousands at once);
--   a contact's organization, unit or erasure changed (a row trigger that fires only when one of
--   those columns is in the UPDATE and really changes: the update every logged conversation makes
--   to last_conversation_at never reaches it), unit and organization deletions included (their
--   foreign keys set the contact's columns to null);
--   contacts deleted (never by the app: erasure keeps the row; for completeness).
-- Places are keyed (team, organization, unit) with null for "none", nulls not distinct. Rows
-- reaching zero stay (harmless: the report lists places with people or minutes); a contact's
-- two places are written in key order, so two moves the opposite way cannot deadlock.

create table unit_headcount (
    team_id         uuid    not null,
    organization_id uuid,
    unit_id         uuid,
    people          integer not null
);
create unique index unit_headcount_key on unit_headcount (team_id, organization_id, unit_id) nulls not distinct;
select gw_scope_to_team('unit_headcount');

create function gw_unit_headcount_inserted() returns trigger
    language plpgsql as
$$
begin
    insert into unit_headcount as h (team_id, organization_id, unit_id, people)
    select team_id, organization_id, unit_id, count(*)
    from new_rows where erased_at is null
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (team_id, organization_id, unit_id) do update set people = h.people + excluded.people;
    return null;
end
$$;
create function gw_unit_headcount_deleted() returns trigger
    language plpgsql as
$$
begin
    insert into unit_headcount as h (team_id, organization_id, unit_id, people)
    select team_id, organization_id, unit_id, -count(*)
    from old_rows where erased_at is null
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (team_id, organization_id, unit_id) do update set people = h.people + excluded.people;
    return null;
end
$$;
create function gw_unit_headcount_moved() returns trigger
    language plpgsql as
$$
begin
    insert into unit_headcount as h (team_id, organization_id, unit_id, people)
    select p.team_id, p.organization_id, p.unit_id, sum(p.people)
    from (select old.team_id, old.organization_id, old.unit_id, -1 as people where old.erased_at is null
          union all
          select new.team_id, new.organization_id, new.unit_id, 1 where new.erased_at is null) p
    group by 1, 2, 3
    having sum(p.people) <> 0
    order by 1, 2, 3
    on conflict (team_id, organization_id, unit_id) do update set people = h.people + excluded.people;
    return null;
end
$$;

create trigger unit_headcount_insert
    after insert on contact referencing new table as new_rows
    for each statement execute function gw_unit_headcount_inserted();
create trigger unit_headcount_delete
    after delete on contact referencing old table as old_rows
    for each statement execute function gw_unit_headcount_deleted();
create trigger unit_headcount_update
    after update of team_id, organization_id, unit_id, erased_at on contact
    for each row
    when (old.team_id is distinct from new.team_id
          or old.organization_id is distinct from new.organization_id
          or old.unit_id is distinct from new.unit_id
          or (old.erased_at is null) <> (new.erased_at is null))
    execute function gw_unit_headcount_moved();

-- fill from what exists
insert into unit_headcount (team_id, organization_id, unit_id, people)
select team_id, organization_id, unit_id, count(*)
from contact where erased_at is null
group by 1, 2, 3
order by 1, 2, 3;
analyze unit_headcount;
