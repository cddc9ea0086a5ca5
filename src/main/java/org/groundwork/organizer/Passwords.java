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
import java.util.Base64;

/**
 * bcrypt hashing; only hashes are stored. bcrypt reads the first 72 bytes of what it is given and no
 * more, so a 100-character passphrase was as good as its first 72 bytes (the probe; fewer characters
 * in other scripts: 24 in Devanagari). A hash made since the forty-fourth session is of the
 * password's SHA-256 (44 characters of Base64, no NUL), which stands for all of it, and says so in
 * its first characters ({@link #WHOLE}); one made before is still checked as it was made, and
 * replaced by one of the whole password at its next right login ({@link #upgraded}).
 */
public final class Passwords {

    /** What a hash of the whole password starts with, before the bcrypt string. */
    private static final String WHOLE = "$gw-sha256$";

    /** What bcrypt reads of what it is given, in bytes; the rest it never sees. */
    private static final int BCRYPT_READS = 72;

    /** Checked when the email is unknown, so a wrong email costs as long as a wrong password. */
    private static final String DECOY = hash("decoy password that matches nothing");

    private Passwords() {
    }

    public static String hash(String password) {
        return WHOLE + BcryptUtil.bcryptHash(whole(password));
    }

    /**
     * For a right password whose stored hash was made before {@link #WHOLE} (bcrypt of the first 72
     * bytes): a hash of all of it, to store in its place at this login. Null when it is of all of it
     * already, and when the password is longer than 72 bytes: such a hash cannot tell what came after
     * them, so the tail typed now (a slip, or a guess) would become the password; that account is
     * upgraded at its next password change, as before.
     */
    static String upgraded(String password, String hash) {
        return hash == null || hash.startsWith(WHOLE) || password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_READS
                ? null : hash(password);
    }

    static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        String stored = hash == null ? DECOY : hash;
        boolean whole = stored.startsWith(WHOLE);
        try {
            Password raw = ModularCrypt.decode(whole ? stored.substring(WHOLE.length()) : stored);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    WildFlyElytronPasswordProvider.getInstance());
            boolean ok = factory.verify(factory.translate(raw), (whole ? whole(password) : password).toCharArray());
            return ok && hash != null;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
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
