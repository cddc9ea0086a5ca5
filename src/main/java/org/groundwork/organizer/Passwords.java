package org.groundwork.organizer;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashing; only hashes are stored. */
final class Passwords {

    /** Checked when the email is unknown, so a wrong email costs as long as a wrong password. */
    private static final String DECOY = BcryptUtil.bcryptHash("decoy password that matches nothing");

    private Passwords() {
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        try {
            Password raw = ModularCrypt.decode(hash == null ? DECOY : hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    WildFlyElytronPasswordProvider.getInstance());
            boolean ok = factory.verify(factory.translate(raw), password.toCharArray());
            return ok && hash != null;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
