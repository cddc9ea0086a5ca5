package org.groundwork.organizer;

import io.agroal.api.AgroalDataSource;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    @Inject
    AgroalDataSource dataSource;

    private static final Role.Column ROLE = new Role.Column();
    private static final Language.Column LANGUAGE = new Language.Column();

    /**
     * The most tokens one organizer keeps: their list is one page (/api/v1/tokens, Settings), so a token past
     * it could be neither seen nor revoked alone (the review: a script made 250, the list showed 200).
     */
    static final int MOST_TOKENS = 100;

    NewToken issue(Organizer organizer, String name) {
        // one organizer's tokens made one at a time, so the count below sees the one made just before: fifteen sent at
        // once at 95 made 102 (a walk). Not the organizer row's lock: issueForCurrent holds it shared, and two such
        // holders each upgrading would deadlock; the lock ends with the transaction
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "token:" + organizer.id).getSingleResult();
        if (ApiToken.count("organizerId", organizer.id) >= MOST_TOKENS) {
            throw Problems.conflict("You have 100 API tokens, the most one organizer keeps: revoke one you no longer use first");
        }
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
        // the account held shared while the token is made, then the session it comes from asked again: a password
        // change or a disabling that committed meanwhile ended every session, and a token made after that outlived
        // it (the review). Two statements: the second sees what the change committed while the first waited
        UUID me = current.id();
        List<?> active = em.createNativeQuery("select 1 from organizer where id = ?1 and active for share")
                .setParameter(1, me).getResultList();
        List<?> open = current.sessionId().isEmpty() ? List.of() : em.createNativeQuery(
                        "select 1 from login_session where id = ?1 and organizer_id = ?2 and revoked_at is null")
                .setParameter(1, current.sessionId().get()).setParameter(2, me).getResultList();
        if (active.isEmpty() || open.isEmpty()) {
            throw Problems.unauthorized("Send your email and password, or log in first");
        }
        return issue(Organizer.findById(me), name);
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
            // its row is gone with the revoke: one's own revoke is told by the trail's event
            throw audit.revokedByCurrent(AuditEntity.TOKEN, id) ? Problems.already(Problems.TOKEN_REVOKED_ALREADY)
                    : Problems.notYours("token");
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
     * Only the identity's columns are read, not the Organizer entity.
     * <p>
     * One statement on a connection of its own in autocommit, without a transaction or
     * Hibernate: the lookup runs on a worker thread of its own before the request's transaction
     * exists, so it cannot share it, and a transaction of its own cost a BEGIN, a COMMIT and
     * the JTA and Hibernate session work around them on every API request (a seventh of the
     * JVM's samples per POST; docs/performance.md, "Writes"). The rare last-use update is one
     * statement too, atomic on its own. The pool's lending still sets the connection's scope
     * (the caller runs this inside TeamScope.instanceWide).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    Optional<Holder> organizerFor(String token) {
        try (Connection c = dataSource.getConnection()) {
            UUID tokenId;
            Instant lastUsed;
            Holder holder;
            try (PreparedStatement ps = c.prepareStatement("""
                    select t.id, t.last_used_at, o.id, o.team_id, o.role, o.instance_admin, o.language
                    from api_token t join organizer o on o.id = t.organizer_id
                    where t.token_hash = ? and o.active""")) {
                ps.setBytes(1, sha256(token));
                try (ResultSet r = ps.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    tokenId = r.getObject(1, UUID.class);
                    Timestamp at = r.getTimestamp(2);
                    lastUsed = at == null ? null : at.toInstant();
                    holder = new Holder(r.getObject(3, UUID.class), r.getObject(4, UUID.class),
                            ROLE.convertToEntityAttribute(r.getString(5)), r.getBoolean(6),
                            LANGUAGE.convertToEntityAttribute(r.getString(7)));
                }
            }
            if (lastUsed == null || lastUsed.isBefore(Instant.now().minus(LAST_USED_STEP))) {
                // the condition again in SQL: another request may have written it meanwhile
                try (PreparedStatement ps = c.prepareStatement("""
                        update api_token set last_used_at = now() where id = ?
                        and (last_used_at is null or last_used_at < now() - interval '5 minutes')""")) {
                    ps.setObject(1, tokenId);
                    ps.executeUpdate();
                }
            }
            return Optional.of(holder);
        } catch (SQLException e) {
            // as Hibernate's own failures do: ProblemMapper answers a lost database with 503
            throw new IllegalStateException("Could not look the token up", e);
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
