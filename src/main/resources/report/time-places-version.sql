-- Which version of the team's places (its organizations and units) is committed: a different
-- number from the one report/TeamPlaces holds means they changed (team_places_version, V28_2).
-- Parameters: team.
select coalesce((select v.version from team_places_version v where v.team_id = :team), 0) as version
