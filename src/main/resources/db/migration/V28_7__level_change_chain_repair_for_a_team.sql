-- V28_6's repair, as a function a restore calls for the team it just wrote: an archive made
-- before V28_6 holds the histories that migration repaired elsewhere, and restoring it would bring
-- them back unrepaired (a back-dated change leaving the next change's from_level as written, so the
-- movement report counts it under the wrong pair). The rule is V28_6's, word for word, scoped to one
-- team: each change takes the to_level of the change before it (in (changed_at, id) order, as
-- gw_level_at reads them); creations, a first change before the contact's creation, and a change the
-- repair would make change nothing are left as they are. level_change's statement trigger refreshes
-- level_move for the contacts repaired. Returns how many changes were repaired. Invoker's rights:
-- row-level security applies as to the caller's own statements.
create function gw_level_change_chain_repair(p_team uuid) returns integer
language plpgsql as $$
declare
    repaired integer;
begin
    with chain as (
        select l.id,
               lag(l.to_level) over (partition by l.contact_id order by l.changed_at, l.id) as before
        from level_change l
        where l.team_id = p_team
    )
    update level_change l
    set from_level = c.before
    from chain c
    where l.id = c.id
      and l.team_id = p_team
      and l.from_level is not null
      and c.before is not null
      and c.before <> l.from_level
      and c.before <> l.to_level;
    get diagnostics repaired = row_count;
    return repaired;
end;
$$;
