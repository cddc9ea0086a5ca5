-- Level changes written in bulk (an import writes one creation row per new contact, 100,000
-- in one file) paid a PL/pgSQL call and two UPDATE statements per row in the row-level
-- trigger of V3_1. Inserts now recompute level_at_time once per statement, from the
-- transition table: each contact's rows from its earliest new change on (all of them for a
-- creation row, the fallback level). Updates and deletes of level changes are rare and keep
-- the row-level trigger. The rule itself (gw_level_at) is unchanged.

drop trigger level_change_level_at_time on level_change;

create trigger level_change_level_at_time
    after update or delete on level_change
    for each row execute function gw_level_changed();

create function gw_level_changes_inserted() returns trigger
    language plpgsql as
$$
begin
    with since as (
        select contact_id,
               min(case when from_level is null then '-infinity'::timestamptz else changed_at end) as since
        from new_changes
        group by contact_id
    )
    update conversation t set level_at_time = x.level
    from (select c.id, gw_level_at(c.contact_id, c.occurred_at) as level
          from since s join conversation c on c.contact_id = s.contact_id and c.occurred_at >= s.since) x
    where t.id = x.id and t.level_at_time is distinct from x.level;

    with since as (
        select contact_id,
               min(case when from_level is null then '-infinity'::timestamptz else changed_at end) as since
        from new_changes
        group by contact_id
    )
    update attendance t set level_at_time = x.level
    from (select att.id, gw_level_at(att.contact_id, a.starts_at) as level
          from since s join attendance att on att.contact_id = s.contact_id
          join action a on a.id = att.action_id
          where a.starts_at >= s.since) x
    where t.id = x.id and t.level_at_time is distinct from x.level;
    return null;
end
$$;

create trigger level_change_inserted_level_at_time
    after insert on level_change
    referencing new table as new_changes
    for each statement execute function gw_level_changes_inserted();
