package org.groundwork.platform;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Every request's reference: the {@code X-Request-Id} it came with (a proxy's that replaces any client's, HAProxy's
 * {@code unique-id}, an ingress's; or a client's own, to find its request: operations.md says which to trust), or one
 * made here, answered in the same header and put on every log line written for the request (MDC
 * {@code requestId}: the console's format and the JSON lines' {@code mdc}). An organizer who meets an error page of the
 * 5xx kind reads it there, so whoever runs Groundwork finds that request's lines. A sent id is taken only as a short
 * token of letters, digits and {@code . _ : -}: anything else (a line break, a NUL, 10,000 characters) would reach
 * the log as the client wrote it, so it is replaced.
 * <p>
 * Set before anything can answer (order -600, before Hsts); what the router refuses before any handler runs
 * ({@link HttpLimits}' unroutable requests) is marked there. The MDC is Quarkus's Vert.x one: kept on the
 * request's context, so the worker thread that runs the resource logs with it too, and another request never does.
 */
@ApplicationScoped
public class RequestIds {

    public static final String ID_HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String KEY = RequestIds.class.getName();
    private static final Pattern SENT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final char[] LETTERS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    void install(@Observes Router router) {
        router.route().order(-600).handler(ctx -> {
            mark(ctx);
            ctx.next();
        });
    }

    /** Gives the request its reference (once), on the answer and in the log's MDC. */
    static void mark(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            String sent = ctx.request().getHeader(ID_HEADER);
            id = sent != null && SENT.matcher(sent).matches() ? sent : made();
            ctx.put(KEY, id);
            ctx.response().putHeader(ID_HEADER, id);
        }
        MDC.put(MDC_KEY, id);
    }

    /** The reference of the request being answered on this thread, or null outside any. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** Twelve letters and digits: about 62 bits, unique enough to find one request in a log. */
    private static String made() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = LETTERS[RANDOM.nextInt(LETTERS.length)];
        }
        return new String(id);
    }
}
