-- The contact search finds a name however its punctuation is typed: "oconnor" finds Sarah O'Connor,
-- "mary jane" finds Mary-Jane, "st clair" finds Rosa St. Clair. Organizers type names as they hear
-- them, without apostrophes or dots, and at an action's door a name not found was checked in again as
-- a new person (a walk: "oconnor" found no one). The searched column, name_unaccented (V28_14), now
-- holds the name without its accents, its apostrophes and its dots, and with its hyphens read as
-- spaces; the search's own words go through the same function, so each side reads the other's way.

-- After unaccent, which already makes ’ ‘ ʼ an apostrophe and ‐ – — a hyphen: hyphens become
-- spaces, and apostrophes, backticks, acute accents written alone and dots are dropped. Qualified
-- names: a restore (pg_dump sets an empty search_path) computes the column with this body.
create function gw_search_name(text) returns text
    language sql immutable strict parallel safe
    as $$ select pg_catalog.translate(public.gw_unaccent($1), '-''`´.', ' ') $$;

-- PostgreSQL 17: the column is computed again for every row and its trigram index rebuilt, without
-- firing the contact's triggers (an update of full_name would have, for every contact).
alter table contact alter column name_unaccented set expression as (gw_search_name(full_name));

analyze contact;
