-- An encounter's level at the time (V3_1) was read by its BEFORE trigger with the statement's own
-- snapshot, while a level change of the same contact could be committing: the level change's own
-- trigger (V5_1) recomputes the rows it can see, and a conversation inserted beside it was in
-- neither, so it kept the old level for good (a helper's race test: 21 of 25 conversations logged
-- while a level change was deleted, 4 of 25 while one was recorded). Now each trigger first locks the
-- contact FOR KEY SHARE, which waits for a level change or its deletion being written (they hold the
-- contact FOR UPDATE: ContactService), and reads the level with a snapshot taken after it. KEY SHARE
-- is what the encounter's own foreign key takes on the contact a moment later anyway, so concurrent
-- conversations of one contact do not wait for each other, and a level change waits for them.
create or replace function gw_conversation_level() returns trigger
    language plpgsql as
$$
begin
    perform 1 from contact where id = new.contact_id for key share;
    new.level_at_time := gw_level_at(new.contact_id, new.occurred_at);
    return new;
end
$$;

-- V28_3's body, with the same lock first
create or replace function gw_attendance_level() returns trigger
    language plpgsql as
$$
begin
    perform 1 from contact where id = new.contact_id for key share;
    new.level_at_time := gw_level_at(new.contact_id,
        (select a.starts_at from action a where a.id = new.action_id));
    select k.position, k.organization_id, k.unit_id into new.position, new.organization_id, new.unit_id
    from contact k where k.id = new.contact_id;
    return new;
end
$$;
