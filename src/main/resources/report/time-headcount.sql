-- The live people in each place of the team now (unit_headcount, kept by triggers, V19_2): the
-- "by unit" table's people, beside the places of time-units.sql. Null: none.
-- Parameters: team.
select h.organization_id, h.unit_id, h.people from unit_headcount h where h.team_id = :team
