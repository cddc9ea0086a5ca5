-- Row-level security: every team-owned row is visible and writable only when the connection says
-- it works for that team. The app sets two settings on each connection it takes from its pool
-- (platform/TeamScope, platform/TeamScopeInterceptor):
--   groundwork.team_id  the authenticated organizer's team (or the team a background job acts for)
--   groundwork.scope    'instance' only for the named instance-wide work (login lookups, setup,
--                       team creation, sweeps, migrations); empty otherwise
-- With neither set a query sees no team-owned row at all, so a query that forgets its team
-- predicate returns nothing of another team instead of leaking it.
--
-- The app's role owns the tables, and owners are exempt from RLS unless it is FORCEd; superusers
-- and BYPASSRLS roles are always exempt (the app warns at start when it runs as one).
--
-- The app's queries name their team (`team_id = $1`), which is what their indexes start with; the
-- policy is then a filter on the rows that index found (current_setting is stable, the uuid
-- comparison leakproof, so the query's own conditions still drive the plan). It is not an index
-- condition itself because of the OR with the bypass: a query that forgets its predicate is
-- correct, not fast.

-- A new team-owned table gets its policy with one line in its own migration:
--   select gw_scope_to_team('my_table');
-- (RowLevelSecurityTest fails for any table with a team_id column that lacks it.)
create function gw_scope_to_team(p_table regclass, p_column text default 'team_id') returns void
    language plpgsql as
$$
begin
    execute format('alter table %s enable row level security', p_table);
    execute format('alter table %s force row level security', p_table);
    execute format($p$
        create policy team_scope on %s
            using (%2$I = nullif(current_setting('groundwork.team_id', true), '')::uuid
                   or current_setting('groundwork.scope', true) = 'instance')
            with check (%2$I = nullif(current_setting('groundwork.team_id', true), '')::uuid
                   or current_setting('groundwork.scope', true) = 'instance')
        $p$, p_table, p_column);
end;
$$;

select gw_scope_to_team('team', 'id');
select gw_scope_to_team('organizer');
select gw_scope_to_team('api_token');
select gw_scope_to_team('organization');
select gw_scope_to_team('contact');
select gw_scope_to_team('level_change');
select gw_scope_to_team('work');
select gw_scope_to_team('conversation');
select gw_scope_to_team('action');
select gw_scope_to_team('action_organizer');
select gw_scope_to_team('attendance');
select gw_scope_to_team('follow_up');
select gw_scope_to_team('export_log');
select gw_scope_to_team('conversation_day');
select gw_scope_to_team('login_session');
select gw_scope_to_team('recovery_code');
-- team_id is null for a failed login that named no account: such rows are instance-wide only
select gw_scope_to_team('audit_event');
select gw_scope_to_team('idempotency_key');
select gw_scope_to_team('pending_import');
-- the wall chart's tables (V8_1)
select gw_scope_to_team('unit');
select gw_scope_to_team('tie');
