-- Server-side login sessions: the encrypted cookie names a row here, so logging out, a
-- password change or disabling an account really ends a session, on every app instance.
create table login_session (
    id           uuid primary key,
    team_id      uuid        not null,
    organizer_id uuid        not null,
    -- a short summary of the browser ("Firefox on Linux"), never the full User-Agent
    device       text        not null check (length(device) between 1 and 100),
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    check (expires_at > created_at),
    foreign key (team_id, organizer_id) references organizer (team_id, id) on delete cascade
);
create index login_session_organizer_idx on login_session (organizer_id);

-- Failed logins per account and per client address, so throttling holds across instances.
-- The account is kept as the SHA-256 of the normalised email: no address is stored, and an
-- unknown email is counted exactly like a known one.
create table login_throttle (
    key             text        primary key check (length(key) between 1 and 200),
    failures        integer     not null check (failures >= 0),
    first_failure_at timestamptz not null,
    blocked_until   timestamptz
);

-- An admin can disable an organizer: no login, no token, no session.
alter table organizer add column active boolean not null default true;
