-- Two fewer indexes for every conversation written (issue 14: fewer index updates per POST, per
-- imported or restored row). Conversation had seven; each insert wrote an entry into all of them.
--
-- conversation_team_time_idx (V1: team, time desc, id desc) served only the team's list, newest
-- first. The reports' index on (team, time) (V3_1) takes the id into its key and serves both: the
-- list reads it backwards, and its cursor, a row comparison on (time, id) since this round
-- (platform/Cursor), bounds that scan. The reports read it as before (index-only, by time range).
--
-- conversation_organizer_time_idx (V1: organizer, time) has no reader left: every query that names
-- an organizer names the team too, and conversation_report_organizer_idx (team, organizer, time)
-- serves them, the list filtered to an organizer and the foreign key's check included.
--
-- On the benchmark's million conversations: the three indexes took 262 MB, the one that replaces
-- two of them 160 MB; a POST writes 28.3 WAL records instead of 30.5 (docs/performance.md).
-- The new index is built before the old ones go, inside this migration's transaction: writes to
-- conversation wait for the build (about 3 s for a million rows on the benchmark's machine; reads
-- go on). Not CONCURRENTLY, which docs/operations.md asks for on a large table: Flyway holds its
-- lock in an open transaction (PostgreSQL's transactional advisory lock), which a concurrent build
-- waits for, so the start hung (tried: a test's start did not finish in ten minutes). Quarkus
-- offers no setting for Flyway's postgresql.transactional.lock.

create index conversation_report_team_time_id_idx on conversation (team_id, occurred_at, id)
    include (contact_id, work_id, duration_minutes, level_at_time, organizer_id);
drop index conversation_report_team_idx;
drop index conversation_team_time_idx;
drop index conversation_organizer_time_idx;
alter index conversation_report_team_time_id_idx rename to conversation_report_team_idx;
