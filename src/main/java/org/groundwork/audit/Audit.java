package org.groundwork.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.groundwork.audit.AuditJson.AuditView;
import org.groundwork.audit.AuditJson.AuditQuery;
import org.groundwork.contact.Contact;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Organizer;
import org.groundwork.organizer.Role;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.Page;
import org.groundwork.platform.Problems;
import org.groundwork.platform.TeamScoped;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/**
 * The audit trail: who did what and when. The feature services call it inside their own
 * transaction (MANDATORY), so an event exists exactly when its change was committed. It stores
 * ids, field names and counts, never values, so it can hold nothing personal (an edit's values
 * are compared by {@link Before} in memory, to name the fields it changed, and dropped).
 */
@ApplicationScoped
public class Audit {

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;

    // ---- writes by the logged-in caller, in the caller's transaction ----------------------

    @Transactional(TxType.MANDATORY)
    public void record(AuditKind kind, AuditEntity type, UUID entityId) {
        write(current.teamId(), current.id(), kind, type, entityId, List.of(), null, null);
    }

    /**
     * The entity as it is now, in the fields the change type names: taken by a service after
     * loading the row and before applying a change, for {@link #changed(AuditKind, AuditEntity, UUID, Before)}.
     */
    public Before before(Object entity, Class<? extends Record> change) {
        return Before.of(entity, change);
    }

    /**
     * A change, from either door: an event naming the fields whose stored value it really changed
     * (a field sent as it already was is no change, and a page sends its whole form). A change that
     * changed nothing wrote nothing, so it leaves no event. Returns the names recorded (none: no
     * event), so the service can leave a row it did not change as it was, time and version too.
     */
    @Transactional(TxType.MANDATORY)
    public List<String> changed(AuditKind kind, AuditEntity type, UUID entityId, Before before) {
        List<String> fields = before.changed();
        if (!fields.isEmpty()) {
            write(current.teamId(), current.id(), kind, type, entityId, fields, null, null);
        }
        return fields;
    }

    /** A change made by a rule rather than a patch (a conversation completing a follow-up). */
    @Transactional(TxType.MANDATORY)
    public void changed(AuditKind kind, AuditEntity type, UUID entityId, String... fields) {
        write(current.teamId(), current.id(), kind, type, entityId, List.of(fields), null, null);
    }

    /** Exports and imports: how many rows, never which. */
    @Transactional(TxType.MANDATORY)
    public void counted(AuditKind kind, AuditEntity type, int count, Integer updatedCount) {
        write(current.teamId(), current.id(), kind, type, null, List.of(), count, updatedCount);
    }

    // ---- writes where the actor is given (no request identity yet, or another thread) -------

    /** {@link #counted} for work that has no request: a background import. */
    @Transactional(TxType.MANDATORY)
    public void countedAs(UUID teamId, UUID organizerId, AuditKind kind, AuditEntity type, int count,
                          Integer updatedCount) {
        write(teamId, organizerId, kind, type, null, List.of(), count, updatedCount);
    }

    /**
     * An event for the given team and organizer, in the caller's transaction when there is one:
     * for token issue by password, logins, logouts, sessions ended, password changes.
     */
    @Transactional(TxType.REQUIRED)
    public void as(UUID teamId, UUID organizerId, AuditKind kind, AuditEntity type, UUID entityId) {
        write(teamId, organizerId, kind, type, entityId, List.of(), null, null);
    }

    /** A successful login (form, session or token request). */
    @Transactional(TxType.REQUIRED)
    public void login(UUID organizerId, UUID teamId) {
        write(teamId, organizerId, AuditKind.LOGIN, AuditEntity.ORGANIZER, organizerId, List.of(), null, null);
    }

    @Transactional(TxType.REQUIRED)
    public void logout(UUID organizerId, UUID teamId) {
        write(teamId, organizerId, AuditKind.LOGOUT, AuditEntity.ORGANIZER, organizerId, List.of(), null, null);
    }

    /**
     * A failed login, in the login's transaction (which commits on a refusal, see LoginThrottle).
     * {@code teamId} and {@code accountId} name the account that was tried when the email
     * belongs to one (null otherwise): the event's organizer stays null, no one was logged in.
     */
    @Transactional(TxType.REQUIRED)
    public void failedLogin(UUID teamId, UUID accountId) {
        write(teamId, null, AuditKind.LOGIN_FAILED, accountId == null ? null : AuditEntity.ORGANIZER, accountId,
                List.of(), null, null);
    }

    /**
     * A count about a given entity in a given team's trail, in the caller's transaction: a team
     * restored from its archive (how many rows, never which).
     */
    @Transactional(TxType.MANDATORY)
    public void counted(UUID teamId, UUID organizerId, AuditKind kind, AuditEntity type, UUID entityId, int count) {
        write(teamId, organizerId, kind, type, entityId, List.of(), count, null);
    }

    // ---- reads of what these writes said, where a service must know it ----------------------

    /** Whether the caller revoked this before (a token, whose row goes with the revoke): its trail's event. */
    public boolean revokedByCurrent(AuditEntity type, UUID entityId) {
        return (Boolean) em.createNativeQuery("""
                        select exists (select 1 from audit_event
                                       where team_id = ?1 and organizer_id = ?2 and kind = ?3
                                         and entity_type = ?4 and entity_id = ?5)""")
                .setParameter(1, current.teamId()).setParameter(2, current.id()).setParameter(3, AuditKind.REVOKED.word())
                .setParameter(4, type.word()).setParameter(5, entityId).getSingleResult();
    }

    /**
     * Whether the team arrived by a restore on this instance: its trail's {@code imported} team event (TeamRestore's
     * {@link #counted(UUID, UUID, AuditKind, AuditEntity, UUID, int)}). Read under that team's scope.
     */
    public boolean restoredHere(UUID teamId) {
        return (Boolean) em.createNativeQuery("""
                        select exists (select 1 from audit_event
                                       where team_id = ?1 and kind = 'imported' and entity_type = 'team'
                                         and entity_id = ?1)""")
                .setParameter(1, teamId).getSingleResult();
    }

    /**
     * Whether the organizer's last password change was made by no organizer of the team: the instance admin's first
     * password ({@link #as} with no organizer), not one they chose since. Read under that team's scope.
     */
    public boolean passwordStillTheInstanceAdmins(UUID teamId, UUID organizerId) {
        List<?> last = em.createNativeQuery("""
                        select organizer_id is null from audit_event
                        where team_id = ?1 and entity_id = ?2 and kind = 'password-changed'
                        order by at desc, id desc limit 1""")
                .setParameter(1, teamId).setParameter(2, organizerId).getResultList();
        return !last.isEmpty() && Boolean.TRUE.equals(last.get(0));
    }

    /** An export streamed after its request: written when the last row went out. */
    @Transactional(TxType.REQUIRED)
    public void exported(UUID teamId, UUID organizerId, AuditEntity what, int rows) {
        write(teamId, organizerId, AuditKind.EXPORTED, what, null, List.of(), rows, null);
    }

    private void write(UUID teamId, UUID organizerId, AuditKind kind, AuditEntity type, UUID entityId,
                       Collection<String> fields, Integer count, Integer updatedCount) {
        AuditEvent e = new AuditEvent();
        e.teamId = teamId;
        e.organizerId = organizerId;
        e.kind = kind;
        e.entityType = type;
        e.entityId = entityId;
        e.fields = fields.toArray(String[]::new);
        e.rowCount = count;
        e.updatedCount = updatedCount;
        em.persist(e);
    }

    // ---- the team admin's list ------------------------------------------------------------

    /**
     * One event of the list with the names of the organizers it refers to, read now (the trail
     * stores only ids): who did it, and the organizer it is about when it is about one. The API
     * answers the event alone (its documented contract); the page shows the names.
     */
    public record Line(AuditView event, String organizerName, String entityOrganizerName) {
    }

    /**
     * The caller's team's events, newest first, each with its organizers' names from the same
     * query (never a query per row); admins only.
     */
    @Transactional(TxType.SUPPORTS)
    public Page<Line> list(AuditQuery filter, int limit, String cursor) {
        if (!current.has(Role.ADMIN)) {
            throw Problems.forbidden("Only the team's admins can read the audit trail");
        }
        int n = Page.limit(limit);
        Cursor.List cursors = Cursor.of(current.teamId(), "audit", filter);
        Cursor.Position after = cursors.position(cursor);
        StringBuilder q = new StringBuilder("""
                select e, who.displayName, subject.displayName from AuditEvent e
                left join Organizer who on who.id = e.organizerId and who.teamId = :team
                left join Organizer subject on e.entityType = :organizerType and subject.id = e.entityId
                    and subject.teamId = :team
                where e.teamId = :team""");
        Map<String, Object> params = new HashMap<>();
        params.put("team", current.teamId());
        params.put("organizerType", AuditEntity.ORGANIZER);
        if (TeamScoped.filter(Organizer.class, filter.organizer(), "organizer", "organizer") != null) {
            q.append(" and e.organizerId = :organizer");
            params.put("organizer", filter.organizer());
        }
        if (TeamScoped.filter(Contact.class, filter.contact(), "contact", "contact") != null) {
            q.append(" and e.entityType = :contactType and e.entityId = :contact");
            params.put("contactType", AuditEntity.CONTACT);
            params.put("contact", filter.contact());
        }
        if (filter.kind() != null) {
            q.append(" and e.kind = :kind");
            params.put("kind", filter.kind());
        }
        ZoneId zone = current.team().zone();
        if (filter.from() != null) {
            q.append(" and e.at >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            // inclusive: everything before the start of the next day in the team's zone
            q.append(" and e.at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (after != null) {
            q.append(" and ").append(after.olderThan("e.at", "e.id"));
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        q.append(" order by e.at desc, e.id desc");
        TypedQuery<Object[]> query = em.createQuery(q.toString(), Object[].class);
        params.forEach(query::setParameter);
        List<Line> rows = query.setMaxResults(n + 1).getResultList().stream()
                .map(r -> new Line(AuditView.of((AuditEvent) r[0]), (String) r[1], (String) r[2]))
                .toList();
        return Page.of(rows, n, line -> cursors.of(line.event().at(), line.event().id()));
    }
}
