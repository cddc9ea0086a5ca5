package org.groundwork.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Ids;

import java.time.LocalDate;
import java.util.UUID;

/** Follow-ups and the queue built from them. */
@ApplicationScoped
@Transactional
public class FollowUpService {

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;

    /**
     * The heat rule: opens an after-action follow-up unless one is already open for the
     * contact. The partial unique index makes "unless" hold under concurrent check-ins too.
     * Returns true when one was opened.
     */
    public boolean openAfterAction(UUID contactId, UUID assigneeId, LocalDate dueOn, UUID actionId) {
        int inserted = em.createNativeQuery("""
                        insert into follow_up (id, team_id, contact_id, assignee_id, due_on, purpose, reason, status,
                                               source_action_id, created_by, created_at, updated_at, version)
                        values (?1, ?2, ?3, ?4, ?5, 'Follow up after their first action', 'after-action', 'open',
                                ?6, ?7, now(), now(), 0)
                        on conflict (contact_id) where status = 'open' and reason = 'after-action' do nothing""")
                .setParameter(1, Ids.next())
                .setParameter(2, current.teamId())
                .setParameter(3, contactId)
                .setParameter(4, assigneeId)
                .setParameter(5, dueOn)
                .setParameter(6, actionId)
                .setParameter(7, current.id())
                .executeUpdate();
        return inserted == 1;
    }
}
