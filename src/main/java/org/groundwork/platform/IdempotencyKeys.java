package org.groundwork.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored answers of keyed requests (table {@code idempotency_key}, V7_4), kept 24 hours:
 * after that a key may be used again, and each keyed request removes up to 100 expired rows (a
 * cheap delete instead of a scheduler). Every method runs
 * in the caller's transaction: the claim, the write it guards and the stored answer commit or
 * roll back together.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class IdempotencyKeys {

    @Inject
    EntityManager em;

    /** The answer stored for a key, as it was sent. */
    public record Stored(byte[] requestHash, int status, String location, String etag, String body) {
    }

    /**
     * Takes the key for this request, or answers what is stored under it. Waits while another
     * transaction holds the same key (the primary key makes it), then sees its committed answer.
     * An expired row counts as absent and is taken over.
     */
    Optional<Stored> claim(UUID team, UUID organizer, String key, byte[] requestHash) {
        sweep();
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
        if (!claimed.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                        select request_hash, status, location, etag, body from idempotency_key
                        where team_id = ?1 and organizer_id = ?2 and key = ?3""")
                .setParameter(1, team).setParameter(2, organizer).setParameter(3, key)
                .getSingleResult();
        return Optional.of(new Stored((byte[]) row[0], row[1] == null ? 0 : ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (String) row[4]));
    }

    /** Keeps the answer of the request that claimed the key. */
    void answer(UUID team, UUID organizer, String key, int status, String location, String etag, String body) {
        em.createNativeQuery("""
                        update idempotency_key set status = ?4, location = ?5, etag = ?6, body = ?7
                        where team_id = ?1 and organizer_id = ?2 and key = ?3""")
                .setParameter(1, team).setParameter(2, organizer).setParameter(3, key)
                .setParameter(4, status).setParameter(5, location).setParameter(6, etag).setParameter(7, body)
                .executeUpdate();
    }

    /**
     * Erasure: the stored answers that name this contact (their body or Location holds its id)
     * go with the person's data. Answers name every contact they show by id, so this finds them.
     */
    public int forget(UUID team, UUID contact) {
        return em.createNativeQuery("""
                        delete from idempotency_key
                        where team_id = ?1 and (strpos(body, ?2) > 0 or strpos(location, ?2) > 0)""")
                .setParameter(1, team).setParameter(2, contact.toString())
                .executeUpdate();
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
