-- The language of each organizer's pages (issue 12, languages): chosen in Settings. Before
-- login the browser's Accept-Language decides; 'en' until the organizer chooses.
alter table organizer add column language text not null default 'en'
    constraint organizer_language_check check (language in ('en', 'es'));
