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
-- On the benchmark's million conversations, freshly built: 204 MB for the three indexes, 125 MB for
-- the one that replaces two of them; a POST writes 37.4-38.1 WAL records instead of 39.4-40.2
-- (docs/performance.md).
--
-- This migration only builds the new index; V28_13 drops the old ones, in a transaction of its own,
-- so no transaction holds the build's SHARE lock and then asks for the drops' ACCESS EXCLUSIVE one
-- (an older instance's edit waiting between the two would deadlock with it). The build lets reads
-- go on and makes writes to conversation wait (about 3 s for a million rows on the benchmark's
-- machine). Not CONCURRENTLY, which docs/operations.md would ask of a large table: Flyway holds its
-- lock in an open transaction (PostgreSQL's transactional advisory lock), which a concurrent build
-- waits for, so the start hung (tried: a test's start did not end in ten minutes).
-- lock_timeout: if a long transaction holds conversation (an archive being downloaded), the start
-- fails after 10 s and the next start tries again, rather than every request queueing behind it.
set local lock_timeout = '10s';
create index conversation_report_team_time_id_idx on conversation (team_id, occurred_at, id)
    include (contact_id, work_id, duration_minutes, level_at_time, organizer_id);
