-- The movement report's level changes, kept in a table of their own with what the report
-- needs to count people without grouping them. For a team's 90 days the report hashed the
-- period's ~29,000 changes into one group per (from, to, person) to count the people of each
-- pair, then sorted all ~28,700 groups to rank the 100 most recently moved of each pair. Here
-- each change (never a creation row: the level a contact is created with is not a move) carries
-- earlier_at, the time of the same person's previous change between the same two levels, so a
-- pair's people in a period are its changes there whose earlier_at is before the period (or
-- none): a count over a range of level_move_pair_idx. The same index, walked backwards, gives
-- each pair's most recent changes for the ranked list.
--
-- Kept by triggers, so no code path can forget it: level changes inserted, updated or deleted
-- (statement-level, transition tables) recompute the moves of the contacts they touch, from
-- their level changes, and write only where something changed. Creation rows (from_level null:
-- an import's COPY writes thousands) touch nothing. Like first_action it is derived: left out
-- of the team archive, rebuilt by the restore's inserts.

create table level_move (
    team_id    uuid        not null,
    contact_id uuid        not null,
    id         uuid        not null, -- the level change's
    from_level text        not null,
    to_level   text        not null,
    changed_at timestamptz not null,
    -- this person's previous change from from_level to to_level, in (changed_at, id) order
    earlier_at timestamptz,
    -- no foreign key to contact: the level change's own holds, and each would cost a level
    -- change one more lookup
    primary key (team_id, contact_id, id),
    check (earlier_at is null or earlier_at <= changed_at)
);
-- a pair's changes in a period: counted, and walked back from the period's end for the list
create index level_move_pair_idx on level_move (team_id, from_level, to_level, changed_at)
    include (contact_id, earlier_at);
select gw_scope_to_team('level_move');

-- The moves of these contacts of one team, from their level changes (level_change_contact_idx),
-- written only where they change; a change that is gone (or no longer a move) loses its row.
-- PL/pgSQL keeps the statement's plan for the session (a SQL function plans it on every call:
-- ~10 ms of a level change's ~20 under load).
create function gw_level_move_refresh(p_team uuid, p_contacts uuid[]) returns void
    language plpgsql as
$$
begin
with wanted as (
    select l.contact_id, l.id, l.from_level, l.to_level, l.changed_at,
           lag(l.changed_at) over (partition by l.contact_id, l.from_level, l.to_level
                                   order by l.changed_at, l.id) as earlier_at
    from level_change l
    where l.contact_id = any (p_contacts) and l.team_id = p_team and l.from_level is not null
), gone as (
    delete from level_move m
    where m.team_id = p_team and m.contact_id = any (p_contacts)
      and not exists (select from wanted w where w.contact_id = m.contact_id and w.id = m.id)
)
insert into level_move as m (team_id, contact_id, id, from_level, to_level, changed_at, earlier_at)
select p_team, w.contact_id, w.id, w.from_level, w.to_level, w.changed_at, w.earlier_at from wanted w
order by w.contact_id, w.id
on conflict (team_id, contact_id, id) do update
    set from_level = excluded.from_level, to_level = excluded.to_level,
        changed_at = excluded.changed_at, earlier_at = excluded.earlier_at
    where (m.from_level, m.to_level, m.changed_at, m.earlier_at)
          is distinct from (excluded.from_level, excluded.to_level, excluded.changed_at, excluded.earlier_at);
end
$$;

create function gw_level_move_inserted() returns trigger
    language plpgsql as
$$
begin
    perform gw_level_move_refresh(team_id, array_agg(distinct contact_id))
    from moves_added where from_level is not null group by team_id;
    return null;
end
$$;
-- Only rows whose contact, levels or time changed (erasure clears the reasons: nothing to do).
create function gw_level_move_updated() returns trigger
    language plpgsql as
$$
begin
    perform gw_level_move_refresh(r.team_id, array_agg(distinct r.contact_id))
    from (select o.team_id, o.contact_id from moves_before o
          where not exists (select from moves_after n where n.id = o.id
                              and (n.team_id, n.contact_id, n.from_level, n.to_level, n.changed_at)
                                  is not distinct from (o.team_id, o.contact_id, o.from_level, o.to_level, o.changed_at))
          union all
          select n.team_id, n.contact_id from moves_after n
          where not exists (select from moves_before o where o.id = n.id
                              and (n.team_id, n.contact_id, n.from_level, n.to_level, n.changed_at)
                                  is not distinct from (o.team_id, o.contact_id, o.from_level, o.to_level, o.changed_at))) r
    group by r.team_id;
    return null;
end
$$;
create function gw_level_move_deleted() returns trigger
    language plpgsql as
$$
begin
    perform gw_level_move_refresh(team_id, array_agg(distinct contact_id))
    from moves_before where from_level is not null group by team_id;
    return null;
end
$$;
create trigger level_move_insert
    after insert on level_change referencing new table as moves_added
    for each statement execute function gw_level_move_inserted();
create trigger level_move_update
    after update on level_change referencing old table as moves_before new table as moves_after
    for each statement execute function gw_level_move_updated();
create trigger level_move_delete
    after delete on level_change referencing old table as moves_before
    for each statement execute function gw_level_move_deleted();

-- fill from what exists
insert into level_move (team_id, contact_id, id, from_level, to_level, changed_at, earlier_at)
select l.team_id, l.contact_id, l.id, l.from_level, l.to_level, l.changed_at,
       lag(l.changed_at) over (partition by l.contact_id, l.from_level, l.to_level order by l.changed_at, l.id)
from level_change l
where l.from_level is not null
order by l.team_id, l.contact_id, l.id;
analyze level_move;
