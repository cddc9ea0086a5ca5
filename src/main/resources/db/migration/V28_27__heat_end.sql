-- The end of a first-timer's heat window: the end of the heatWindowDays-th day after the day of
-- their first action, on the team's clocks (docs/reports.md). Written out in the time report's and
-- the movement report's statements, and the wall chart's "first time" mark had its own rule (48
-- hours back from now, any first-time attendance: a walk saw the mark gone while Today and the
-- movement report still had the person in the heat); now the three ask this one.
-- STABLE (a time zone's rules may change), one expression: the planner inlines it, so the
-- reports' plans are the same as with the expression written out.
create function gw_heat_end(p_first_at timestamptz, p_zone text, p_heat integer) returns timestamptz
    language sql stable parallel safe
as $$
select cast(cast(p_first_at at time zone p_zone as date) + p_heat + 1 as timestamp) at time zone p_zone
$$;
