-- The time report's "by unit" table lists every place of the team (its units, parents before
-- their sub-units, each organization's people in no unit, the people in no organization) in
-- their order, with their names. Ordering and naming ~420 places cost one organizer's month
-- ~1.3 ms of its ~8 ms of SQL on the benchmark data, on every call, though the places change
-- only when someone edits the team's organizations or units. So the app keeps each team's
-- ordered places in memory (report/TeamPlaces), keyed by this number: it changes in the same
-- transaction as any change to the team's organizations or units, made by whatever path (the
-- pages, the API, merges, imports, a restored archive, foreign-key cascades, hand-written SQL),
-- so every instance sees a change as soon as it is committed and reads the places again.
-- No row: the team's places are as they were when this table was made (version 0).
-- No foreign key to team: the triggers below may run while a team's rows are being removed.

create table team_places_version (
    team_id uuid   primary key,
    version bigint not null
);
select gw_scope_to_team('team_places_version');

-- One upsert per statement and team (statement-level: an import adds its units in one statement);
-- teams in key order, so two statements touching two teams cannot deadlock.
create function gw_team_places_changed() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into team_places_version as v (team_id, version)
        select distinct team_id, 1 from new_rows order by 1
        on conflict (team_id) do update set version = v.version + 1;
    elsif tg_op = 'DELETE' then
        insert into team_places_version as v (team_id, version)
        select distinct team_id, 1 from old_rows order by 1
        on conflict (team_id) do update set version = v.version + 1;
    else
        insert into team_places_version as v (team_id, version)
        select team_id, 1 from (select team_id from old_rows union select team_id from new_rows) t order by 1
        on conflict (team_id) do update set version = v.version + 1;
    end if;
    return null;
end
$$;

-- the same three triggers on both tables: <table>_places_insert, _update and _delete
do $$
declare t text;
begin
    foreach t in array array['organization', 'unit'] loop
        execute format('create trigger %1$I after insert on %2$I referencing new table as new_rows '
                       'for each statement execute function gw_team_places_changed()', t || '_places_insert', t);
        execute format('create trigger %1$I after update on %2$I referencing old table as old_rows new table as new_rows '
                       'for each statement execute function gw_team_places_changed()', t || '_places_update', t);
        execute format('create trigger %1$I after delete on %2$I referencing old table as old_rows '
                       'for each statement execute function gw_team_places_changed()', t || '_places_delete', t);
    end loop;
end
$$;
