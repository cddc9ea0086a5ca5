-- V28_9's encounter triggers fire on any update of a conversation or attendance, because Hibernate
-- sets every column and "update of contact_id, ..." counts a column set to itself. Editing an
-- attendance's notes then held the attendance row and waited FOR KEY SHARE on the contact, while a
-- level change holding the contact FOR UPDATE waited to recompute that same attendance: a deadlock
-- (found by review, deadlock detected within deadlock_timeout). On an update that moves neither the
-- contact nor the time, nothing the trigger derives can change (the level and, for an attendance, the
-- position and place now are kept by the level-change, action-moved and contact-moved triggers), so
-- it now returns at once: no lock, no lookup. An insert, or an update that moves the contact or the
-- time, still locks the contact first. (V28_9's comment says concurrent conversations of one contact
-- do not wait for each other: they do, at the summaries' FOR NO KEY UPDATE (V28_4), as before; what
-- KEY SHARE adds is that a change of the contact's level history waits for them.)
create or replace function gw_conversation_level() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and new.contact_id = old.contact_id and new.occurred_at = old.occurred_at then
        return new;
    end if;
    perform 1 from contact where id = new.contact_id for key share;
    new.level_at_time := gw_level_at(new.contact_id, new.occurred_at);
    return new;
end
$$;

create or replace function gw_attendance_level() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and new.contact_id = old.contact_id and new.action_id = old.action_id then
        return new;
    end if;
    perform 1 from contact where id = new.contact_id for key share;
    new.level_at_time := gw_level_at(new.contact_id,
        (select a.starts_at from action a where a.id = new.action_id));
    select k.position, k.organization_id, k.unit_id into new.position, new.organization_id, new.unit_id
    from contact k where k.id = new.contact_id;
    return new;
end
$$;
