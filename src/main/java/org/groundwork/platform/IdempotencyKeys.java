package org.groundwork.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored answers of keyed requests (table {@code idempotency_key}, V7_4), kept 24 hours:
 * after that a key may be used again, and each keyed request removes up to 100 expired rows (a
 * cheap delete instead of a scheduler). One mechanism for both doors: the API's
 * {@code Idempotency-Key} header ({@link IdempotencyInterceptor}) and the pages' one-time key, a
 * hidden field of the create forms ({@code web/Form}); both write through {@link #once}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The identity attributes naming the organizer and their team (set by organizer/Identities). */
    static final String ORGANIZER_ID = "organizerId";
    static final String TEAM_ID = "teamId";

    @Inject
    EntityManager em;
    @Inject
    SecurityIdentity identity;

    /** What a keyed request answered, kept under its key and sent again to a repeat. */
    public record Answer(int status, String location, String etag, String body) {
    }

    /** The answer stored for a key, with the hash of the request that stored it. */
    public record Stored(byte[] requestHash, Answer answer) {

        /** Whether a request with this hash is the one that stored the answer (else: the key used for another). */
        public boolean sameRequest(byte[] hash) {
            return MessageDigest.isEqual(requestHash, hash);
        }
    }

    /** A keyed write's outcome: the earlier answer under the key (nothing was written), or this request's. */
    public record Once(Stored earlier, Answer answer) {
    }

    /** The write a key guards, ending with the answer to keep. */
    @FunctionalInterface
    public interface Write {
        Answer run() throws Exception;
    }

    /**
     * Runs {@code write} at most once per key of the current organizer: in a new transaction that
     * first claims (team, organizer, key), then either finds an answer stored under it (returned as
     * {@link Once#earlier}; nothing is written) or runs the write and stores its answer, so the write
     * and its answer commit together. A repeat running meanwhile waits on the key's row (its primary
     * key) and then finds the answer. A write that throws stores nothing: the transaction rolls back,
     * the claim with it, and the exception goes on (a runtime exception as it is). Keys are the
     * organizer's own: another organizer's same key is another key.
     */
    public Once once(String key, byte[] requestHash, Write write) {
        // the organizer, not the principal: for a login session the principal is the session id
        UUID organizer = UUID.fromString(identity.getAttribute(ORGANIZER_ID));
        UUID team = UUID.fromString(identity.getAttribute(TEAM_ID));
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Stored> stored = claim(team, organizer, key, requestHash);
            if (stored.isPresent()) {
                return new Once(stored.get(), null);
            }
            Answer answer = write.run();
            answer(team, organizer, key, answer);
            return new Once(null, answer);
        });
    }

    /** SHA-256 of a request as a door describes it: only this is kept of the request, never its words. */
    public static byte[] hash(String request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the key for this request, or answers what is stored under it. Waits while another
     * transaction holds the same key (the primary key makes it), then sees its committed answer.
     * An expired row counts as absent and is taken over.
     */
    private Optional<Stored> claim(UUID team, UUID organizer, String key, byte[] requestHash) {
        sweep();
        // a repeat waits for the first request however long that runs (its transaction's own limit), not the few
        // seconds a request waits for others' rows (TeamScope.REQUEST_LOCK_WAIT): the first may commit after that,
        // and a repeat told "nothing was saved" would be sent again under a new key (the review). The write after
        // the claim waits as briefly as before.
        String requestWait = (String) ((Object[]) em.createNativeQuery(
                "select wait, set_config('lock_timeout', '0', true)"
                        + " from (select current_setting('lock_timeout') wait offset 0) lent")
                .getSingleResult())[0];
        @SuppressWarnings("unchecked")
        List<Object> claimed = em.createNativeQuery("""
                        insert into idempotency_key (team_id, organizer_id, key, request_hash, created_at)
                        values (?1, ?2, ?3, ?4, now())
                        on conflict (team_id, organizer_id, key) do update
                            set request_hash = excluded.request_hash, created_at = excluded.created_at,
                                status = null, location = null, etag = null, body = null
                            where idempotency_key.created_at < now() - interval '24 hours'
                        returning 1""")
                .setParameter(1, team).setParameter(2, organizer).setParameter(3, key).setParameter(4, requestHash)
                .getResultList();
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)").setParameter(1, requestWait).getSingleResult();
        if (!claimed.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                        select request_hash, status, location, etag, body from idempotency_key
                        where team_id = ?1 and organizer_id = ?2 and key = ?3""")
                .setParameter(1, team).setParameter(2, organizer).setParameter(3, key)
                .getSingleResult();
        return Optional.of(new Stored((byte[]) row[0], new Answer(row[1] == null ? 0 : ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (String) row[4])));
    }

    /** Keeps the answer of the request that claimed the key. */
    private void answer(UUID team, UUID organizer, String key, Answer answer) {
        em.createNativeQuery("""
                        update idempotency_key set status = ?4, location = ?5, etag = ?6, body = ?7
                        where team_id = ?1 and organizer_id = ?2 and key = ?3""")
                .setParameter(1, team).setParameter(2, organizer).setParameter(3, key)
                .setParameter(4, answer.status()).setParameter(5, answer.location()).setParameter(6, answer.etag())
                .setParameter(7, answer.body())
                .executeUpdate();
    }

    /** The status of an answer erased with the person it named ({@link #forget}): no answer of a request's own. */
    public static final int ERASED = 410;

    /**
     * Erasure: the stored answers that name this contact (their body or Location holds its id)
     * go with the person's data. Answers name every contact they show by id (a page's answer is
     * the address it went on to, such as the contact's page), so this finds them. The key itself
     * stays taken until it expires, its answer and its request's hash emptied: deleted, it let a
     * client's retry of the same request write the erased person's data again, as new.
     */
    @Transactional(TxType.MANDATORY)
    public int forget(UUID team, UUID contact) {
        return em.createNativeQuery("""
                        update idempotency_key set status = ?3, location = null, etag = null, body = null,
                            request_hash = ?4
                        where team_id = ?1 and (strpos(body, ?2) > 0 or strpos(location, ?2) > 0)""")
                .setParameter(1, team).setParameter(2, contact.toString()).setParameter(3, ERASED)
                .setParameter(4, new byte[32])
                .executeUpdate();
    }

    /** Whether this stored answer was emptied by an erasure. */
    public static boolean erased(Stored stored) {
        return stored.answer().status() == ERASED;
    }

    /** Removes a few expired answers; rows another request is removing are skipped, not waited for. */
    private void sweep() {
        em.createNativeQuery("""
                        delete from idempotency_key where ctid = any (array(
                            select ctid from idempotency_key
                            where created_at < now() - interval '24 hours'
                            limit 100 for update skip locked))""")
                .executeUpdate();
    }
}
