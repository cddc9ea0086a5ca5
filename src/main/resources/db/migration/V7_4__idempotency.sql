-- Idempotency-Key: the first answer to a keyed POST/PUT, kept 24 hours so that a retry (a phone
-- on a picket line's bad signal) gets that answer again instead of writing twice. The row is
-- inserted in the same transaction as the write it answers: the primary key lets exactly one
-- of several concurrent retries in, the others wait for it and then read its answer.
create table idempotency_key (
    team_id      uuid        not null,
    organizer_id uuid        not null,
    key          text        not null check (length(key) between 1 and 200),
    -- SHA-256 of the method, the path and the request's body: the same key with another request is refused
    request_hash bytea       not null,
    created_at   timestamptz not null default now(),
    -- the answer; null only inside the transaction that is still writing it
    status       integer check (status between 100 and 599),
    location     text,
    etag         text,
    -- the answer's JSON as it was sent; it may hold personal data, so erasing a contact deletes
    -- the rows whose answer names them, and every row goes after 24 hours
    body         text,
    primary key (team_id, organizer_id, key),
    foreign key (team_id, organizer_id) references organizer (team_id, id) on delete cascade
);
create index idempotency_key_created_idx on idempotency_key (created_at);
