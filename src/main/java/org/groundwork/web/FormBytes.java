package org.groundwork.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.platform.HttpLimits;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The bytes of a page's url-encoded form, for the one thing its decoded fields cannot tell: whether
 * a field's bytes were UTF-8 at all. The REST layer's form parser decodes {@code %C3%28} (half a
 * character, then a parenthesis) into U+FFFD and a parenthesis without a word, and that was stored.
 * The body of such a post is read here whole before the REST layer runs, which then parses the same
 * bytes (it takes a body read before it); the names of the fields whose bytes are not UTF-8 are kept
 * on the request for the binder ({@link Form}), which says it beside the field, as it says a NUL.
 * <p>
 * Only a logged-in organizer's page posts sent as {@code application/x-www-form-urlencoded} in UTF-8
 * (a browser's form and htmx's) with a declared length of at most {@link #MAX_READ}. Not the login
 * form's post, whose body form login reads itself, and not multipart bodies, whose uploads are
 * written to disk as they come.
 */
@ApplicationScoped
class FormBytes {

    private static final Logger LOG = Logger.getLogger(FormBytes.class);

    /** Where the field names are kept on the request. */
    private static final String NOT_UTF8 = FormBytes.class.getName() + ".notUtf8";

    @ConfigProperty(name = "quarkus.http.auth.form.post-location")
    String loginPost;

    void install(@Observes Router router) {
        // after HttpLimits' check of the body's length and media type (order -250) and after the HTTP
        // authentication (order -200), which leaves the login to be read on the request; before the REST
        // layer reads any body
        router.route().order(-160).handler(this::read);
    }

    private void read(RoutingContext ctx) {
        Uni<SecurityIdentity> who = isPageForm(ctx) ? QuarkusHttpUser.getSecurityIdentity(ctx, null) : null;
        if (who == null) {
            ctx.next();
            return;
        }
        // only a logged-in organizer's body is read here: anyone else's is refused by the page, as
        // before, without being read (the login is read once per request: the REST layer asks the same)
        who.subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                ctx.next();
            } else {
                readBody(ctx);
            }
        }, failure -> {
            if (!ctx.response().ended()) {
                ctx.next();
            }
        });
    }

    private void readBody(RoutingContext ctx) {
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
            // the REST layer says it when it reads a body itself; this one is read here
            ctx.response().writeContinue();
        }
        ctx.request().body().onComplete(body -> {
            if (ctx.response().ended()) {
                return;
            }
            if (body.failed()) {
                // the client went away before its body had all come: no one to answer, nothing to log above DEBUG
                // (failed on to the router, it would reach Quarkus's last handler, which logs an ERROR)
                LOG.debugf("A page form's body did not arrive whole: %s", body.cause());
                ctx.request().connection().close();
                return;
            }
            ctx.setBody(body.result());
            Set<String> bad = notUtf8(body.result().getBytes());
            if (!bad.isEmpty()) {
                ctx.put(NOT_UTF8, bad);
            }
            ctx.next();
        });
        // Quarkus pauses every request until its body is asked for
        ctx.request().resume();
    }

    /**
     * The largest body read here, by its declared length: a page's body may be as long as the import's
     * limit (HttpLimits), and a few such bodies held whole at once, with their copies, would fill the
     * heap. A longer one (no page's form comes near) is left to the REST layer as before, unchecked for
     * its bytes; so is one sent without a length.
     */
    static final long MAX_READ = 2 * 1024 * 1024;

    private boolean isPageForm(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return false;
        }
        String length = ctx.request().getHeader("Content-Length");
        try {
            if (length == null || Long.parseLong(length.trim()) > MAX_READ) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses such a length before any handler runs
        }
        String path = ctx.request().path();
        // a form declared in another charset (which HttpLimits checked Java knows) is read in it: any bytes go
        return path != null && !path.startsWith("/api/") && !path.startsWith("/q/") && !HttpLimits.isLoginPost(ctx, loginPost)
                && ctx.getBody() == null && HttpLimits.isUtf8Form(ctx.request().getHeader("Content-Type"));
    }

    /** Whether this field of the current request's form was sent in bytes that are not UTF-8. */
    static boolean notUtf8(String field) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return false;
        }
        RoutingContext ctx = request.serverRequest().unwrap(RoutingContext.class);
        Set<String> bad = ctx == null ? null : ctx.get(NOT_UTF8);
        return bad != null && bad.contains(field);
    }

    /**
     * The names of the fields whose value, once {@code +} and {@code %XX} are undone, is not UTF-8. A
     * broken escape is left to the form's parser, which refuses the whole body (a 400 from ProblemMapper).
     */
    static Set<String> notUtf8(byte[] body) {
        Set<String> bad = new HashSet<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            // looked for within this field only: a body of many '&' and no '=' is read once, not once per field
            int equals = indexOf(body, (byte) '=', start, end);
            byte[] name = decoded(body, start, equals);
            byte[] value = equals < end ? decoded(body, equals + 1, end) : new byte[0];
            if (name != null && value != null && (!utf8(value) || !utf8(name))) {
                // named as the form's parser names it (its decoding of the bytes, U+FFFD and all)
                bad.add(new String(name, StandardCharsets.UTF_8));
            }
            start = end + 1;
        }
        return bad;
    }

    /** The first {@code b} in {@code [from, to)}, or {@code to}. */
    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    /** The bytes a part of the body stands for; null for a broken escape. */
    private static byte[] decoded(byte[] body, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(body[i + 2], 16);
                if (low < 0) {
                    return null;
                }
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
