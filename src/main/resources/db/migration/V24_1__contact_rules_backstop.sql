-- The database's backstop for the contact rules that had none here (the rules themselves are
-- contact/ContactFields, checked for the API, the forms and the import alike; V1 already holds
-- the name, phone, email and notes lengths): at most 50 tags, and an email with something on
-- both sides of an @ (the same test as organizer.email's). Both are cheap per row, so the
-- import's bulk insert pays nothing noticeable; the length of each tag stays Java's check only
-- (a CHECK cannot look inside the array without a function call per row).
alter table contact add constraint contact_tags_count check (cardinality(tags) <= 50);
alter table contact add constraint contact_email_shape check (email is null or email like '%_@_%');
