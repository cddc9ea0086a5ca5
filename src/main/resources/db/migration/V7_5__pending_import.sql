-- Files uploaded on the import page wait here between the check (dry run) and the confirmation,
-- instead of on one instance's disk: the confirmation may reach another instance behind the
-- proxy. Rows are kept under the uploader's team and organizer (a key is useless to anyone
-- else), claimed by the confirmation so a double click imports once, and expire after a day.
create table pending_import (
    id           uuid        primary key,
    team_id      uuid        not null,
    organizer_id uuid        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    file_name    text        not null check (length(file_name) <= 255),
    size_bytes   bigint      not null check (size_bytes > 0),
    content      bytea       not null,
    -- set while an import reads the file; null while it waits for the organizer
    claimed_at   timestamptz,
    check (expires_at > created_at),
    check (claimed_at is null or claimed_at >= created_at),
    -- the size is the stored length (read from the value's header, not by detoasting it)
    check (octet_length(content) = size_bytes),
    -- an organizer's removal takes their uploads with it: nothing else refers to them
    foreign key (team_id, organizer_id) references organizer (team_id, id) on delete cascade
);
-- Stored out of line and uncompressed, so a slice of the file (substring) reads only its own
-- TOAST chunks: the app streams the file in slices instead of holding it whole in memory.
alter table pending_import alter column content set storage external;
create index pending_import_owner_idx on pending_import (team_id, organizer_id);
create index pending_import_expiry_idx on pending_import (expires_at);
