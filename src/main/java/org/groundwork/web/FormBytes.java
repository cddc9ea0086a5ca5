package org.groundwork.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.groundwork.platform.HttpLimits;
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
 * The body of such a post is read whole before the REST layer runs (platform/WholeBodies), which then
 * parses the same bytes (it takes a body read before it); here the names of the fields whose bytes are not UTF-8 are kept
 * on the request for the binder ({@link Form}), which says it beside the field, as it says a NUL.
 * <p>
 * Page posts sent as {@code application/x-www-form-urlencoded} in UTF-8 (a browser's form and htmx's),
 * whose body platform/WholeBodies has read whole (up to a megabyte). Not the login form's post, whose
 * body form login reads itself, and not multipart bodies, whose uploads are written to disk as they come.
 */
@ApplicationScoped
class FormBytes {

    /** Where the field names are kept on the request. */
    private static final String NOT_UTF8 = FormBytes.class.getName() + ".notUtf8";

    @Inject
    HttpLimits limits;

    void install(@Observes Router router) {
        // after platform/WholeBodies has read the body (order -170); before the REST layer parses it
        router.route().order(-160).handler(this::read);
    }

    private void read(RoutingContext ctx) {
        // the body was read whole before (platform/WholeBodies), when it is at most a megabyte; a longer
        // one (no page's form comes near) is left to the REST layer, unchecked for its bytes
        if (ctx.getBody() != null && isPageForm(ctx)) {
            Set<String> bad = notUtf8(ctx.getBody().getBytes());
            if (!bad.isEmpty()) {
                ctx.put(NOT_UTF8, bad);
            }
        }
        ctx.next();
    }

    private boolean isPageForm(RoutingContext ctx) {
        String path = ctx.request().path();
        // a form declared in another charset (which HttpLimits checked Java knows) is read in it: any bytes go
        return path != null && !path.startsWith("/api/") && !path.startsWith("/q/") && !limits.isLoginPost(ctx)
                && HttpLimits.isUtf8Form(ctx.request().getHeader("Content-Type"));
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
