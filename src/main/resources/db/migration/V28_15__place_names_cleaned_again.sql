-- Names of places (organizations, units) as the app cleans them now (platform/Text.placeName): the
-- forty-fourth session taught it more characters that show nothing (the Arabic letter mark, the
-- invisible operators, Khmer's inherent vowels, musical formatting characters), the Hangul fillers as
-- spaces, and a joiner at an end or beside a space. A name stored before kept them, so "Acme" with an
-- Arabic letter mark and a new "Acme" were two places of the same look, and the second was allowed.
--
-- Each such name is cleaned, one row at a time, in the order the places were made (ids are
-- time-ordered). A cleaned name that another place of the same scope already holds (the team's
-- organizations; an organization's units under one parent) is numbered instead, "Acme (2)", as
-- V28_11 numbered works of one name: two places that look alike become two that read apart, and
-- nothing filed under either moves. Its version moves on, so a form opened before is told it changed.
-- A name that would be left showing nothing, or grow past the column's 200 characters (NFC can
-- lengthen a few scripts), is kept as it is (no place loses its name, the migration never fails on
-- one); the page shows it, and an organizer can rename it.
--
-- The cleaning below is a copy of Text.placeName taken once for this migration (pg_temp: gone when
-- the migration's connection closes), not a second rule; PlaceNamesCleanedAgainTest runs this file
-- on names stored as before and compares each with Text.placeName.

create or replace function pg_temp.nfc(s text) returns text
    language sql
    immutable as
$$
select case when current_setting('server_encoding') = 'UTF8' then normalize(s, NFC) else s end;
$$;

create or replace function pg_temp.place_name(s text) returns text
    language sql
    immutable as
$$
select nullif(
               -- composed again once the invisible characters are gone (a soft hyphen between a letter and its accent)
               pg_temp.nfc(
                   -- Text.STRAY_JOINERS: a joiner after a character of a script that joins nothing with it
                   regexp_replace(
                       btrim(
                               regexp_replace(
                                       regexp_replace(
                                               regexp_replace(
                                                       pg_temp.nfc(s),
                                                   -- Text.INVISIBLE
                                                       '[\u200B\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069\u180E\u034F\uFE00-\uFE0F\u061C\u2061-\u2064\u17B4\u17B5\U0001D173-\U0001D17A\U000E0000-\U000E007F]',
                                                       '', 'g'),
                                           -- Text.SPACES (every space and control character as one space)
                                               '[\u0001-\u0020\u007F-\u009F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u3164\u115F\u1160\u2800\uFFA0]+',
                                               ' ', 'g'),
                                   -- Text.LOOSE_JOINERS: a joiner at an end or beside a space
                                       '(^|(?<= ))[\u200C\u200D]+|[\u200C\u200D]+(?= |$)', '', 'g'),
                               ' '),
                       '(?<![\u0600-\u08FF\u0900-\u0DFF\u0F00-\u0FFF\u1000-\u109F\u1700-\u18AF\u1900-\u1AAF\u1B00-\u1C4F\uA800-\uA8FF\uA980-\uAAFF\uABC0-\uABFF\uFB50-\uFDFF\uFE70-\uFEFE\U00010A00-\U00010AFF\U00010B80-\U00010BAF\U00010D00-\U00010D3F\U00010F30-\U00010FFF\U00011000-\U00011DFF\U0001E900-\U0001E95F\u200C\u200D])[\u200C\u200D]+',
                       '', 'g')),
               '');
$$;

-- Text.UNSEEN_ALONE: what is left shows nothing when it is only joiners and Mongolian variation selectors.
create or replace function pg_temp.shows_something(s text) returns boolean
    language sql
    immutable as
$$
select s is not null and btrim(regexp_replace(s, '[\u200C\u200D\u180B-\u180D\u180F]', '', 'g')) <> '';
$$;

-- The name free for a place: the cleaned one, or numbered " (2)", " (3)"... while another place of
-- the same scope holds it (taken: looked up by the caller's query), cut so it fits 200 characters.
create or replace function pg_temp.numbered(p_name text, n int) returns text
    language sql
    immutable as
$$
select case when n < 2 then p_name else left(p_name, 200 - length(' (' || n || ')')) || ' (' || n || ')' end;
$$;

do
$$
declare
    r     record;
    clean text;
    n     int;
begin
    for r in select o.id, o.team_id, o.name
             from organization o
             order by o.id
        loop
            clean := pg_temp.place_name(r.name);
            continue when clean is null or clean = r.name or length(clean) > 200 or not pg_temp.shows_something(clean);
            n := 1;
            while exists (select 1
                          from organization o
                          where o.team_id = r.team_id
                            and o.id <> r.id
                            and lower(o.name) = lower(pg_temp.numbered(clean, n)))
                loop
                    n := n + 1;
                end loop;
            update organization
            set name    = pg_temp.numbered(clean, n),
                version = version + 1
            where id = r.id;
        end loop;

    for r in select u.id, u.team_id, u.organization_id, u.parent_id, u.name
             from unit u
             order by u.id
        loop
            clean := pg_temp.place_name(r.name);
            continue when clean is null or clean = r.name or length(clean) > 200 or not pg_temp.shows_something(clean);
            n := 1;
            while exists (select 1
                          from unit u
                          where u.team_id = r.team_id
                            and u.organization_id = r.organization_id
                            and u.parent_id is not distinct from r.parent_id
                            and u.id <> r.id
                            and lower(btrim(u.name)) = lower(btrim(pg_temp.numbered(clean, n))))
                loop
                    n := n + 1;
                end loop;
            update unit
            set name    = pg_temp.numbered(clean, n),
                version = version + 1
            where id = r.id;
        end loop;
end;
$$;
