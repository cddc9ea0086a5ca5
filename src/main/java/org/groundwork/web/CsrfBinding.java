package org.groundwork.web;

import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * A login's own CSRF token: the first 16 bytes of an HMAC of its session id, under the key of the login cookie.
 * <p>
 * quarkus-rest-csrf's token was the cookie's value, whatever it was: a cookie planted by a sibling subdomain (a
 * cookie for the parent domain) with the same value in a forged form went through, and one browser kept one token
 * across logins, another organizer's and another team's too (session 51's walk). Bound to the session, a planted
 * cookie is not the login's token, and each login has a token of its own, which ends with it. Nothing is stored:
 * every instance that shares the login cookie's key computes the same token.
 */
final class CsrfBinding {

    static final String KEY_SETTING = "quarkus.http.auth.session.encryption-key";
    private static final String PURPOSE = "groundwork-csrf-v1:";
    /** quarkus-rest-csrf's token size (its default, 16 bytes): a bound token is a cookie it takes as its own. */
    private static final int BYTES = 16;
    private static volatile SecretKeySpec key;

    private CsrfBinding() {
    }

    /** The token of the login session {@code session}, base64url without padding, as quarkus-rest-csrf writes its own. */
    static String token(UUID session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac(key(), PURPOSE + session), BYTES));
    }

    private static SecretKeySpec key() {
        SecretKeySpec k = key;
        return k != null ? k : makeKey();
    }

    /**
     * A key of its own, derived from the login cookie's (configured, or the one EmbeddedDatabase keeps in the data
     * directory), so the cookie's key is used for nothing else; with neither, Quarkus makes one per process for the
     * cookie, and so does this (a login then holds on one instance only, its token with it). Kept for the process: a
     * test profile started again with another key keeps this one, which both sides of a check use.
     */
    private static synchronized SecretKeySpec makeKey() {
        if (key == null) {
            String configured = ConfigProvider.getConfig().getOptionalValue(KEY_SETTING, String.class)
                    .orElse(System.getProperty(KEY_SETTING));
            byte[] secret;
            if (configured == null || configured.isBlank()) {
                secret = new byte[32];
                new SecureRandom().nextBytes(secret);
            } else {
                secret = configured.getBytes(StandardCharsets.UTF_8);
            }
            key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "groundwork-csrf-key-v1"), "HmacSHA256");
        }
        return key;
    }

    private static byte[] hmac(SecretKeySpec with, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(with);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
