-- The searched name (V28_24) read the same on both sides for most names, but not all: a walk found that
-- "x²" and "①", typed exactly as stored, found no one and were added again without the same-name question
-- (the typed words are read in their compatibility form, NFKC, "x2" and "1"; the stored name was not), and
-- that "Gal·la" (a Catalan middle dot), "José \"Pepe\" García" or "Smith, John" were not found without their
-- punctuation. gw_name_letters now reads the name in its compatibility form first (PostgreSQL's own
-- normalize, immutable, as the typed words are in Java: a full-width "ＯＣｏｎｎｏｒ" was already folded so
-- by unaccent), and leaves out the middle dot, commas, underscores, double quotes and parentheses too. The
-- LIKE pattern is made from its result in the statement (ContactQuery.NAME_PATTERN), so leaving out "_"
-- changes no wildcard.

create or replace function gw_name_letters(text) returns text
    language sql immutable strict parallel safe
    as $$ select pg_catalog.translate(public.gw_unaccent(pg_catalog.normalize($1, 'NFKC')), ' -''`´.·,_"()', '') $$;

-- the stored column computed again with the new body, its index rebuilt, no trigger fired (PostgreSQL 17)
alter table contact alter column name_unaccented set expression as (gw_name_letters(full_name));

analyze contact;
