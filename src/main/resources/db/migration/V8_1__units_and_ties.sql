-- The wall chart (issue 13): units inside an organization (departments, floors, buildings of an
-- estate, shifts, areas), a contact's place in one of them, and the ties between contacts
-- (who is close to whom, who listens to whom).

create table unit (
    id              uuid primary key,
    team_id         uuid        not null references team (id),
    organization_id uuid        not null,
    -- one level of nesting: building -> floor, department -> shift (the trigger below keeps it one)
    parent_id       uuid,
    kind            text        not null default 'other'
        check (kind in ('department', 'floor', 'building', 'shift', 'area', 'other')),
    name            text        not null check (length(btrim(name)) between 1 and 200),
    -- the order of the columns on the wall chart
    position        integer     not null default 0 check (position between 0 and 100000),
    created_at      timestamptz not null default now(),
    version         bigint      not null default 0,
    unique (team_id, id),
    -- what a contact's reference points at: a unit of the contact's own organization
    unique (team_id, organization_id, id),
    check (parent_id is null or parent_id <> id),
    foreign key (team_id, organization_id) references organization (team_id, id) on delete cascade,
    -- the parent is in the same organization; deferrable so a merge can move a whole tree
    constraint unit_parent_fk foreign key (team_id, organization_id, parent_id)
        references unit (team_id, organization_id, id) on delete cascade deferrable initially immediate
);
-- a name once within its organization and parent ("Night shift" may sit under two departments)
create unique index unit_name_key on unit (team_id, organization_id, parent_id, lower(btrim(name))) nulls not distinct;
create index unit_parent_idx on unit (parent_id) where parent_id is not null;

create function unit_one_level() returns trigger language plpgsql as $$
begin
    if new.parent_id is not null then
        if exists (select 1 from unit where id = new.parent_id and parent_id is not null) then
            raise exception 'unit % would nest two levels deep', new.id using errcode = '23514',
                constraint = 'unit_one_level';
        end if;
        if exists (select 1 from unit where parent_id = new.id) then
            raise exception 'unit % has units inside it and cannot sit inside another', new.id
                using errcode = '23514', constraint = 'unit_one_level';
        end if;
    end if;
    return new;
end $$;
create trigger unit_one_level before insert or update of parent_id on unit
    for each row execute function unit_one_level();

-- A contact sits in at most one unit, of their own organization: the composite key refuses a unit
-- of another organization or team, and a unit needs an organization. Removing a unit leaves its
-- people in "no unit". Deferrable for the same merge.
alter table contact add column unit_id uuid;
alter table contact add constraint contact_unit_needs_organization
    check (unit_id is null or organization_id is not null);
alter table contact add constraint contact_unit_fk foreign key (team_id, organization_id, unit_id)
    references unit (team_id, organization_id, id) on delete set null (unit_id) deferrable initially immediate;
create index contact_unit_idx on contact (unit_id) where unit_id is not null;
-- the wall chart reads one organization's live people; the time report's byUnit counts the people
-- of every unit from this index alone
create index contact_organization_idx on contact (team_id, organization_id, unit_id) where erased_at is null;

create table tie (
    id               uuid primary key,
    team_id          uuid        not null references team (id),
    contact_id       uuid        not null,
    other_contact_id uuid        not null,
    kind             text        not null check (kind in ('close', 'family', 'neighbour', 'listens-to')),
    note             text check (note is null or length(note) <= 2000),
    created_by       uuid,
    created_at       timestamptz not null default now(),
    check (contact_id <> other_contact_id),
    -- close, family, neighbour go both ways and are stored once, the smaller id first;
    -- listens-to is directed: contact_id listens to other_contact_id
    check (kind = 'listens-to' or contact_id < other_contact_id),
    unique (team_id, contact_id, other_contact_id, kind),
    -- both people in the tie's team: no tie across teams
    foreign key (team_id, contact_id) references contact (team_id, id) on delete cascade,
    foreign key (team_id, other_contact_id) references contact (team_id, id) on delete cascade,
    foreign key (team_id, created_by) references organizer (team_id, id) on delete set null (created_by)
);
-- "who listens to X" for the organic leaders list, and a contact's ties from the other side
create index tie_other_idx on tie (team_id, other_contact_id, kind);
