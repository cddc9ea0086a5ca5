-- Row-level security for the background imports' table (V11_1), as for every team-owned table
-- (V14_1): only the team's own jobs are visible, unless the connection works instance-wide.
select gw_scope_to_team('import_job');
