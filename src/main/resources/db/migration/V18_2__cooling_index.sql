-- The queue's cooling list: an organizer's contacts that may be contacted, nobody has talked to
-- for the cooling period, new and less-involved before cadre, longest silent first, 100 at most.
-- V1's index on (owner_id, last_conversation_at) could not give that order (cadre last, and the
-- creation time for people never talked to), so the list read all ~5,000 contacts an organizer
-- owns and sorted them. This index holds the list's own order: the scan reads the owner's
-- non-cadre contacts oldest first, then the cadre, and stops at the hundredth (skipping those
-- with an open follow-up, looked up by follow_up_contact_idx).
-- Same number of index updates per contact write as before: it replaces V1's index.
create index contact_cooling_idx on contact
    (owner_id, (engagement_level = 'cadre'), (coalesce(last_conversation_at, created_at)), id)
    where erased_at is null and not do_not_contact;
drop index contact_owner_cooling_idx;
