-- The contact search finds names whatever their accents: "nunez" finds José Núñez, "Pena" finds
-- Ana Lucía Peña. Organizers type names as they hear them, and at an action's door a name not
-- found was checked in again as a new person. The name is searched in a stored column with its
-- accents taken off by unaccent (a trusted extension, as pg_trgm: the app's own role may create
-- it), under the same kind of trigram index that served full_name, which it replaces.

create extension if not exists unaccent;

-- unaccent() is STABLE (its rules file could change); a generated column needs IMMUTABLE. The
-- rules ship with PostgreSQL and do not change under a running database; if they ever did,
-- `update contact set full_name = full_name` computes the column again.
create function gw_unaccent(text) returns text
    language sql immutable strict parallel safe
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

alter table contact add column name_unaccented text
    generated always as (gw_unaccent(full_name)) stored;

-- ILIKE on the column, the search's operator (LEAKPROOF in our set-up, so row-level security keeps
-- the index: docs/reports.md, "Contact search"); the search's own words go through gw_unaccent.
create index contact_name_unaccented_trgm_idx on contact using gin (name_unaccented gin_trgm_ops)
    where erased_at is null;
drop index contact_name_trgm_idx;

analyze contact;
