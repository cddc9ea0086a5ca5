package org.groundwork.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Problems;

import java.util.UUID;

/** Contacts: the people in and around the base, their level history, and their erasure. */
@ApplicationScoped
@Transactional
public class ContactService {

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;

    /** A live (not erased) contact of the caller's team, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Contact require(UUID id) {
        Contact c = id == null ? null : Contact.findById(id);
        if (c == null || !c.teamId.equals(current.teamId()) || c.erased()) {
            throw Problems.notFound("contact");
        }
        return c;
    }

    /** At the door of an action: a name and a phone number are enough. */
    public Contact createAtDoor(String fullName, String phone) {
        Contact c = new Contact();
        c.teamId = current.teamId();
        c.fullName = fullName.trim();
        c.phone = phone == null || phone.isBlank() ? null : phone.trim();
        c.ownerId = current.id();
        c.persist();
        recordFirstLevel(c, "created at an action");
        return c;
    }

    /** Creation records the first level, so "level at a time" always has a row to read. */
    void recordFirstLevel(Contact c, String reason) {
        LevelChange first = new LevelChange();
        first.teamId = c.teamId;
        first.contactId = c.id;
        first.fromLevel = null;
        first.toLevel = c.engagementLevel;
        first.changedAt = c.createdAt;
        first.changedBy = current.id();
        first.reason = reason;
        first.persist();
    }

    /** Keeps the contact's last-conversation time (used by the cooling list) in step with its conversations. */
    public void refreshLastConversation(UUID contactId) {
        em.createNativeQuery("""
                        update contact set last_conversation_at =
                          (select max(occurred_at) from conversation where contact_id = ?1)
                        where id = ?1""")
                .setParameter(1, contactId)
                .executeUpdate();
    }

}
