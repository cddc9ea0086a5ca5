-- The second half of V28_12: the two indexes it replaces go, and its index takes the reports' name.
-- Each drop takes an ACCESS EXCLUSIVE lock on conversation for a moment; lock_timeout as in V28_12,
-- so a long transaction on conversation makes this start fail and the next one retry, instead of
-- queueing every read and write behind the waiting drop.
set local lock_timeout = '10s';
drop index conversation_report_team_idx;
drop index conversation_team_time_idx;
drop index conversation_organizer_time_idx;
alter index conversation_report_team_time_id_idx rename to conversation_report_team_idx;
