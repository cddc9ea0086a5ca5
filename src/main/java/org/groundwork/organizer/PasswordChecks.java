package org.groundwork.organizer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.platform.LoginMetrics;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The two short transactions around a password check. bcrypt costs ~100 ms of CPU on purpose
 * (seconds on a busy machine) and needs nothing from the database, so OrganizerService runs it
 * between these, outside any transaction: inside one, every login held a pooled connection
 * through its hash, and a burst of wrong passwords took the whole pool from every other request
 * (LoginUnderLoadTest). Each step takes its connection when its first statement runs and gives
 * it back at its commit.
 */
@ApplicationScoped
class PasswordChecks {

    @Inject
    LoginThrottle throttle;
    @Inject
    LoginSessions sessions;
    @Inject
    Audit audit;
    @Inject
    LoginMetrics loginMetrics;

    /**
     * The account an email names, whatever its case and surrounding spaces (organizer_email_key).
     * Folded by PostgreSQL's lower(), as email_key is: Java's toLowerCase differs for some letters
     * (a final "Σ", "İ"), and such an admin could not log in.
     */
    static Optional<Organizer> account(String email) {
        // a NUL cannot be stored, so it names no account (and PostgreSQL refuses it in lower())
        return email == null || email.indexOf('\u0000') >= 0 ? Optional.empty()
                : Organizer.find("emailKey = lower(?1)", email.trim()).firstResultOptional();
    }

    /** Before the hash: a running wait refuses at once (429); else the account the email names, if any. */
    @Transactional
    Optional<Organizer> attempt(String email, String address) {
        long wait = throttle.secondsToWait(email, address);
        if (wait > 0) {
            loginMetrics.throttled();
            throw Problems.tooManyAttempts(wait);
        }
        return account(email);
    }

    /**
     * After the hash: the throttle count, the audit event and, for a right password, what the
     * caller makes of it (a session, a token) and an old hash's replacement ({@code upgraded}, or null),
     * all in one transaction. A refusal thrown by
     * {@code onSuccess} (a token for a two-factor account) still commits the count and the event.
     * The account was read in the first step; a change in between (a password changed, an old hash
     * replaced by another login, an account disabled during the ~100 ms) is {@link ChangedMeanwhile}.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    <T> Optional<T> outcome(String email, String address, Optional<Organizer> tried, boolean ok, String upgraded,
                            Function<Organizer, T> onSuccess) {
        if (!ok) {
            throttle.failed(email, address);
            loginMetrics.failed();
            // the trail names the account that was tried, when there is one; the answer never does
            audit.failedLogin(tried.map(o -> o.teamId).orElse(null), tried.map(o -> o.id).orElse(null));
            return Optional.empty();
        }
        Organizer read = tried.orElseThrow();
        // the account held as it is now: a password change or a disabling that committed while this login hashed
        // ended every session and token before this one was made, and the token outlived the change (the probe: 10
        // races in 24); two-factor login turned on meanwhile opened a session without it (the review). Held, one
        // that comes after waits and ends this login's session or token too
        Organizer o = held(read.id);
        if (o == null || !java.util.Objects.equals(o.passwordHash, read.passwordHash) || !o.active
                || !java.util.Objects.equals(o.totpSecret, read.totpSecret)) {
            throw new ChangedMeanwhile();
        }
        loginMetrics.ok();
        if (upgraded != null) {
            // a write of the row, its version moved on: an admin's save of the account read before it fails as
            // stale rather than writing the old hash back (the review)
            o.passwordHash = upgraded;
        }
        if (o.totpSecret == null) {
            // with a second factor, the count is cleared only once the code is right: else a
            // password typed again between code guesses would reset it (TwoFactor.completeLogin)
            throttle.succeeded(email);
            audit.login(o.id, o.teamId);
        }
        return Optional.of(onSuccess.apply(o));
    }

    /**
     * The account's row held (FOR NO KEY UPDATE) and read as it is once held: the one way a login, a password
     * change and an admin's change of the account decide from it. The others wait; the key checks of the rows
     * that name the account (its sessions, tokens, events) do not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Organizer held(UUID id) {
        Organizer.getEntityManager().createNativeQuery("select 1 from organizer where id = ?1 for no key update")
                .setParameter(1, id).getResultList();
        Organizer o = Organizer.findById(id);
        if (o != null) {
            // read after the hold even when this transaction had it already
            Organizer.getEntityManager().refresh(o);
        }
        return o;
    }

    /**
     * The account's password or state changed between its read and the login's outcome: nothing is written, and
     * the login is checked again against the account as it is now (OrganizerService).
     */
    static final class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile() {
            super("The account changed while its password was checked", null, false, false);
        }
    }

    /** Before changing one's own password: a running wait refuses; else the account as it is now. */
    @Transactional
    Organizer ownAccount(UUID id, String address) {
        Organizer me = Organizer.findById(id);
        long wait = throttle.secondsToWait(me.email, address);
        if (wait > 0) {
            throw Problems.tooManyAttempts(wait);
        }
        return me;
    }

    /**
     * After the hashes: a wrong current password counts like a wrong login (and the refusal
     * commits the count); a right one sets the new hash over the one {@code checked} only, ends every
     * session and token, and is audited: null. When the stored hash is another by then (a password changed
     * meanwhile, or an old kind of hash a login elsewhere replaced), nothing is written and that hash is the
     * answer, for the caller to check outside any transaction. A right one with no new hash is the current
     * password given as the new one.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    String changeOwn(Organizer before, String checked, String address, boolean ok, String newHash) {
        if (!ok) {
            throttle.failed(before.email, address);
            throw Problems.invalid("currentPassword", "is not your current password");
        }
        if (newHash == null) {
            // the current password given as the new one: said, not done. "Changed" to itself it ended every
            // session and kept the password whoever prompted the change may know (the walk took it for a change)
            throw Problems.invalid("newPassword", OrganizerService.SAME_PASSWORD);
        }
        // written over the hash checked only: a change from another device in between is not overwritten
        Organizer me = held(before.id);
        if (!java.util.Objects.equals(me.passwordHash, checked)) {
            return me.passwordHash;
        }
        me.passwordHash = newHash;
        endAccess(me);
        audit.record(AuditKind.PASSWORD_CHANGED, AuditEntity.ORGANIZER, me.id);
        Organizer.getEntityManager().flush();
        return null;
    }

    /** Every session and token of an organizer ends: a password changed, an account disabled. */
    @Transactional(Transactional.TxType.MANDATORY)
    void endAccess(Organizer o) {
        sessions.endAll(o.id);
        ApiToken.delete("organizerId = ?1", o.id);
    }
}
