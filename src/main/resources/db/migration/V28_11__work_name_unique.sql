-- A work's name is unique in its team, compared as people read it (case and surrounding spaces
-- aside), as an organization's is: two works of one name made the conversation form, the report's
-- work filter and the archive ambiguous ("which 'Rent strike'?").
--
-- Works that already share a name keep their rows, ids and everything filed under them. The rule,
-- in the order the works were made (ids are time-ordered): a work keeps its name unless a work made
-- before it holds that name; then it is numbered, "Name (2)", "Name (3)", ... (below). Its version
-- moves on, so a form opened before the upgrade is told it changed.
-- A restore of an archive made before this migration applies the same rule with the same function
-- (archive/TeamRestore inserts the works one at a time, in the archive's id order).

-- The name a work can take: its own, or numbered, free among the works of its team made before
-- it. The k-th work made with a name takes "Name (k)": the works before it holding the name, bare
-- or numbered, say where to start, so a team (or an archive) with thousands of works of one name
-- costs one probe each, not one per number; a number taken otherwise ("Name (3)" typed as such) is
-- skipped over. The name is cut so the suffix fits the column's 200 characters.
create function gw_free_work_name(p_team uuid, p_work uuid, p_name text) returns text
    language plpgsql as
$$
declare
    base      constant text := lower(btrim(p_name));
    candidate text;
    n         int;
begin
    if not exists (select 1
                   from work w
                   where w.team_id = p_team
                     and w.id < p_work
                     and lower(btrim(w.name)) = base) then
        return p_name;
    end if;
    select count(*) + 1
    into n
    from work w
    where w.team_id = p_team
      and w.id < p_work
      and (lower(btrim(w.name)) = base
        or (left(lower(btrim(w.name)), length(base) + 2) = base || ' ('
            and substr(lower(btrim(w.name)), length(base) + 3) ~ '^[0-9]+\)$'));
    loop
        candidate := left(btrim(p_name), 200 - length(' (' || n || ')')) || ' (' || n || ')';
        exit when not exists (select 1
                              from work w
                              where w.team_id = p_team
                                and w.id < p_work
                                and lower(btrim(w.name)) = lower(btrim(candidate)));
        n := n + 1;
    end loop;
    return candidate;
end;
$$;

-- The lookups above by name, while the renaming runs (the unique index can only come after it).
create index work_name_renaming on work (team_id, lower(btrim(name)));

-- One work at a time, oldest first, so each sees the names given before it. Teams without a shared
-- name are not visited.
do
$$
declare
    r    record;
    free text;
begin
    for r in select w.id, w.team_id, w.name
             from work w
             where w.team_id in (select team_id
                                 from work
                                 group by team_id
                                 having count(*) > count(distinct lower(btrim(name))))
             order by w.team_id, w.id
        loop
            free := gw_free_work_name(r.team_id, r.id, r.name);
            if free <> r.name then
                update work
                set name       = free,
                    version    = version + 1,
                    updated_at = now()
                where id = r.id;
            end if;
        end loop;
end;
$$;

drop index work_name_renaming;
create unique index work_name_key on work (team_id, lower(btrim(name)));
