package org.groundwork.platform;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The management port (health and metrics, docs/operations.md) is for the operators' tools, but
 * anything on the host or the pod's network can send it anything. Its own failures were Vert.x's
 * bare "Bad Request" plus an ERROR with a stack trace per request (a bad escape in the path);
 * health answered every method; a scraper that asked for JSON got an empty 406. It answers as the
 * app's port does: problem+json, the caller's mistakes at DEBUG.
 */
@ApplicationScoped
class ManagementPort {

    private static final Logger LOG = Logger.getLogger(ManagementPort.class);

    @Inject
    HttpLimits limits;

    void install(@Observes ManagementInterface management) {
        management.router().route().order(-300).failureHandler(this::failed);
        management.router().route().order(-250).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (!readableAddress(ctx)) {
            return;
        }
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader("Allow", "GET, HEAD");
            limits.refuse(ctx, new Problem("about:blank", "Method Not Allowed", 405,
                    "Health and metrics are read with GET", null));
            return;
        }
        // Prometheus's text is what metrics are; any Accept gets it rather than an empty 406
        if (ctx.request().path().startsWith("/q/metrics")) {
            ctx.request().headers().remove("Accept");
        }
        ctx.next();
    }

    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        Throwable failure = ctx.failure();
        // a malformed escape or path: vertx-web's decoders throw IllegalArgumentException
        boolean callers = (status >= 400 && status < 500) || (status == -1 && failure instanceof IllegalArgumentException);
        if (!callers || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        LOG.debugf("management port refused %s %s: %s", ctx.request().method(), ctx.request().uri(), failure);
        int answer = status == -1 ? 400 : status;
        // the status's own words: a 413 or a 415 is not "cannot be read"
        String title = io.netty.handler.codec.http.HttpResponseStatus.valueOf(answer).reasonPhrase();
        limits.refuse(ctx, new Problem("about:blank", title, answer, status == -1
                ? "The request's path or query cannot be read" : "The management port refused the request: " + title,
                null));
    }

    /**
     * False, the request answered, when its path or query holds an escape that is no escape
     * ({@code %zz}, a lone {@code %}): vertx-web decodes them while matching the next route, and
     * threw past every handler. (The app's port never gets this far: Quarkus refuses an address
     * that is no URI with an empty 400 before any router, docs/security.md.)
     */
    private boolean readableAddress(RoutingContext ctx) {
        try {
            ctx.normalizedPath();
            ctx.queryParams();
            return true;
        } catch (IllegalArgumentException e) {
            limits.refuse(ctx, new Problem("about:blank", "Bad Request", 400,
                    "The address holds a % that is not followed by two hexadecimal digits; encode % as %25", null));
            return false;
        }
    }
}
