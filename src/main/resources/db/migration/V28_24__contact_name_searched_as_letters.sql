-- The searched name is one run of letters and digits: V28_23 left spaces in, so the very next walk typed
-- "Sarah O Connor" for Sarah O'Connor and "Mary-Jane St.Clair" for Mary-Jane St. Clair, found no one, and
-- Add contact and the door's new person added each a second time without asking. Names are heard, not
-- spelled: where a space, an apostrophe, a dot or a hyphen goes is the part an organizer cannot know. So
-- name_unaccented (V28_14) now holds the name without its accents and without any of them: "Sarah
-- O'Connor" is "SarahOConnor", and "oconnor", "o connor", "sarah o'connor" all find her. The search's
-- words go through the same function (a LIKE pattern's %, _ and \ are kept), and so does the same-name
-- question, which compares the two whole.
--
-- Kept: every other character, so "Cy_Young" is still found by "y_y" as typed. A search for a first name
-- may now also find it across two words ("ana" in "Juan Alvarez"): a search lists, it never merges.

create function gw_name_letters(text) returns text
    language sql immutable strict parallel safe
    as $$ select pg_catalog.translate(public.gw_unaccent($1), ' -''`´.', '') $$;

-- PostgreSQL 17: every row's column computed again and its trigram index rebuilt, with no trigger fired.
alter table contact alter column name_unaccented set expression as (gw_name_letters(full_name));

-- V28_23's function: nothing refers to it any more.
drop function gw_search_name(text);

analyze contact;
