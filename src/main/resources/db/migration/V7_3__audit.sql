-- The audit trail: who did what and when, for every write and every login. It keeps ids, field
-- names and counts only, never a personal value (no names, emails, phones, words), so erasing
-- a person leaves nothing of them here and nothing here ever needs to change.
create table audit_event (
    id            uuid primary key,
    -- null only for a failed login that named no account: it belongs to no team
    team_id       uuid references team (id),
    -- who did it; null when no one was logged in (failed logins, setup)
    organizer_id  uuid,
    at            timestamptz not null default now(),
    kind          text        not null check (kind in (
        'created', 'changed', 'deleted', 'erased', 'level-changed', 'attendance-changed', 'role-changed',
        'exported', 'imported', 'revoked',
        'login', 'login-failed', 'login-throttled', 'logout', 'password-changed',
        'two-factor-enabled', 'two-factor-reset')),
    entity_type   text check (entity_type in (
        'contact', 'conversation', 'follow-up', 'work', 'action', 'organization', 'organizer', 'team',
        'token', 'session')),
    entity_id     uuid,
    -- the names of the fields a change sent (camelCase API names); never their values. The
    -- pattern lets no value through that is not shaped like a field name.
    fields        text[]      not null default '{}'
        check (cardinality(fields) <= 64 and array_position(fields, null) is null
            and array_to_string(fields, ',') ~ '^([a-z][A-Za-z]{0,63}(,[a-z][A-Za-z]{0,63})*)?$'),
    -- rows exported, or contacts an import created; and contacts an import updated
    count         integer check (count >= 0),
    updated_count integer check (updated_count >= 0),
    check (team_id is not null or kind = 'login-failed'),
    check (entity_id is null or entity_type is not null),
    foreign key (team_id, organizer_id) references organizer (team_id, id)
);
-- the admin's list: a team's events, newest first, filtered by who, what or which entity
create index audit_event_team_idx on audit_event (team_id, at desc, id desc);
create index audit_event_entity_idx on audit_event (team_id, entity_id, at desc) where entity_id is not null;
create index audit_event_organizer_idx on audit_event (team_id, organizer_id, at desc) where organizer_id is not null;

-- Append-only in the database too, whoever connects. Teams cannot be deleted today, so no
-- delete is allowed at all; a future "delete a team" must replace this function with one that
-- lets exactly that team's rows go.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_no_update_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- When the app connects as a role that is not a superuser (as it should in production), it
-- cannot change the trail even before the trigger runs: the owner keeps only insert and select.
revoke update, delete, truncate on audit_event from public;
revoke update, delete, truncate on audit_event from current_user;
