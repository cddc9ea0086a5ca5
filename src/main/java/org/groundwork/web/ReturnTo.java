package org.groundwork.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The page a logged-out browser asked for (a bookmark, a link in a message), so the login lands
 * there and not on Today. Pages send such a browser to the login page (ProblemMapper), and that
 * redirect sets this short-lived cookie of the login's own (HttpOnly, SameSite=Strict, path
 * /login, so only the login's posts and the code step see it). The login's redirect goes there,
 * or after the second factor when one is asked; then the cookie is cleared.
 *
 * <p>Only a local path is ever kept or followed: one slash and a path, never {@code //host},
 * {@code /\host} (which browsers read as {@code //host}), a scheme, a backslash or a control
 * character anywhere. A hand-made cookie that holds anything else is ignored, so this is no open
 * redirect. Quarkus's own location cookie is not used: it holds an absolute URL, checks only the
 * host, and logs a mismatch at ERROR (anyone could send one), and it does not wait for the second
 * factor.
 */
public final class ReturnTo {

    public static final String COOKIE = "gw-return";
    private static final Duration KEPT = Duration.ofMinutes(15);
    /** Longer addresses are not pages anyone bookmarks; the cookie stays well under a browser's 4 KB. */
    private static final int LONGEST = 2000;

    private ReturnTo() {
    }

    /**
     * The Set-Cookie header that remembers this request's page, for the redirect to the login page;
     * empty when it is no page to come back to: not a GET (a form's post is not repeated), a
     * fragment htmx asked for, or an address that is not a plain local path.
     */
    public static Optional<String> remember(HttpServerRequest request) {
        if (request == null || request.method() != HttpMethod.GET || request.getHeader("HX-Request") != null) {
            return Optional.empty();
        }
        // a browser says what a request is for: an image or a script's fetch from a page whose session
        // ended is no page to land on (older browsers send neither header, and are taken at their word)
        String dest = request.getHeader("Sec-Fetch-Dest");
        String mode = request.getHeader("Sec-Fetch-Mode");
        if ((dest != null && !dest.equals("document")) || (mode != null && !mode.equals("navigate"))) {
            return Optional.empty();
        }
        return local(request.uri()).filter(path -> !path.equals("/"))
                .map(path -> cookie(URLEncoder.encode(path, StandardCharsets.UTF_8), KEPT.toSeconds(), request.isSSL())
                        .encode());
    }

    /** The page the cookie remembers, when it holds a local path. */
    public static Optional<String> read(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 3 * LONGEST) {
            return Optional.empty();
        }
        try {
            return local(URLDecoder.decode(cookie, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * On a login's redirect (form login answers a success with a 302 to the landing page): to the
     * page remembered instead, and forget it. Nothing when the browser remembers none.
     */
    public static void afterLogin(RoutingContext http) {
        Cookie sent = http == null ? null : http.request().getCookie(COOKIE);
        if (sent == null) {
            return;
        }
        Optional<String> target = read(sent.getValue());
        http.addHeadersEndHandler(v -> {
            if (target.isPresent() && http.response().getStatusCode() == 302) {
                http.response().headers().set("Location", target.get());
            }
            http.response().headers().add("Set-Cookie", cleared(http.request().isSSL()));
        });
    }

    /** The Set-Cookie header that removes it. */
    public static String cleared(boolean secure) {
        return cookie("", 0, secure).encode();
    }

    /** The one description of the cookie, for setting it and for clearing it. */
    private static Cookie cookie(String value, long seconds, boolean secure) {
        return Cookie.cookie(COOKIE, value).setPath("/login").setMaxAge(seconds).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure);
    }

    /** A path (and query) of this server, or empty: never another host, however it is spelled. */
    static Optional<String> local(String target) {
        if (target == null || target.length() < 1 || target.length() > LONGEST || target.charAt(0) != '/') {
            return Optional.empty();
        }
        if (target.length() > 1 && (target.charAt(1) == '/' || target.charAt(1) == '\\')) {
            return Optional.empty();
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '\\' || c <= ' ' || c == 0x7f || !(c < 0x80)) {
                // a backslash, a space or control character, or a letter a browser would encode itself
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(target);
            if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(target);
    }
}
