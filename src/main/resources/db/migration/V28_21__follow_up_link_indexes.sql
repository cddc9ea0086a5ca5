-- The follow-ups' three links had no index: an action's date correction and its attendee taken off the list
-- (FollowUpService.followTheAction, dropAfterAction, the answered-before checks) look follow-ups up by
-- source_action_id, and deleting an action or a conversation sets these columns to null through their foreign
-- keys (ON DELETE SET NULL), a lookup per deleted row. Each read every follow-up of the team. Partial: most
-- follow-ups have no source action, and a link is set only once a follow-up is done or came from a talk.
-- Built in the migration's transaction (docs/operations.md, "create index concurrently"): writes to follow_up wait
-- for the builds, a moment on any team's follow-ups; lock_timeout as in V28_12, so a long transaction writing
-- follow-ups makes the start fail and the next one retry instead of every request queueing behind the build.
set local lock_timeout = '10s';
create index follow_up_source_action_idx on follow_up (team_id, source_action_id) where source_action_id is not null;
create index follow_up_source_conversation_idx on follow_up (team_id, source_conversation_id)
    where source_conversation_id is not null;
create index follow_up_completed_by_idx on follow_up (team_id, completed_by_conversation_id)
    where completed_by_conversation_id is not null;
