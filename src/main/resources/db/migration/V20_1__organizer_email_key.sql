-- The login (form and token) finds the account by its email across the instance. Under
-- row-level security a function around a column is not LEAKPROOF (lower() is not), so
-- `lower(email) = ?` could not use organizer_email_key and read every organizer of the instance
-- on each login. The folded email as a stored generated column, compared with plain `=` (texteq
-- is LEAKPROOF), keeps the lookup on the unique index. Same rule (emails are unique whatever
-- their case), same constraint name (TeamRestore and the logs name it), one index as before.
alter table organizer add column email_key text generated always as (lower(email)) stored;
drop index organizer_email_key;
create unique index organizer_email_key on organizer (email_key);
