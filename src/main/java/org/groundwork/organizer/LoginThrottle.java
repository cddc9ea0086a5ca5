package org.groundwork.organizer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Brute-force protection for password checks (the login form and token requests): failures
 * are counted per account and per client address in PostgreSQL, so the count holds across
 * app instances. Past a limit within the window, every attempt is refused, right password
 * or not, for a wait that doubles with each further failure. Unknown emails are counted
 * exactly like known ones, so the answers never tell whether an account exists.
 * Each change commits on its own: the failed request that follows rolls back, the count must not.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "groundwork.login.account-failures", defaultValue = "5")
    int accountLimit;
    @ConfigProperty(name = "groundwork.login.address-failures", defaultValue = "20")
    int addressLimit;
    @ConfigProperty(name = "groundwork.login.window", defaultValue = "PT15M")
    Duration window;
    @ConfigProperty(name = "groundwork.login.first-wait", defaultValue = "PT1M")
    Duration firstWait;
    @ConfigProperty(name = "groundwork.login.longest-wait", defaultValue = "PT1H")
    Duration longestWait;

    // In the caller's transaction, never one of its own: a login that held its connection while
    // asking the pool for a second one could, twenty at once, wait on each other until the pool's
    // timeout. Callers that refuse with a ProblemException commit anyway (dontRollbackOn), so the
    // count stays.

    /** Seconds until this email may be tried from this address again; 0 when it may now. */
    @Transactional
    public long secondsToWait(String email, String address) {
        Number seconds = (Number) em.createNativeQuery("""
                        select coalesce(ceil(extract(epoch from max(blocked_until) - now())), 0)
                        from login_throttle where key in (?1, ?2) and blocked_until > now()""")
                .setParameter(1, accountKey(email))
                .setParameter(2, addressKey(address))
                .getSingleResult();
        return Math.max(0, seconds.longValue());
    }

    @Transactional
    public void failed(String email, String address) {
        count(accountKey(email), accountLimit);
        count(addressKey(address), addressLimit);
        // forget what is over; the table stays as small as the attacks of the last window
        em.createNativeQuery("""
                        delete from login_throttle where first_failure_at < now() - ?1 * interval '1 second'
                        and coalesce(blocked_until, first_failure_at) < now()""")
                .setParameter(1, window.toSeconds())
                .executeUpdate();
    }

    /** The right password: the account's count starts again (the address's does not). */
    @Transactional
    public void succeeded(String email) {
        em.createNativeQuery("delete from login_throttle where key = ?1").setParameter(1, accountKey(email)).executeUpdate();
    }

    private void count(String key, int limit) {
        // a count older than the window starts again, unless a wait is still running
        @SuppressWarnings("unchecked")
        List<Number> failures = em.createNativeQuery("""
                        insert into login_throttle as t (key, failures, first_failure_at) values (?1, 1, now())
                        on conflict (key) do update set
                          failures = case when t.first_failure_at < now() - ?2 * interval '1 second'
                                           and coalesce(t.blocked_until, t.first_failure_at) < now()
                                          then 1 else t.failures + 1 end,
                          first_failure_at = case when t.first_failure_at < now() - ?2 * interval '1 second'
                                           and coalesce(t.blocked_until, t.first_failure_at) < now()
                                          then now() else t.first_failure_at end
                        returning failures""")
                .setParameter(1, key)
                .setParameter(2, window.toSeconds())
                .getResultList();
        int n = failures.get(0).intValue();
        if (n >= limit) {
            long wait = firstWait.toMillis() << Math.min(20, n - limit);
            wait = Math.min(wait, longestWait.toMillis());
            em.createNativeQuery("update login_throttle set blocked_until = now() + ?2 * interval '1 millisecond' where key = ?1")
                    .setParameter(1, key).setParameter(2, wait).executeUpdate();
        }
    }

    /**
     * The account as the SHA-256 of the normalised email: the table holds no email address.
     * Folded by PostgreSQL's lower(), as the account's email_key is (platform/Folding): Java's
     * toLowerCase gave "ΟΔΟΣ-…" and "οδοσ-…", one account, two counts.
     */
    private String accountKey(String email) {
        // an email with a NUL is no account's (PasswordChecks.account) and PostgreSQL refuses it: its own key
        String normalised = email == null ? "" : email.indexOf('\u0000') >= 0 ? email.trim()
                : (String) em.createNativeQuery("select lower(?1)").setParameter(1, email.trim()).getSingleResult();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return "account:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String addressKey(String address) {
        String a = address == null ? "unknown" : address;
        return "address:" + (a.length() > 150 ? a.substring(0, 150) : a);
    }
}
