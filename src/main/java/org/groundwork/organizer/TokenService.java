package org.groundwork.organizer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.organizer.OrganizerJson.NewToken;
import org.groundwork.organizer.OrganizerJson.TokenView;
import org.groundwork.platform.Page;
import org.groundwork.platform.Problems;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens: 32 random bytes shown once; the database keeps only their SHA-256,
 * which is enough for lookup because the token itself is unguessable.
 */
@ApplicationScoped
@Transactional
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How often a token's last use is written (the update's interval below says the same). */
    private static final java.time.Duration LAST_USED_STEP = java.time.Duration.ofMinutes(5);

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    Audit audit;

    NewToken issue(Organizer organizer, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "gw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken row = new ApiToken();
        row.teamId = organizer.teamId;
        row.organizerId = organizer.id;
        row.name = name.trim();
        row.tokenHash = sha256(token);
        row.persist();
        // the owner is named explicitly: a token asked for with email and password has no session yet
        audit.as(organizer.teamId, organizer.id, AuditKind.CREATED, AuditEntity.TOKEN, row.id);
        return new NewToken(row.id, row.name, token, row.createdAt);
    }

    /** A token for the caller's own account. */
    public NewToken issueForCurrent(String name) {
        return issue(Organizer.findById(current.id()), name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TokenView> list() {
        List<TokenView> rows = em.createQuery("""
                        select new org.groundwork.organizer.OrganizerJson$TokenView(t.id, t.name, t.createdAt, t.lastUsedAt)
                        from ApiToken t where t.organizerId = :me and t.teamId = :team order by t.id""", TokenView.class)
                .setParameter("me", current.id())
                .setParameter("team", current.teamId())
                .setMaxResults(Page.MAX_LIMIT)
                .getResultList();
        return new Page<>(rows, null);
    }

    public void revoke(UUID id) {
        long deleted = ApiToken.delete("id = ?1 and organizerId = ?2 and teamId = ?3", id, current.id(), current.teamId());
        if (deleted == 0) {
            throw Problems.notFound("token");
        }
        audit.record(AuditKind.REVOKED, AuditEntity.TOKEN, id);
    }

    /** Who a token acts as: what its request's identity needs, and nothing else of the account. */
    record Holder(UUID organizerId, UUID teamId, Role role, boolean instanceAdmin, Language language) {
    }

    /**
     * The organizer a token belongs to; notes when it was last used (at most every few minutes).
     * The time is read with the token, so the update is sent only when it is due: this lookup
     * runs on every API request, and the update used to be sent each time, matching nothing.
     * Only the identity's columns are read, not the Organizer entity: loading it (all its
     * columns, a copy kept for dirty checking, the check at the commit) was a measurable part
     * of the JVM's work per request (docs/performance.md, "Writes").
     */
    Optional<Holder> organizerFor(String token) {
        List<Object[]> rows = em.createQuery("""
                        select t.id, t.lastUsedAt, o.id, o.teamId, o.role, o.instanceAdmin, o.language
                        from ApiToken t, Organizer o
                        where o.id = t.organizerId and t.tokenHash = :hash and o.active = true""", Object[].class)
                .setParameter("hash", sha256(token))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Instant lastUsed = (Instant) row[1];
        if (lastUsed == null || lastUsed.isBefore(Instant.now().minus(LAST_USED_STEP))) {
            // the condition again in SQL: another request may have written it meanwhile
            em.createNativeQuery("""
                            update api_token set last_used_at = now() where id = ?1
                            and (last_used_at is null or last_used_at < now() - interval '5 minutes')""")
                    .setParameter(1, row[0])
                    .executeUpdate();
        }
        return Optional.of(new Holder((UUID) row[2], (UUID) row[3], (Role) row[4], (Boolean) row[5], (Language) row[6]));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
