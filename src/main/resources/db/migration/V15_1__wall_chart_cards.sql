-- The wall chart's cards (issue 13, speed): each column's first cards in chart order (new, less
-- involved, cadre; then by name) straight from an index, so a 5,000-person organization's chart
-- reads about a thousand rows and sorts nothing. It leads with the columns of
-- contact_organization_idx, which it replaces (the column figures and the time report's byUnit
-- read it the same way), so a contact write updates as many indexes as before.
create index contact_chart_idx on contact (team_id, organization_id, unit_id,
    (case engagement_level when 'new' then 0 when 'less-involved' then 1 else 2 end), lower(full_name), id)
    where erased_at is null;
drop index contact_organization_idx;
