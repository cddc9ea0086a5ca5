-- Imports of large files run in the background (docs/import.md, "Large files"). Their progress
-- lives here, not in one instance's memory, so whichever instance a poll reaches can answer;
-- rows are kept under the team and the organizer who started the import (owner-only, like
-- pending_import).
create table import_job (
    id                uuid        primary key,
    team_id           uuid        not null,
    organizer_id      uuid        not null,
    -- queued: waiting for a worker; running; done (committed); failed (nothing saved);
    -- interrupted: its instance stopped sending heartbeats (nothing saved, see docs/import.md)
    state             text        not null default 'queued'
                      check (state in ('queued', 'running', 'done', 'failed', 'interrupted')),
    on_match          text        not null check (on_match in ('skip', 'update')),
    -- the explicit column mapping (the API's map), as given
    mapping           text[]      not null default '{}',
    file_name         text        not null check (length(file_name) <= 255),
    -- lines after the header: an upper bound of the rows (a quoted cell may span lines)
    rows_expected     integer     not null check (rows_expected >= 0),
    rows_read         integer     not null default 0 check (rows_read >= 0),
    created           integer     not null default 0 check (created >= 0),
    updated           integer     not null default 0 check (updated >= 0),
    skipped           integer     not null default 0 check (skipped >= 0),
    error_rows        integer     not null default 0 check (error_rows >= 0),
    -- the import's full answer once done (the API's ImportReport), the refusal once failed
    report            jsonb,
    failure           text        check (length(failure) <= 2000),
    failure_status    integer     check (failure_status between 400 and 599),
    -- the uploaded file while the job needs it; null once it is imported or dropped
    pending_import_id uuid        references pending_import (id) on delete set null,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    -- written every few seconds by the instance that holds the job; a queued or running job
    -- without a recent heartbeat belongs to an instance that died
    heartbeat_at      timestamptz not null default now(),
    check (started_at is null or started_at >= created_at),
    check (finished_at is null or finished_at >= created_at),
    check ((state in ('done', 'failed', 'interrupted')) = (finished_at is not null)),
    check (state <> 'done' or report is not null),
    foreign key (team_id, organizer_id) references organizer (team_id, id) on delete cascade
);
create index import_job_owner_idx on import_job (team_id, organizer_id, created_at);
-- one import at a time per team, across instances (the advisory lock guards the transaction;
-- this guards the queue, so a second large file is refused at once instead of failing later)
create unique index import_job_one_live_per_team on import_job (team_id) where state in ('queued', 'running');
