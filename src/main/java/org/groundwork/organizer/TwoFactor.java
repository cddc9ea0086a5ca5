package org.groundwork.organizer;

import org.groundwork.platform.TeamScoped;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import io.nayuki.qrcodegen.QrCode;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditKind;
import org.groundwork.audit.AuditEntity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Two-factor login with time-based one-time codes (TOTP, RFC 6238: six digits, 30-second
 * steps, SHA-1, as every authenticator app reads them) and ten one-time recovery codes. The
 * codes come from the totp library; each accepted code's step is kept so a code works once.
 */
@ApplicationScoped
@Transactional
public class TwoFactor {

    static final int PERIOD_SECONDS = 30;
    private static final int RECOVERY_CODES = 10;
    /** No 0/o, 1/l/i: recovery codes are read off paper. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    LoginSessions sessions;
    @Inject
    LoginThrottle throttle;
    @Inject
    Audit audit;

    /** What the enrolment page shows: the QR code (SVG, no words in it) and the secret to type instead. */
    public record Enrolment(String secret, String qrSvg) {
        /** Which set-up a page showed: its confirmation says so, so a set-up started again since is told apart. */
        public String fingerprint() {
            return TwoFactor.fingerprint(secret);
        }
    }

    static String fingerprint(String secret) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Status(boolean enabled, boolean required, long recoveryCodesLeft) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Status status() {
        Organizer me = Organizer.findById(current.id());
        long left = me.totpSecret == null ? 0
                : RecoveryCode.count("organizerId = ?1 and usedAt is null", me.id);
        return new Status(me.totpSecret != null, current.team().twoFactorRequired, left);
    }

    /** A new secret for one's authenticator app; it counts once a code from it is confirmed. */
    public Enrolment start() {
        Organizer me = Organizer.findById(current.id());
        if (me.totpSecret != null) {
            throw Problems.conflict("Two-factor login is already set up; an admin can reset it");
        }
        me.totpPendingSecret = new DefaultSecretGenerator(32).generate();
        return enrolment(me);
    }

    /** The enrolment under way, drawn again (after a wrong code). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Enrolment pending() {
        Organizer me = Organizer.findById(current.id());
        return me.totpPendingSecret == null ? null : enrolment(me);
    }

    /**
     * A code from the app proves it has the secret: two-factor login is on, and the ten recovery
     * codes are returned, this once. A session that was waiting for enrolment opens.
     */
    public List<String> confirm(String code, String shown) {
        Organizer me = Organizer.findById(current.id());
        if (me.totpSecret != null) {
            throw Problems.conflict("Two-factor login is already set up; an admin can reset it");
        }
        if (me.totpPendingSecret == null) {
            throw Problems.invalid("code", "start the set-up first");
        }
        if (shown != null && !shown.equals(fingerprint(me.totpPendingSecret))) {
            // set up in two tabs: the second start replaced the first one's secret, and the first tab's code was
            // said to be wrong, "check the phone's clock" (a walk)
            throw Problems.invalid("code", "is from a set-up started again since (another tab or window); scan the new"
                    + " QR code below and type its code");
        }
        // read as the login's code step reads it: "062-398" was "not the code your app shows now" here (a walk)
        if (!matchesTotp(me, me.totpPendingSecret, typed(code))) {
            throw Problems.invalid("code", "is not the code your app shows now; check the phone's clock and try again");
        }
        me.totpSecret = me.totpPendingSecret;
        me.totpPendingSecret = null;
        List<String> recovery = newRecoveryCodes(me);
        audit.record(AuditKind.TWO_FACTOR_ENABLED, AuditEntity.ORGANIZER, me.id);
        sessions.complete();
        return recovery;
    }

    /**
     * The login's second step: the app's code or a recovery code (used up). Wrong codes count
     * toward the same throttle as wrong passwords, so six digits cannot be walked through.
     */
    @Transactional(dontRollbackOn = ProblemException.class) // a wrong code keeps its throttle count
    public void completeLogin(String code, String address) {
        Organizer me = Organizer.findById(current.id());
        if (!LoginSession.CODE.equals(current.pendingSecondFactor()) || me.totpSecret == null) {
            throw Problems.conflict("This session is not waiting for a code");
        }
        long wait = throttle.secondsToWait(me.email, address);
        if (wait > 0) {
            throw Problems.tooManyAttempts(wait);
        }
        String given = typed(code);
        boolean ok = given.matches("[0-9]{6}") ? matchesTotp(me, me.totpSecret, given) : useRecoveryCode(me, given);
        if (!ok) {
            throttle.failed(me.email, address);
            audit.failedLogin(me.teamId, me.id);
            if (usedAlready(me, given)) {
                // the organizer holds the sheet and crossed nothing off: say why, not "not right"
                throw Problems.invalid("code", "was used already: each recovery code works once; use another, or the six digits your app shows now");
            }
            if (usedJustNow(me, given)) {
                // the app's code of this half-minute, taken a moment ago (enrolment, a login on another device): not
                // "not right", which sent people to check a code that was right (a walk)
                throw Problems.invalid("code", JUST_USED);
            }
            throw Problems.invalid("code", "is not right; use the six digits your app shows now, or a recovery code");
        }
        throttle.succeeded(me.email);
        sessions.complete();
        audit.login(me.id, me.teamId);
    }

    /**
     * An admin turns it off for someone who lost their phone; they set it up again at will. Answers whether
     * anything was on (a secret, a set-up begun, recovery codes): only then is it a reset, audited.
     */
    @RolesAllowed("admin") // checked here, for the API and the pages alike
    public boolean reset(UUID organizerId) {
        if (!current.has(Role.ADMIN)) {
            throw new ForbiddenException();
        }
        Organizer o = TeamScoped.require(Organizer.class, organizerId, "organizer");
        // read again under the row's lock: of two admins pressing Reset at once, the second waits for the first
        // and finds nothing on
        em.refresh(o, LockModeType.PESSIMISTIC_WRITE);
        boolean wasOn = o.totpSecret != null || o.totpPendingSecret != null;
        o.totpSecret = null;
        o.totpPendingSecret = null;
        o.totpLastStep = null;
        wasOn |= RecoveryCode.delete("organizerId", o.id) > 0;
        // a reset of someone with nothing set up (a second admin's, or a page drawn before the first) changes
        // nothing: the trail said "two-factor login reset" twice for one reset, and the page said it was done
        if (wasOn) {
            audit.record(AuditKind.TWO_FACTOR_RESET, AuditEntity.ORGANIZER, o.id);
        }
        return wasOn;
    }

    private boolean matchesTotp(Organizer o, String secret, String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return false;
        }
        long now = Instant.now().getEpochSecond() / PERIOD_SECONDS;
        // one step either side for clocks a little off; never a step at or before the last one used
        for (long step = now - 1; step <= now + 1; step++) {
            if ((o.totpLastStep == null || step > o.totpLastStep) && isCodeAt(secret, step, code)) {
                o.totpLastStep = step;
                return true;
            }
        }
        return false;
    }

    /** Whether the app shows {@code code} at that 30-second step. */
    private boolean isCodeAt(String secret, long step, String code) {
        try {
            return codes.generate(secret, step).equals(code);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean useRecoveryCode(Organizer o, String code) {
        if (!code.matches("[a-z0-9]{10}")) {
            return false;
        }
        return em.createNativeQuery("""
                        update recovery_code set used_at = now()
                        where organizer_id = ?1 and code_hash = ?2 and used_at is null""")
                .setParameter(1, o.id).setParameter(2, TokenService.sha256(code)).executeUpdate() == 1;
    }

    /** The six digits of a step already taken: each works once, and the app shows the next within 30 seconds. */
    public static final String JUST_USED = "was used a moment ago, and each code works once: wait for the next one your app shows (a new one every 30 seconds)";

    /** Six digits that are the code of a step at or before the last one used, within the clocks' slack. */
    private boolean usedJustNow(Organizer o, String code) {
        if (o.totpLastStep == null || o.totpSecret == null || !code.matches("[0-9]{6}")) {
            return false;
        }
        long now = Instant.now().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= Math.min(now + 1, o.totpLastStep); step++) {
            if (isCodeAt(o.totpSecret, step, code)) {
                return true;
            }
        }
        return false;
    }

    /** A recovery code of this organizer's current sheet that a login has used up (read after a refusal only). */
    private boolean usedAlready(Organizer o, String code) {
        return code.matches("[a-z0-9]{10}")
                && RecoveryCode.count("organizerId = ?1 and codeHash = ?2 and usedAt is not null", o.id,
                TokenService.sha256(code)) > 0;
    }

    private List<String> newRecoveryCodes(Organizer o) {
        RecoveryCode.delete("organizerId", o.id);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            RecoveryCode row = new RecoveryCode();
            row.teamId = o.teamId;
            row.organizerId = o.id;
            row.codeHash = TokenService.sha256(code.toString());
            row.persist();
            shown.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return shown;
    }

    /**
     * The code as typed without the spaces and dashes an app or a recovery sheet shows it with, lower-cased;
     * nothing left is refused as blank: no attempt (not counted), and no word about the phone's clock (the walk).
     */
    private static String typed(String code) {
        String given = code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (given.isEmpty()) {
            throw Problems.invalid("code", "must not be blank");
        }
        return given;
    }

    private Enrolment enrolment(Organizer me) {
        String uri = new QrData.Builder().label(me.email).secret(me.totpPendingSecret).issuer("Groundwork")
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build().getUri();
        return new Enrolment(me.totpPendingSecret, svg(QrCode.encodeText(uri, QrCode.Ecc.MEDIUM)));
    }

    /** The QR code as an SVG drawn here: one path, a quiet zone of four modules, no script or style. */
    static String svg(QrCode qr) {
        int border = 4;
        int size = qr.size + 2 * border;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"232\" height=\"232\" shape-rendering=\"crispEdges\" aria-hidden=\"true\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }

}
