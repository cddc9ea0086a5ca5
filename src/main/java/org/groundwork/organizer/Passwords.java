package org.groundwork.organizer;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;

/**
 * bcrypt hashing; only hashes are stored. bcrypt reads the first 72 bytes of what it is given and no
 * more, so a 100-character passphrase was as good as its first 72 bytes (the probe; fewer characters
 * in other scripts: 24 in Devanagari). Three kinds of hash, each checked as it was made:
 * <ul>
 * <li>{@link #WHOLE_ALIKE} (since the forty-fifth session, every new hash): bcrypt of the SHA-256 of the
 * password in Unicode's NFKC form, which stands for all of it, however it is spelled: "café" typed with
 * a combining accent, or in full-width letters from a phone's keyboard, is the same password, as it was
 * for the first hashes (Elytron's bcrypt reads NFKC) and not for those of session 44 (the probe);</li>
 * <li>{@link #WHOLE} (session 44): bcrypt of the SHA-256 of the password's bytes as typed;</li>
 * <li>plain bcrypt (before): of the password's first 72 bytes in NFKC.</li>
 * </ul>
 * The older two are replaced by the first at a right login ({@link #upgraded}).
 */
public final class Passwords {

    /** What a hash of the whole password, in NFKC, starts with before the bcrypt string. */
    private static final String WHOLE_ALIKE = "$gw-nfkc-sha256$";
    /** What a hash of the whole password as typed (session 44's) starts with. */
    private static final String WHOLE = "$gw-sha256$";

    /** What bcrypt reads of what it is given, in bytes; the rest it never sees. */
    private static final int BCRYPT_READS = 72;

    /** Checked when the email is unknown, so a wrong email costs as long as a wrong password. */
    private static final String DECOY = hash("decoy password that matches nothing");

    private Passwords() {
    }

    public static String hash(String password) {
        return WHOLE_ALIKE + BcryptUtil.bcryptHash(whole(alike(password)));
    }

    /**
     * For a right password whose stored hash is of an older kind: a hash of the newest, to store in its
     * place at this login (null when it is of the newest already). A plain bcrypt hash read 72 bytes and
     * ended the password with a NUL of its own and repeated it to fill them ("pw", and "pw" NUL "pw", were one),
     * so it cannot tell what came after either: a password of 72 bytes or
     * more (in NFKC, as it read them), or with a NUL, keeps its hash until the next password change, else
     * the tail typed now (a slip, or a guess) would become the password.
     */
    static String upgraded(String password, String hash) {
        if (hash == null || hash.startsWith(WHOLE_ALIKE)) {
            return null;
        }
        boolean cut = !hash.startsWith(WHOLE) && (password.indexOf('\0') >= 0
                || alike(password).getBytes(StandardCharsets.UTF_8).length >= BCRYPT_READS);
        return cut ? null : hash(password);
    }

    static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        String stored = hash == null ? DECOY : hash;
        String prefix = stored.startsWith(WHOLE_ALIKE) ? WHOLE_ALIKE : stored.startsWith(WHOLE) ? WHOLE : "";
        String given = switch (prefix) {
            case WHOLE_ALIKE -> whole(alike(password));
            case WHOLE -> whole(password);
            default -> password;
        };
        try {
            Password raw = ModularCrypt.decode(stored.substring(prefix.length()));
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    WildFlyElytronPasswordProvider.getInstance());
            boolean ok = factory.verify(factory.translate(raw), given.toCharArray());
            return ok && hash != null;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether two passwords are one, as a hash reads them: the same password typed two ways is no new one. */
    static boolean same(String one, String other) {
        return alike(one).equals(alike(other));
    }

    /** The password as every way of typing it is read: Unicode's NFKC form. */
    private static String alike(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** The password as bcrypt is given it: its SHA-256 in Base64, every character of it counted. */
    private static String whole(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
