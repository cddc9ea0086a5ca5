-- Every logged conversation asks gw_level_at (V3_1) for its contact's level at that time, from the
-- conversation's BEFORE trigger (and attendance's, V18_4/V28_3). gw_level_at was a SQL function
-- whose body PostgreSQL cannot inline (it holds subqueries), so PostgreSQL 17 planned its three
-- lookups afresh on every call: pg_stat_statements counted one planning per POST, 0.15 ms of it on
-- one connection and 0.25 ms under 16 (docs/performance.md, seventeenth session), where the lookups
-- themselves take 0.03 ms. A PL/pgSQL function keeps its statement's plan for the session.
-- The rule is the same, word for word; only the language changes.
create or replace function gw_level_at(p_contact uuid, p_at timestamptz) returns text
    language plpgsql stable as
$$
begin
    return coalesce(
        (select l.to_level from level_change l
         where l.contact_id = p_contact and l.changed_at <= p_at
         order by l.changed_at desc, l.id desc limit 1),
        (select l.to_level from level_change l
         where l.contact_id = p_contact
         order by (l.from_level is null) desc, l.created_at, l.id limit 1),
        (select c.engagement_level from contact c where c.id = p_contact));
end
$$;
