-- A connection that works for no team fails when it touches a team-owned row, instead of seeing
-- none. V14_1's policies answered "nothing" to a connection with neither groundwork.team_id nor
-- the instance-wide scope set, and the app then answered as if the row did not exist (a 404, or a
-- 400 "no contact with that id in your team") when a request ran on a connection whose team was
-- not in effect. Now such a statement raises insufficient_privilege (42501) naming the cause: a
-- hard failure (a 500 the log explains), never a silent empty answer.
--
-- Each setting is read once per statement, not once per row: both sides of the policy are
-- uncorrelated subqueries, which PostgreSQL evaluates once (InitPlans), so a row costs a uuid
-- comparison. Measured on PostgreSQL 17 on this loaded 2-core machine, count(*) over 400,000 rows
-- of which the team has 200,000 (five runs each): V14_1's policy 424-736 ms, this one 144-199 ms.
-- gw_scope_team() raises only when a row is met with no team set: a statement that finds no row
-- at all (an unknown id through an index) still answers nothing, which is the truth in any team.

-- the team a connection works for; null when it works instance-wide; an error when neither is set
create function gw_scope_team() returns uuid
    language plpgsql stable as
$$
declare
    team text := current_setting('groundwork.team_id', true);
begin
    if current_setting('groundwork.scope', true) = 'instance' then
        return null;
    end if;
    if coalesce(team, '') = '' then
        raise exception 'this database connection works for no team (groundwork.team_id is empty and groundwork.scope is not instance)'
            using errcode = 'insufficient_privilege',
                  hint = 'the app sets both settings on every connection it lends (platform/TeamScopeInterceptor)';
    end if;
    return team::uuid;
end;
$$;

create function gw_team_policy(p_column text) returns text
    language sql immutable as
$$
select format($p$(select current_setting('groundwork.scope', true) = 'instance') or %1$I = (select gw_scope_team())$p$,
              p_column)
$$;

-- what later migrations call for their new tables (same signature as V14_1's)
create or replace function gw_scope_to_team(p_table regclass, p_column text default 'team_id') returns void
    language plpgsql as
$$
begin
    execute format('alter table %s enable row level security', p_table);
    execute format('alter table %s force row level security', p_table);
    execute format('create policy team_scope on %s using (%s) with check (%s)',
                   p_table, gw_team_policy(p_column), gw_team_policy(p_column));
end;
$$;

-- the policies V14_1 and V14_2 made: team by its id, every other table by team_id
do
$$
declare
    t record;
begin
    for t in select c.oid::regclass as tab, c.relname
             from pg_policy p join pg_class c on c.oid = p.polrelid
             where p.polname = 'team_scope'
    loop
        execute format('alter policy team_scope on %s using (%s) with check (%s)', t.tab,
                       gw_team_policy(case when t.relname = 'team' then 'id' else 'team_id' end),
                       gw_team_policy(case when t.relname = 'team' then 'id' else 'team_id' end));
    end loop;
end;
$$;
