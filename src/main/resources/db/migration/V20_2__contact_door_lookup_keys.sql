-- Checking someone in at the door looks for a live contact with the same email (case aside) or
-- a phone number ending in the same seven digits (ContactService.samePerson). Under row-level
-- security a function around a column is not LEAKPROOF (lower(), right() are not), so the
-- planner may not use an expression index over it: contact_email_idx was read by its team_id
-- prefix only (every contact of the team that has an email) and contact_phone_tail_idx not at
-- all. Stored generated columns compared with plain `=` (texteq is LEAKPROOF) keep both lookups
-- on their index. One rewrite of contact; as many indexes as before. (A generated column cannot
-- read another, so the tail repeats phone_digits' rule.)
alter table contact
    add column email_key text generated always as (lower(email)) stored,
    add column phone_tail text generated always as (right(regexp_replace(phone, '[^0-9]', '', 'g'), 7)) stored;

drop index contact_email_idx;
create index contact_email_idx on contact (team_id, email_key) where email is not null;

drop index contact_phone_tail_idx;
create index contact_phone_tail_idx on contact (team_id, phone_tail) where erased_at is null and phone is not null;

analyze contact;
