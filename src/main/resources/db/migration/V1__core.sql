-- Groundwork core schema. Every team-owned row carries team_id, and references between
-- team-owned rows are composite foreign keys on (team_id, id): the database itself refuses
-- a contact owned by another team's organizer or a conversation about another team's contact.

create table team (
    id                uuid primary key,
    name              text        not null check (length(btrim(name)) between 1 and 200),
    time_zone         text        not null default 'UTC' check (length(time_zone) between 1 and 64),
    heat_window_days  integer     not null default 2 check (heat_window_days between 0 and 60),
    cooling_days      integer     not null default 21 check (cooling_days between 1 and 365),
    created_at        timestamptz not null default now(),
    version           bigint      not null default 0
);

create table organizer (
    id             uuid primary key,
    team_id        uuid        not null references team (id),
    email          text        not null check (email like '%_@_%' and length(email) <= 254),
    display_name   text        not null check (length(btrim(display_name)) between 1 and 200),
    role           text        not null check (role in ('organizer', 'coordinator', 'admin')),
    password_hash  text        not null,
    -- the account made by setup: may create further teams
    instance_admin boolean     not null default false,
    created_at     timestamptz not null default now(),
    version        bigint      not null default 0,
    unique (team_id, id)
);
-- login is by email alone, so an email belongs to one account across all teams
create unique index organizer_email_key on organizer (lower(email));

create table api_token (
    id           uuid primary key,
    team_id      uuid        not null,
    organizer_id uuid        not null,
    name         text        not null check (length(btrim(name)) between 1 and 100),
    -- SHA-256 of the token; the token itself is shown once and never stored
    token_hash   bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    foreign key (team_id, organizer_id) references organizer (team_id, id) on delete cascade
);
create index api_token_organizer_idx on api_token (organizer_id);

create table organization (
    id         uuid primary key,
    team_id    uuid        not null references team (id),
    name       text        not null check (length(btrim(name)) between 1 and 200),
    kind       text        not null default 'other'
        check (kind in ('workplace', 'union', 'building', 'tenant-association', 'school', 'community', 'other')),
    created_at timestamptz not null default now(),
    version    bigint      not null default 0,
    unique (team_id, id)
);
create unique index organization_name_key on organization (team_id, lower(name));

create table contact (
    id                   uuid primary key,
    team_id              uuid        not null references team (id),
    -- null only once the contact is erased (see erased_at)
    full_name            text check (full_name is null or length(btrim(full_name)) between 1 and 200),
    phone                text check (phone is null or length(phone) <= 50),
    email                text check (email is null or length(email) <= 254),
    organization_id      uuid,
    position             text        not null default 'base'
        check (position in ('base', 'officer', 'staff', 'ally', 'political-group')),
    engagement_level     text        not null default 'new'
        check (engagement_level in ('new', 'less-involved', 'cadre')),
    owner_id             uuid,
    tags                 text[]      not null default '{}',
    do_not_contact       boolean     not null default false,
    notes                text check (notes is null or length(notes) <= 10000),
    -- newest conversation with this contact, kept on write so the cooling list is one index scan
    last_conversation_at timestamptz,
    erased_at            timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 0,
    unique (team_id, id),
    check (erased_at is not null or full_name is not null),
    check (erased_at is null or (full_name is null and phone is null and email is null and notes is null
        and cardinality(tags) = 0)),
    foreign key (team_id, organization_id) references organization (team_id, id),
    foreign key (team_id, owner_id) references organizer (team_id, id)
);
create index contact_team_idx on contact (team_id, id) where erased_at is null;
create index contact_owner_cooling_idx on contact (owner_id, last_conversation_at)
    where erased_at is null and not do_not_contact;
create index contact_tags_idx on contact using gin (tags);
create index contact_email_idx on contact (team_id, lower(email)) where email is not null;

create table level_change (
    id          uuid primary key,
    team_id     uuid        not null,
    contact_id  uuid        not null,
    from_level  text check (from_level in ('new', 'less-involved', 'cadre')),
    to_level    text        not null check (to_level in ('new', 'less-involved', 'cadre')),
    changed_at  timestamptz not null,
    changed_by  uuid,
    reason      text check (reason is null or length(reason) <= 2000),
    created_at  timestamptz not null default now(),
    foreign key (team_id, contact_id) references contact (team_id, id),
    foreign key (team_id, changed_by) references organizer (team_id, id)
);
create index level_change_contact_idx on level_change (contact_id, changed_at);

create table work (
    id            uuid primary key,
    team_id       uuid        not null references team (id),
    name          text        not null check (length(btrim(name)) between 1 and 200),
    focus         text        not null check (focus in ('bring-in-new', 'deepen-involvement', 'work-with-cadre')),
    mode          text        not null default 'building' check (mode in ('building', 'support')),
    justification text check (justification is null or length(justification) <= 5000),
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       bigint      not null default 0,
    unique (team_id, id)
);

create table conversation (
    id                   uuid primary key,
    team_id              uuid        not null,
    contact_id           uuid        not null,
    organizer_id         uuid        not null,
    work_id              uuid,
    occurred_at          timestamptz not null,
    duration_minutes     integer     not null check (duration_minutes between 1 and 1440),
    channel              text        not null
        check (channel in ('in-person', 'house-visit', 'phone', 'video', 'text', 'at-action')),
    summary              text check (summary is null or length(summary) <= 20000),
    issues               text check (issues is null or length(issues) <= 5000),
    commitments          text check (commitments is null or length(commitments) <= 5000),
    political_discussion boolean     not null default false,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 0,
    unique (team_id, id),
    foreign key (team_id, contact_id) references contact (team_id, id),
    foreign key (team_id, organizer_id) references organizer (team_id, id),
    foreign key (team_id, work_id) references work (team_id, id)
);
create index conversation_contact_idx on conversation (contact_id, occurred_at desc);
create index conversation_team_time_idx on conversation (team_id, occurred_at desc, id desc);
create index conversation_organizer_time_idx on conversation (organizer_id, occurred_at);

create table action (
    id               uuid primary key,
    team_id          uuid        not null,
    work_id          uuid,
    title            text        not null check (length(btrim(title)) between 1 and 200),
    kind             text        not null default 'other'
        check (kind in ('picket', 'march', 'strike', 'meeting', 'rally', 'training', 'canvass', 'other')),
    starts_at        timestamptz not null,
    duration_minutes integer     not null check (duration_minutes between 1 and 10080),
    location         text check (location is null or length(location) <= 500),
    created_by       uuid        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint      not null default 0,
    unique (team_id, id),
    foreign key (team_id, work_id) references work (team_id, id),
    foreign key (team_id, created_by) references organizer (team_id, id)
);
create index action_team_time_idx on action (team_id, starts_at desc, id desc);

-- the organizers present at an action: their minutes there are split over the attendees
create table action_organizer (
    action_id    uuid not null,
    organizer_id uuid not null,
    team_id      uuid not null,
    primary key (action_id, organizer_id),
    foreign key (team_id, action_id) references action (team_id, id) on delete cascade,
    foreign key (team_id, organizer_id) references organizer (team_id, id)
);
create index action_organizer_organizer_idx on action_organizer (organizer_id);

create table attendance (
    id          uuid primary key,
    team_id     uuid        not null,
    action_id   uuid        not null,
    contact_id  uuid        not null,
    first_time  boolean     not null,
    notes       text check (notes is null or length(notes) <= 2000),
    recorded_by uuid        not null,
    created_at  timestamptz not null default now(),
    unique (action_id, contact_id),
    foreign key (team_id, action_id) references action (team_id, id) on delete cascade,
    foreign key (team_id, contact_id) references contact (team_id, id),
    foreign key (team_id, recorded_by) references organizer (team_id, id)
);
create index attendance_contact_idx on attendance (contact_id);

create table follow_up (
    id                       uuid primary key,
    team_id                  uuid        not null,
    contact_id               uuid        not null,
    assignee_id              uuid        not null,
    due_on                   date        not null,
    purpose                  text check (purpose is null or length(purpose) <= 2000),
    reason                   text        not null default 'other'
        check (reason in ('after-action', 'next-step', 'keep-in-touch', 'other')),
    status                   text        not null default 'open' check (status in ('open', 'done', 'dropped')),
    -- what opened it: the action a first-timer attended, or the conversation that set a next step
    source_action_id         uuid,
    source_conversation_id   uuid,
    -- the conversation that completed it, when one did
    completed_by_conversation_id uuid,
    closed_at                timestamptz,
    created_by               uuid,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    version                  bigint      not null default 0,
    unique (team_id, id),
    check ((status = 'open') = (closed_at is null)),
    foreign key (team_id, contact_id) references contact (team_id, id),
    foreign key (team_id, assignee_id) references organizer (team_id, id),
    foreign key (team_id, source_action_id) references action (team_id, id) on delete set null (source_action_id),
    foreign key (team_id, source_conversation_id) references conversation (team_id, id) on delete set null (source_conversation_id),
    foreign key (team_id, completed_by_conversation_id) references conversation (team_id, id) on delete set null (completed_by_conversation_id),
    foreign key (team_id, created_by) references organizer (team_id, id)
);
-- the queue: one organizer's open follow-ups by due date
create index follow_up_queue_idx on follow_up (assignee_id, due_on, id) where status = 'open';
create index follow_up_contact_idx on follow_up (contact_id, status);
create index follow_up_team_idx on follow_up (team_id, id);
-- the heat rule opens at most one after-action follow-up per contact at a time
create unique index follow_up_one_open_after_action on follow_up (contact_id)
    where status = 'open' and reason = 'after-action';
