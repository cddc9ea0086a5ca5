-- Two-factor login (TOTP, RFC 6238). The secret is set once the organizer has proved their
-- app makes the right codes; until then it waits in totp_pending_secret.
alter table organizer add column totp_secret text check (length(totp_secret) between 16 and 128);
alter table organizer add column totp_pending_secret text check (length(totp_pending_secret) between 16 and 128);
-- the last 30-second step whose code was accepted: a code works once
alter table organizer add column totp_last_step bigint;

-- Ten one-time recovery codes per enrolment, only their SHA-256 kept (they are random, like tokens).
create table recovery_code (
    id           uuid primary key,
    team_id      uuid        not null,
    organizer_id uuid        not null,
    code_hash    bytea       not null unique,
    used_at      timestamptz,
    foreign key (team_id, organizer_id) references organizer (team_id, id) on delete cascade
);
create index recovery_code_organizer_idx on recovery_code (organizer_id);

-- A team can require two-factor login of everyone.
alter table team add column two_factor_required boolean not null default false;

-- A session stays 'pending' between the password and the code (or, when the team requires
-- two-factor login of someone not yet enrolled, until they enrol): it opens nothing else.
alter table login_session add column state text not null default 'full'
    check (state in ('full', 'code', 'enrol'));
