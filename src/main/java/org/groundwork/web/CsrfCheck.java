package org.groundwork.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.quarkus.csrf.reactive.runtime.RestCsrfConfig;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.organizer.Identities;
import org.groundwork.platform.InputGuard;
import org.groundwork.platform.Problems;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every state-changing page request carries the CSRF token, whatever its body.
 * <p>
 * quarkus-rest-csrf checks the token only in form bodies (or in its header); a request with
 * no body, or a JSON body, passes it unchecked, and it knows no login. This filter (which the framework
 * runs before it) refuses any POST, PUT, PATCH or DELETE that does not carry the token, on a login's request
 * the login's own (CsrfBinding). Exempt: requests without the login
 * cookie (a script with a bearer token: a forged request has no credential to borrow; on a page
 * route an extra header beside the cookie exempts nothing) and, on the API, requests that name a
 * personal token ({@code Authorization: Bearer}), which no other site can make a browser send (a
 * Basic header, which a browser adds by itself behind a proxy asking for one, exempts nothing). The API's refusal is
 * problem+json (403); a page's, the readable page. {@code POST /login} never reaches here: the form
 * login answers it before any resource, and a forged login can only log someone into the
 * attacker's own account; the session cookie is SameSite=Strict.
 */
public class CsrfCheck {

    @Inject
    CsrfTokenParameterProvider csrf;
    @Inject
    CurrentIdentityAssociation identities;

    /** The attributes quarkus-rest-csrf sets on the routing context. */
    static final String TOKEN = "csrf_token";
    private static final String TOKEN_BYTES = "csrf_token_bytes";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String API_WITHOUT_TOKEN = "A write to the API with a browser's login cookie must carry the page's"
            + " security token (X-CSRF-TOKEN); nothing was changed. Scripts send a token instead: POST /api/v1/tokens,"
            + " then Authorization: Bearer";

    /** What a refused form held that someone typed, shown on the refusal to be copied (a textarea's numbered label). */
    record Typed(int number, String text) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(List<Typed> typed);
    }

    /**
     * Fields no one typed, or no one must see again on a page: tokens, ids, versions, keys, passwords, the second
     * factor's code; the pages' hidden fields and choices (a select, a tick), which are picked again in a moment.
     */
    private static final Pattern NOT_TYPED = Pattern.compile("(?i)_.*|.*(token|password"
            + "|secret|id|ids|version|key)|code|next|drawn|kept|quiet|map|item|remove|did|active|byHistory|firstTime"
            + "|onMatch|someoneElse|tieSearch|focus|viewport|mode|confirm|from|to|level|engagementLevel|owner|channel"
            + "|kind|unitKind|tieKind|position|role|period|language|doNotContact|politicalDiscussion");
    /** The most texts, and characters in all, a refusal shows (a conversation's fields hold 30,000 each). */
    private static final int MAX_TEXTS = 30;
    private static final int MAX_SHOWN = 200_000;
    /** A tick's value, a number, a date or a time: nothing to copy, typed again in a moment (a form draws them). */
    private static final Pattern NO_TEXT = Pattern.compile(
            "(?i)true|on|\\d{1,6}|\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?)?|\\d{1,2}:\\d{2}");
    private static final Pattern AN_ID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    // with the form read, so a posted form's field can be looked at
    @ServerRequestFilter(priority = Priorities.USER + 10)
    @WithFormRead
    public Optional<Response> check(ResteasyReactiveContainerRequestContext request, RoutingContext http) {
        if (!CHANGING.contains(request.getMethod())) {
            return Optional.empty();
        }
        if (http.normalizedPath().startsWith("/api/")) {
            // a browser sends its login cookie with any request from a page of the same site, and a POST with
            // no body, no Content-Type or a form's needs no CORS preflight: a sibling subdomain's script made
            // an admin that way. The API's writes on the cookie alone carry the token as the pages' do; a
            // script with a bearer token is exempt (no other site can make a browser send one)
            // a cookie naming no live login (logged out, expired) lends nothing either: a script that kept it in its
            // cookie jar and asks POST /tokens for a token with its password is not told to do just that
            if (http.request().getCookie(Identities.loginCookie()) == null
                    || Identities.namesAToken(request.getHeaderString("Authorization")) || carriesTheToken(request, http)
                    || loginsToken(request.getHeaderString("Authorization"), http, identities).isEmpty()) {
                return Optional.empty();
            }
            throw Problems.forbidden(API_WITHOUT_TOKEN);
        }
        if (http.request().getCookie(Identities.loginCookie()) == null) {
            if (isForm(request) && !carriesTheToken(request, http)) {
                // quarkus-rest-csrf, next, checks every form and answers a miss with an empty 400: a blank
                // page for a browser that lost its cookies (restarted; it lasted two hours until session 51, 8 now) and
                // sends a page left open, its Log out say. Said as it is to someone logged in
                return Optional.of(refused(request));
            }
            // no login cookie, nothing a forged request could borrow (a script with a token on a
            // page route): the page it answers with still draws its forms, which need a token
            if (http.get(TOKEN) == null) {
                byte[] bytes = new byte[16];
                RANDOM.nextBytes(bytes);
                http.put(TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
            return Optional.empty();
        }
        if (carriesTheToken(request, http)) {
            return Optional.empty();
        }
        return Optional.of(refused(request));
    }

    /**
     * A page answered to a login sets the CSRF cookie to the login's own token (CsrfBinding; the page's forms draw it
     * through {@link PageToken}): a cookie from before the login, or one planted, is replaced. quarkus-rest-csrf's
     * response filter sets the cookie from the token it put on the request; this one runs before it (response
     * filters run by descending priority) and puts the login's there.
     */
    @ServerResponseFilter(priority = Priorities.USER + 1000)
    public void setTheLoginsCookie(ResteasyReactiveContainerRequestContext request, RoutingContext http) {
        if (CHANGING.contains(request.getMethod()) || http.get(TOKEN) == null) {
            return;
        }
        loginsToken(request.getHeaderString("Authorization"), http, identities).filter(t -> !t.equals(UNKNOWN)).ifPresent(token -> {
            http.put(TOKEN, token);
            http.put(TOKEN_BYTES, Base64.getUrlDecoder().decode(token));
        });
    }

    /**
     * Sets the CSRF cookie to the login's own token on an answer no page's filters drew: an error page refused before
     * they ran (an address no route has, a role refusal), which draws the login's Log out (web/ErrorPages). Written as
     * quarkus-rest-csrf writes its own, with its settings (name, path, domain, age, HttpOnly; Secure over HTTPS or when
     * forced). Nothing when the browser's cookie is that token already.
     */
    static void loginsCookieOn(RoutingContext http) {
        Optional<String> token = Identities.resolved(http).flatMap(Identities::sessionOf).map(CsrfBinding::token);
        RestCsrfConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(RestCsrfConfig.class);
        Cookie sent = http.request().getCookie(config.cookieName());
        if (token.isEmpty() || sent != null && token.get().equals(sent.getValue())) {
            return;
        }
        Cookie cookie = Cookie.cookie(config.cookieName(), token.get()).setHttpOnly(config.cookieHttpOnly())
                .setSecure(config.cookieForceSecure() || http.request().isSSL())
                .setMaxAge(config.cookieMaxAge().toSeconds()).setPath(config.cookiePath());
        config.cookieDomain().ifPresent(cookie::setDomain);
        http.response().addCookie(cookie);
    }

    /**
     * The token of the CSRF cookie, sent back in the form field or the header (htmx), and on a login's request the
     * login's own token (CsrfBinding): a cookie and a field that match each other are not enough, as an attacker who
     * can set a cookie for the parent domain makes them match. Checked here rather than relying on quarkus-rest-csrf's
     * verdict, which this filter cannot be sure to run after and which knows no login.
     */
    private boolean carriesTheToken(ResteasyReactiveContainerRequestContext request, RoutingContext http) {
        Cookie cookie = http.request().getCookie(csrf.getCookieName());
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return false;
        }
        String sent = request.getHeaderString(csrf.getHeaderName());
        if (sent == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(csrf.getParameterName(), true, false);
            sent = field == null ? null : field.toString();
        }
        if (sent == null || !same(sent, cookie.getValue())) {
            return false;
        }
        Optional<String> own = loginsToken(request.getHeaderString("Authorization"), http, identities);
        return own.isEmpty() || !own.get().equals(UNKNOWN) && same(sent, own.get());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The token of the login this request's cookie names, or none: no login cookie, a bearer token's request, a cookie
     * that names no live session (an ended or expired login: nothing to borrow). The identity is the one TwoFactorGate's
     * filter resolved for every request with the login cookie (on the routing context), or, where blocking is
     * allowed, read. Where it can be neither (the event loop, which no page runs on), {@link #UNKNOWN}: no token
     * equals it, so a write is refused rather than checked against the cookie alone.
     */
    static Optional<String> loginsToken(String authorization, RoutingContext http, CurrentIdentityAssociation identities) {
        if (http == null || http.request().getCookie(Identities.loginCookie()) == null || Identities.namesAToken(authorization)) {
            return Optional.empty();
        }
        SecurityIdentity identity;
        if (http.user() instanceof QuarkusHttpUser user) {
            identity = user.getSecurityIdentity();
        } else if (BlockingOperationControl.isBlockingAllowed()) {
            try {
                identity = identities.getIdentity();
            } catch (AuthenticationFailedException | UnauthorizedException ended) {
                // the cookie names a session that has ended: the request is anonymous (LoginPages reads it so too)
                identity = null;
            }
        } else {
            return Optional.of(UNKNOWN);
        }
        return Identities.sessionOf(identity).map(CsrfBinding::token);
    }

    /** What {@link #loginsToken} answers when the login cannot be read here; never a token. */
    static final String UNKNOWN = "";

    /** A url-encoded or multipart form: the bodies quarkus-rest-csrf checks. */
    private static boolean isForm(ResteasyReactiveContainerRequestContext request) {
        return InputGuard.isForm(request.getHeaderString("Content-Type"));
    }

    /**
     * A CSRF cookie quarkus-rest-csrf cannot use (not base64url, or not its token's size: an old instance's,
     * a cookie edited by hand) made it answer every page request, GETs too, with an empty 400: a blank page
     * until the cookie expired. Such a cookie is taken out of the request before anything reads the cookies
     * (form login reads the session's at order -200), so the request is one without a CSRF cookie: a page
     * is drawn and sets a good one in its place, and a form sent with it gets this filter's 403 page, as one
     * sent with no cookie at all does.
     */
    @ApplicationScoped
    static class UnusableCookie {

        @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
        String name;
        @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16")
        int size;
        @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key")
        Optional<String> signatureKey;

        void install(@Observes Router router) {
            refuseASignatureKey(signatureKey);
            router.route().order(-280).handler(ctx -> {
                MultiMap headers = ctx.request().headers();
                dropUnusable(headers);
                // a request that names a bearer token is that token's alone: the login cookie beside it signed it
                // in when the token was unknown (the form's mechanism is asked first) and exempted it from the
                // CSRF check (the probe: "Bearer nonsense" and a cookie made a token with no page's token)
                if (Identities.namesAToken(headers.get("Authorization"))) {
                    drop(headers, (cookie, value) -> cookie.equals(Identities.loginCookie()));
                }
                ctx.next();
            });
        }

        void dropUnusable(MultiMap headers) {
            // most requests carry a usable one or none: their Cookie lines are not taken apart
            if (headers.getAll("Cookie").stream().anyMatch(line -> line.contains(name))) {
                drop(headers, (cookie, value) -> cookie.equals(name) && !usable(value));
            }
        }

        /** Takes the cookies {@code dropped} names out of the request's Cookie lines, the others kept as sent. */
        private static void drop(MultiMap headers, java.util.function.BiPredicate<String, String> dropped) {
            List<String> lines = headers.getAll("Cookie");
            if (lines.isEmpty()) {
                return;
            }
            List<String> kept = new ArrayList<>();
            boolean any = false;
            for (String line : lines) {
                List<String> pairs = new ArrayList<>();
                for (String pair : line.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && dropped.test(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim())) {
                        any = true;
                    } else if (!pair.isBlank()) {
                        pairs.add(pair.trim());
                    }
                }
                if (!pairs.isEmpty()) {
                    kept.add(String.join("; ", pairs));
                }
            }
            if (any) {
                headers.remove("Cookie");
                kept.forEach(line -> headers.add("Cookie", line));
            }
        }

        /**
         * quarkus-rest-csrf with a signature key compares a signed cookie with the form's token, while every page
         * draws and sets the login's own unsigned token ({@link CsrfBinding}): every form would be refused. The
         * start fails instead, naming the setting (session 51's review).
         */
        static void refuseASignatureKey(Optional<String> key) {
            if (key.isPresent()) {
                throw new IllegalStateException("quarkus.rest-csrf.token-signature-key (QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY)"
                        + " is set: Groundwork binds each form's token to its login and does not use signed tokens, so"
                        + " every form would be refused. Remove the setting (docs/security.md, \"Sessions, throttling, CSRF, two-factor\").");
            }
        }

        /** What quarkus-rest-csrf takes: base64url of its token's size. */
        private boolean usable(String value) {
            try {
                return Base64.getUrlDecoder().decode(value).length == size;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    private static Response refused(ResteasyReactiveContainerRequestContext request) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.refused(typed(request)).render())
                .build();
    }

    /**
     * The texts of a refused form, in the form's order, for the refusal to show: a conversation's notes written
     * on a page left open since the morning are not lost with the token (the brief: what was typed kept). Shown,
     * not sent again: a button that sent them with a fresh token would let any page of a sibling site that can
     * post a form here have it sent with one click.
     */
    private static List<Typed> typed(ResteasyReactiveContainerRequestContext request) {
        var form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        List<Typed> typed = new ArrayList<>();
        // a page of this site left open says same-origin (or, from an older browser, nothing); another site's
        // forged post gets the refusal alone, not its own words shown on this site as someone's
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (form == null || site != null && !site.equals("same-origin")) {
            return typed;
        }
        int shown = 0;
        for (String name : form) {
            if (NOT_TYPED.matcher(name).matches()) {
                continue;
            }
            for (var value : form.get(name)) {
                String text = value.isFileItem() || value.getValue() == null ? "" : value.getValue().replace("\0", "");
                if (text.isBlank() || NO_TEXT.matcher(text.strip()).matches() || AN_ID.matcher(text.strip()).matches()) {
                    continue;
                }
                // what one organizer writes on one page, not any body a script can send (the form's limit is far
                // above, and each character may be drawn six times over, escaped)
                if (typed.size() == MAX_TEXTS || shown + text.length() > MAX_SHOWN) {
                    return typed;
                }
                shown += text.length();
                typed.add(new Typed(typed.size() + 1, text));
            }
        }
        return typed;
    }
}
