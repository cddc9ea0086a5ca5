package org.groundwork.organizer;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The email typed into a login that failed, so the login page can show it again: the form's
 * failure is a redirect (Quarkus' form authentication), which carries no body back. It rides in a
 * short-lived cookie of the login page's own (HttpOnly, SameSite=Strict, path /login), not in the
 * redirect's URL, where it would land in access logs and the browser's history. The page reads it
 * once and clears it.
 */
final class TypedEmail {

    static final String COOKIE = "gw-login-email";
    private static final Duration KEPT = Duration.ofMinutes(5);
    /** The longest address there is; anything longer was not an email, and is not kept. */
    private static final int LONGEST = 254;

    private TypedEmail() {
    }

    /** Sets the cookie on the failed login's redirect. */
    static void keep(RoutingContext http, String email) {
        if (http == null || !plausible(email)) {
            return;
        }
        String value = URLEncoder.encode(email, StandardCharsets.UTF_8);
        http.addHeadersEndHandler(v -> http.response().addCookie(cookie(value, KEPT.toSeconds(), http.request().isSSL())));
    }

    /** What the cookie kept, if it holds an email as {@link #keep} writes it (a hand-made one is ignored). */
    static Optional<String> read(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        try {
            String email = URLDecoder.decode(cookie, StandardCharsets.UTF_8);
            return plausible(email) ? Optional.of(email) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The Set-Cookie header that removes it (the page shows it once). */
    static String cleared(boolean secure) {
        return cookie("", 0, secure).encode();
    }

    /** The one description of the cookie, for setting it and for clearing it. */
    private static Cookie cookie(String value, long seconds, boolean secure) {
        return Cookie.cookie(COOKIE, value).setPath("/login").setMaxAge(seconds).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure);
    }

    private static boolean plausible(String email) {
        return email != null && !email.isBlank() && email.length() <= LONGEST
                && email.chars().noneMatch(Character::isISOControl);
    }
}
