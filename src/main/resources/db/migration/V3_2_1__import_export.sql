-- CSV import and export.

-- Phone numbers match as digits "in the team's country": the calling code whose numbers are
-- written without it ('1' for the US and Canada, '44' for the UK). A leading +<code>, 00<code>
-- or trunk 0 is dropped before comparing, so (718) 555-0102 matches +1 718 555 0102.
alter table team add column phone_country_code text not null default '1'
    check (phone_country_code ~ '^[1-9][0-9]{0,2}$');

-- Exports hand the team's people to whoever asked; each one is recorded (who, when, how many).
create table export_log (
    id           uuid primary key,
    team_id      uuid        not null references team (id),
    organizer_id uuid        not null,
    kind         text        not null check (kind in ('contacts', 'conversations')),
    -- the filters as asked, e.g. "tag=tenant&level=new"; empty for everything
    filters      text        not null default '',
    row_count    integer     not null,
    -- false when the client went away before the last row
    completed    boolean     not null,
    started_at   timestamptz not null,
    finished_at  timestamptz not null default now(),
    foreign key (team_id, organizer_id) references organizer (team_id, id)
);
create index export_log_team_idx on export_log (team_id, started_at desc);
