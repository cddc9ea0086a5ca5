-- A work's name is unique in its team, compared as people read it (case and surrounding spaces
-- aside), as an organization's is: two works of one name made the conversation form, the report's
-- work filter and the archive ambiguous ("which 'Rent strike'?").
--
-- Works that already share a name keep their rows, ids and everything filed under them. The rule,
-- in the order the works were made (ids are time-ordered): a work keeps its name unless a work made
-- before it holds that name; then it takes the first "Name (2)", "Name (3)", ... that no work made
-- before it holds. Its version moves on, so a form opened before the upgrade is told it changed.
-- A restore of an archive made before this migration applies the same rule with the same function
-- (archive/TeamRestore inserts the works one at a time, in the archive's id order).

-- The name a work can take: its own, or with the first free " (n)", free among the works of its
-- team made before it. The name is cut so the suffix fits the column's 200 characters.
create function gw_free_work_name(p_team uuid, p_work uuid, p_name text) returns text
    language plpgsql as
$$
declare
    candidate text := p_name;
    n         int  := 1;
begin
    loop
        exit when not exists (select 1
                              from work w
                              where w.team_id = p_team
                                and w.id < p_work
                                and lower(btrim(w.name)) = lower(btrim(candidate)));
        n := n + 1;
        candidate := left(btrim(p_name), 200 - length(' (' || n || ')')) || ' (' || n || ')';
    end loop;
    return candidate;
end;
$$;

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

create unique index work_name_key on work (team_id, lower(btrim(name)));
