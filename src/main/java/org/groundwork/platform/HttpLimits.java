package org.groundwork.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.web.ErrorPages;
import org.groundwork.web.PageLanguage;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limits the HTTP layer would otherwise enforce with an empty answer (414, 431, 413) are
 * enforced here first, and a Content-Type that is no media type at all is a 415 before anything
 * reads it, with the same problem+json (or page) as every other error; so are, first of all, a
 * request with two Host headers (400), and then a JSON body declared in a charset other than UTF-8
 * (415: Jackson reads every body as UTF-8). Vert.x's
 * own limits are set higher in application.properties, so only requests past those (256 KB of
 * request line or headers) still meet its bare answer.
 *
 * <p>Bodies: a team's archive may be as large as the HTTP layer's own limit (a union's is ~120
 * MB); every other body is held to the import's limit here, by its declared length. A body sent
 * without one (chunked) is taken only where it is streamed or checked as it comes (an archive, the
 * API's CSV import); any other is a 411: a JSON body would be parsed whole, and a page's upload
 * (the CSV import page's) written to disk whole, both up to the archive's limit, before anything
 * could refuse it. Browsers send a form's length, files and all.
 */
@ApplicationScoped
public class HttpLimits {

    private static final Logger LOG = Logger.getLogger(HttpLimits.class);

    private static final String NOT_A_MEDIA_TYPE =
            "The Content-Type header is not a media type; send application/json (a page's form sends its own)";

    /** Where a team's archive is restored from: the API's body, the page's upload. */
    private static final Set<String> ARCHIVES = Set.of("/api/v1/teams/restore", "/settings/restore");
    private static final String IMPORT = "/api/v1/imports/contacts";

    /** Longest request line (method, path and query) answered normally. */
    static final int MAX_URI = 8 * 1024;
    /** Largest total of header names and values answered normally. */
    static final int MAX_HEADERS = 32 * 1024;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location")
    String loginPost;
    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
    String quarkusLocationCookie;
    /** Every body but an archive's. */
    @ConfigProperty(name = "groundwork.import.max-bytes")
    long maxBody;
    @ConfigProperty(name = "groundwork.restore.max-archive-bytes")
    long maxArchive;
    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        // before the HTTP authentication (a filter of priority 200, so order -200), which decodes the
        // login form's body: its failures are not ours to answer after it
        router.route().order(-250).handler(this::check);
        // a request the router refuses before any handler runs (no Host, HTTP/2's preface sent in
        // clear text) went to Quarkus's last handler: a 400 that was no problem, a page titled
        // "Internal Server Error", and an ERROR line in the log for anyone who sends one
        router.route().order(-300).failureHandler(this::unroutable);
        // between the HTTP authentication (order -200), which reads the login form's body, and Quarkus's
        // own handler of the form's post (order -150), which answered an empty 200 when that body gave
        // no email and password
        router.route().order(-175).handler(ctx -> {
            if (isLoginPost(ctx)) {
                loginFormRead(ctx);
            } else {
                ctx.next();
            }
        });
    }

    /**
     * A post the form authentication reads as the login's: it compares the path normalized, and by
     * its end, so {@code /./login} and {@code /%6Cogin} are the login's too and must meet its checks.
     */
    public boolean isLoginPost(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST) {
            return false;
        }
        String path;
        try {
            path = ctx.normalizedPath();
        } catch (IllegalArgumentException e) {
            path = ctx.request().path();
        }
        return path != null && path.endsWith(loginPost);
    }

    static final String LOGIN_FORM_UNREADABLE = "The login form's email and password could not be read (a broken "
            + "%-escape, more than 1,000 fields, an upload cut short, or a field missing); nobody was logged in";

    /**
     * Form login reads its body with Vert.x's decoder, which on a broken {@code %}-escape, too many
     * fields or a multipart cut short drops the whole body and tells no one (its exception goes to
     * no handler; no line in the log). The form's authentication then finds no email and password,
     * the request stays anonymous, and Quarkus's handler of the post answered it with an empty 200.
     * The identity is read here first (it is computed once, so that handler gets the same): a login
     * answers for itself (the redirect after a success, a failure's redirect to the login page),
     * and a post that logged no one in and was not answered is a 400 saying why.
     */
    private void loginFormRead(RoutingContext ctx) {
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            ctx.next();
            return;
        }
        identity.subscribe().with(who -> {
            if (ctx.response().ended()) {
                return;
            }
            if (who == null || who.isAnonymous()) {
                LOG.debugf("A login form's body gave no email and password (%s, %s bytes)",
                        ctx.request().getHeader("Content-Type"), ctx.request().getHeader("Content-Length"));
                refuse(ctx, new Problem("about:blank", "Bad Request", 400, LOGIN_FORM_UNREADABLE, null));
            } else {
                ctx.next();
            }
        }, failure -> {
            // a failed login was answered by the form's own failure handler; anything else goes on as before
            if (!ctx.response().ended() && !ctx.failed()) {
                ctx.next();
            }
        });
    }

    private static final String CHECKED = HttpLimits.class.getName();

    /**
     * A page's address read with a slash at its end, without it (and its query), for a 301; null for any other
     * request. The routes match either way, so /organizations/{id}/chart/ drew the wall chart, whose relative links
     * (a column's, a card's Move: short, on 5,000 cards) then led under chart/ to 404s (a walk). Only GET and HEAD
     * of pages: the API answers as it did. Never an address that would start with // (another host's, to a browser).
     */
    static String withoutTrailingSlash(HttpServerRequest request) {
        String path = request.path();
        if (path == null || path.length() < 2 || !path.endsWith("/") || path.startsWith("//")
                || path.startsWith("/api/") || path.startsWith("/q/")
                || !(request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)) {
            return null;
        }
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        String bare = path.substring(0, end);
        // a backslash is read as a slash by browsers: /\host would be another host's too. Quarkus refuses a raw one
        // before any route (its URI check), but not if that check were ever switched off
        if (bare.length() < 2 || bare.startsWith("//") || bare.indexOf('\\') >= 0) {
            return null;
        }
        String query = request.query();
        return query == null ? bare : bare + "?" + query;
    }

    /**
     * What is wrong with the address's %-escapes, or null: escapes that are not UTF-8, which the REST layer read
     * as U+FFFD (a search for {@code %E0%A4} searched for that character), or a {@code %} not followed by two hex
     * digits. The second never gets here as things are: Quarkus checks every address with {@code new URI(…)}
     * before any route and answers what fails with an empty 400 (docs/security.md, "Refused below the app").
     */
    static String brokenEscapes(String uri) {
        if (uri == null || uri.indexOf('%') < 0) {
            return null;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c != '%') {
                // an address is ASCII but for its escapes: a byte each, without an allocation per character
                if (c < 0x80) {
                    bytes.write(c);
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                continue;
            }
            int high = i + 2 < uri.length() ? Character.digit(uri.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(uri.charAt(i + 2), 16) : -1;
            if (low < 0) {
                return "The address has a % that is not followed by two hex digits (write a % as %25)";
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (java.nio.charset.CharacterCodingException e) {
            return "The address has %-escapes that are not UTF-8; send text as UTF-8";
        }
    }

    /**
     * What vertx-web's {@code RoutingContextImpl.route()} refuses, by its own status and words: a
     * request without a valid Host (or HTTP/2's {@code :authority}) is a 400 with an exception, a path
     * that does not start with '/' ({@code OPTIONS *}) a 404 without one.
     */
    private void unroutable(RoutingContext ctx) {
        String path = ctx.request().path();
        boolean badPath = path == null || !path.startsWith("/");
        boolean badHost = ctx.statusCode() == 400 && ctx.failure() instanceof io.vertx.core.VertxException
                && String.valueOf(ctx.failure().getMessage()).startsWith("For HTTP/");
        if (ctx.get(CHECKED) != null || ctx.response().headWritten() || !(badPath || badHost)) {
            ctx.next();
            return;
        }
        if (badHost) {
            refuse(ctx, new Problem("about:blank", "Bad Request", 400,
                    ctx.failure().getMessage().startsWith("For HTTP/2")
                            ? "HTTP/2 is not spoken here; send HTTP/1.1"
                            : "The request has no valid Host header", null));
        } else {
            boolean empty = ctx.statusCode() == 400;
            refuse(ctx, new Problem("about:blank", empty ? "Bad Request" : Problems.NOT_FOUND, empty ? 400 : 404,
                    "The request's path must start with /", null));
        }
    }

    private void check(RoutingContext ctx) {
        ctx.put(CHECKED, Boolean.TRUE);
        HttpServerRequest request = ctx.request();
        if (request.headers().getAll("Host").size() > 1) {
            // HTTP/1.1 (RFC 9112 3.2) says a 400: the router reads the first, a proxy or cache in front
            // may have read the other. Seen only with forwarding off: behind a trusted proxy Quarkus's
            // forwarded headers' parser has set Host to the first already, and the proxy refuses it
            // (docs/security.md)
            refuse(ctx, new Problem("about:blank", "Bad Request", 400,
                    "The request has more than one Host header; send one", null));
            return;
        }
        if (request.headers().getAll("Content-Type").size() > 1) {
            // the REST layer, the CSRF filter and the form parser read the first line, a proxy in front may
            // have read the other: refused as two Idempotency-Key lines are, before anything reads the body
            refuse(ctx, Problems.invalid("Content-Type", InputGuard.GIVEN_TWICE).toProblem());
            return;
        }
        if (request.headers().getAll("Authorization").size() > 1) {
            // the authentication read the first line and acted as that token's organizer, whatever a proxy
            // or a log in front made of the other: refused as two Content-Type lines are
            refuse(ctx, Problems.invalid("Authorization", InputGuard.GIVEN_TWICE).toProblem());
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        // only a body is encoded: a GET or an empty post naming an encoding has nothing to refuse (the probe)
        String declared = request.getHeader("Content-Length");
        boolean body = request.getHeader("Transfer-Encoding") != null
                || (declared != null && !declared.strip().equals("0"));
        if (body && encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            // bodies are never inflated here: a gzip JSON body was read as it came, "not valid JSON (line 1,
            // column 2)", and a compressed CSV as a file of garbage
            refuse(ctx, new Problem("about:blank", "Unsupported Media Type", 415,
                    "The body is sent with Content-Encoding " + Text.preview(encoding.strip(), 40)
                            + "; send it uncompressed", null));
            return;
        }
        if (request.uri().length() > MAX_URI) {
            refuse(ctx, new Problem("about:blank", "URI Too Long", 414,
                    "The address is longer than " + MAX_URI + " characters; send long values in the body", null));
            return;
        }
        String escapes = brokenEscapes(request.uri());
        if (escapes != null) {
            refuse(ctx, new Problem("about:blank", "Bad Request", 400, escapes, null));
            return;
        }
        String bare = withoutTrailingSlash(request);
        if (bare != null) {
            ctx.response().setStatusCode(301).putHeader("Location", bare).end();
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headers += h.getKey().length() + h.getValue().length();
        }
        if (headers > MAX_HEADERS) {
            refuse(ctx, new Problem("about:blank", "Request Header Fields Too Large", 431,
                    "The request's headers are larger than " + MAX_HEADERS / 1024 + " KB", null));
            return;
        }
        List<String> ifMatch = request.headers().getAll("If-Match");
        if (ifMatch.size() > 1) {
            // several If-Match lines are one list (RFC 9110 5.3), but the resources read only the first:
            // a client (or a proxy) that sent the current tag on the second line got a 412 for ever
            request.headers().set("If-Match", String.join(", ", ifMatch));
        }
        String languages = request.getHeader("Accept-Language");
        if (languages != null && !readableLanguages(languages)) {
            // a weight that is no number (en;q=zz) made every page, the login's too, a 400 in the REST
            // layer's words; no browser sends one, and pages choose their language themselves
            // (web/PageLanguage, which reads such a header as none): dropped, as if not sent
            request.headers().remove("Accept-Language");
        }
        String type = request.getHeader("Content-Type");
        if (isLoginPost(ctx) && !InputGuard.isForm(type)) {
            // the login form's authentication decodes the body as a form before any resource runs, and
            // threw on anything else (no Content-Type, JSON): a 500 with a stack trace for anyone
            refuse(ctx, new Problem("about:blank", "Unsupported Media Type", 415,
                    "The login form is sent as a form (application/x-www-form-urlencoded); scripts get a token "
                            + "from POST /api/v1/tokens", null));
            return;
        }
        if (isLoginPost(ctx)) {
            // Quarkus's form login follows its own location cookie after a success: an absolute URL it
            // checks by host alone, logging a mismatch at ERROR and failing on one that is no URI (a 500),
            // for anyone who sends one by hand. The app never sets it (its pages send a logged-out browser
            // to the login page themselves, and the login lands by web/ReturnTo): it is not read
            ctx.response().removeCookie(quarkusLocationCookie, false);
        }
        jakarta.ws.rs.core.MediaType media = type == null ? null : mediaType(type);
        if (type != null && media == null) {
            // an empty Content-Type made the CSRF filter and the login form's decoder throw: a 500 with
            // a stack trace in the log for anyone, logged in or not
            refuse(ctx, new Problem("about:blank", "Unsupported Media Type", 415, NOT_A_MEDIA_TYPE, null));
            return;
        }
        if (media != null && !knownCharset(media)) {
            // the CSRF filter answered an empty 400 and the form parser a 500 for a charset Java lacks
            refuse(ctx, new Problem("about:blank", "Unsupported Media Type", 415,
                    "The Content-Type names a charset this server does not know; send UTF-8", null));
            return;
        }
        if (media != null && readAsJson(media, request.path(), true) && !isUtf8(media)) {
            // Jackson read every JSON body as UTF-8 whatever the charset said: a Latin-1 'é' became a
            // replacement character or a 400 about bytes, a UTF-16 body a parse error in other words
            refuse(ctx, new Problem("about:blank", "Unsupported Media Type", 415, JSON_UTF8_ONLY, null));
            return;
        }
        String path = request.path();
        boolean archive = ARCHIVES.contains(path);
        // the import checks its own size (ImportSizeLimit), with its own words
        boolean streamed = archive || path.equals(IMPORT);
        String length = request.getHeader("Content-Length");
        if (length == null && request.getHeader("Transfer-Encoding") != null && !streamed) {
            refuse(ctx, new Problem("about:blank", "Length Required", 411,
                    "Send the body with its length (Content-Length), not in chunks", null));
            return;
        }
        long limit = archive ? maxArchive : maxBody;
        if (length != null && over(length.trim(), limit) && !path.equals(IMPORT)) {
            refuse(ctx, new Problem("about:blank", "Content Too Large", 413,
                    (archive ? "The archive is larger than " : "The request body is larger than ")
                            + size(limit), null));
            return;
        }
        ctx.next();
    }

    /** Whether the REST layer can read every language of this header (it parses each one so). */
    private static boolean readableLanguages(String header) {
        try {
            for (String language : header.split(",")) {
                if (!language.isBlank()) {
                    org.jboss.resteasy.reactive.common.util.WeightedLanguage.parse(language.trim());
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A declared length over the limit, leading zeros and all (HTTP/1.1's parser drops them; be sure). */
    private static boolean over(String length, long limit) {
        String digits = length.replaceFirst("^0+(?=\\d)", "");
        if (!digits.matches("\\d+")) {
            return false;
        }
        return digits.length() > 18 || Long.parseLong(digits) > limit;
    }

    /** 50 MB, or the bytes when the limit is no whole number of megabytes (a test's). */
    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** No charset, or one Java can decode. */
    private static boolean knownCharset(jakarta.ws.rs.core.MediaType type) {
        try {
            charset(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The charset a media type names, null for none; an IllegalArgumentException for one Java lacks. */
    private static java.nio.charset.Charset charset(jakarta.ws.rs.core.MediaType type) {
        for (Map.Entry<String, String> p : type.getParameters().entrySet()) {
            if (p.getKey().equalsIgnoreCase("charset")) {
                return java.nio.charset.Charset.forName(p.getValue().replace("\"", "").trim());
            }
        }
        return null;
    }

    /**
     * Whether a request this filter let through carries a url-encoded form in UTF-8, or naming no charset
     * (as browsers send it): the header read as {@link #check} reads it (web/FormBytes asks).
     */
    public static boolean isUtf8Form(String type) {
        jakarta.ws.rs.core.MediaType media = type == null ? null : mediaType(type);
        return media != null && media.isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && isUtf8(media);
    }

    /**
     * Whether the REST layer will read this request's body as JSON: typed so, or untyped on the API, which
     * it reads by the door's first {@code @Consumes} (JSON on every door but the import's CSV and an
     * archive's zip). WholeBodies checks such a body is UTF-8 before Jackson, which decodes overlong forms.
     */
    public boolean readAsJson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return readAsJson(type == null ? null : mediaType(type), ctx.request().path(), type != null && !type.isBlank());
    }

    /**
     * {@link #readAsJson(RoutingContext)} for a parsed header: JSON's own types, and a wildcard ({@code *}{@code /*},
     * {@code application/*}) or no type on the API, which the REST layer matches to the door's JSON (the probe:
     * {@code Content-Type: *}{@code /*} took an overlong "<" and a UTF-16 body past both checks).
     */
    private static boolean readAsJson(jakarta.ws.rs.core.MediaType media, String path, boolean typed) {
        if (path.equals(IMPORT) || ARCHIVES.contains(path)) {
            // doors that take no JSON: a zip or a CSV sent as JSON is the REST layer's 415 naming the type to send,
            // not "the body is not UTF-8 text" (the walk: a team archive posted with application/json)
            return false;
        }
        if (media != null && !media.isWildcardSubtype()) {
            return isJson(media);
        }
        if (typed && media == null) {
            return false; // a type that is none: the REST layer refuses it (415)
        }
        if (media != null && !media.isWildcardType() && !media.getType().equalsIgnoreCase("application")) {
            return false; // text/*: no JSON door takes it
        }
        return path.startsWith("/api/");
    }

    static final String JSON_UTF8_ONLY = "The API reads JSON as UTF-8 only; send the body in UTF-8, with no charset "
            + "or charset=utf-8";

    /** application/json, or a type of its family (application/problem+json, application/merge-patch+json). */
    private static boolean isJson(jakarta.ws.rs.core.MediaType media) {
        String subtype = media.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return media.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    /** Naming no charset, or UTF-8 by any of its names (utf-8, UTF8). */
    private static boolean isUtf8(jakarta.ws.rs.core.MediaType media) {
        try {
            java.nio.charset.Charset named = charset(media);
            return named == null || named.equals(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The header as a media type, by the parser the REST layer and its CSRF filter use; null when it is none. */
    private static jakarta.ws.rs.core.MediaType mediaType(String type) {
        if (type.isBlank()) {
            return null;
        }
        try {
            return jakarta.ws.rs.core.MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A refusal written at the route, before the REST layer: problem+json, or a page for a browser. It
     * says {@code Connection: close} and closes the connection soon after (HTTP/1.x): Vert.x keeps a
     * connection by the request's headers alone, whatever the answer says, and Quarkus resumes a request
     * after its answer, so the rest of a refused body was read and dropped, with no deadline (a chunked
     * body a chunk every few seconds, a declared length of a terabyte). See {@link #LINGER_IDLE_MILLIS}.
     */
    public void refuse(RoutingContext ctx, Problem problem) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.addEndHandler(end -> {
            if (ctx.request().version() != HttpVersion.HTTP_2) {
                closeSoon(ctx);
            }
        });
        // also what the router refused before any handler ran, Hsts' and RequestIds' own among them
        RequestIds.mark(ctx);
        Hsts.mark(ctx);
        boolean page = ProblemMapper.wantsPage(ctx.request());
        String body;
        try {
            body = page ? PageLanguage.early(ctx.request(), () -> ErrorPages.render(problem)) : mapper.writeValueAsString(problem);
        } catch (JsonProcessingException | RuntimeException e) {
            body = "";
        }
        HttpServerResponse response = ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", page ? "text/html;charset=UTF-8" : Problem.MEDIA_TYPE)
                .putHeader("Connection", "close");
        String challenge = ProblemMapper.challenge(problem.status(), page);
        if (challenge != null) {
            response.putHeader("WWW-Authenticate", challenge);
        }
        response.end(body);
    }

    /**
     * After a refusal the rest of the body is read and dropped, and the connection closed when the body
     * has all come, when none has come for {@link #LINGER_IDLE_MILLIS}, or after {@link #LINGER_MAX_MILLIS}
     * whatever comes (nginx's lingering close). Closed at once, the rest of a body still on its way met a
     * reset, and a reset throws away what the client has not read yet: the answer. Clients that send the
     * whole body before reading (curl, browsers, RestAssured) saw "connection reset" or "broken pipe"
     * instead of the 413 (an organizer's import too large for the page, an archive past its limit). A
     * fixed 2 s was no better for an upload slower than that: 60 MB at 10 Mbit/s takes 48 s.
     */
    static final long LINGER_IDLE_MILLIS = 2000;
    static final long LINGER_MAX_MILLIS = 60_000;

    private static void closeSoon(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long began = System.nanoTime();
        AtomicLong lastBytes = new AtomicLong(began);
        // the answer has gone: whatever read this body before (WholeBodies, a form's reader) is done with it
        request.handler(bytes -> lastBytes.set(System.nanoTime()));
        // at the body's end at once: a request sent after it on this connection finds it closed
        request.endHandler(end -> connection.close());
        ctx.vertx().setPeriodic(LINGER_IDLE_MILLIS / 4, timer -> {
            long now = System.nanoTime();
            if (now - lastBytes.get() > LINGER_IDLE_MILLIS * 1_000_000 || now - began > LINGER_MAX_MILLIS * 1_000_000) {
                ctx.vertx().cancelTimer(timer);
                connection.close();
            }
        });
        request.resume();
    }
}
