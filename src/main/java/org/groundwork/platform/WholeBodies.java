package org.groundwork.platform;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request's body is read whole while no thread waits for it, before the REST layer runs. The REST
 * layer reads a body on the worker thread that runs the request, and there are only a few such
 * threads ({@link WorkerThreads}): eight clients sending a body a byte at a time would otherwise hold
 * them all, and every other request would wait. Here a body that is slow to come costs a connection
 * only, and one that has not come by its deadline is a 408.
 * <p>
 * Bodies of up to {@link #MAX_READ} with a declared length, from anyone (no organizer's JSON or form
 * comes near it). A longer one is an upload (an import, a restore), taken from a signed-in organizer
 * only: a longer body from no one is refused here unread, and a signed-in organizer's is left to the
 * REST layer, which writes an upload to disk as it comes. Not the login form's post, which form login
 * reads itself, and not multipart bodies, which the REST layer writes to disk as they come.
 */
@ApplicationScoped
class WholeBodies {

    private static final Logger LOG = Logger.getLogger(WholeBodies.class);

    static final long MAX_READ = 1024 * 1024;
    /** Ten seconds, and one more for each 16 KiB: a slow phone's upload in the field still arrives. */
    static final long BASE_MILLIS = 10_000;
    static final long BYTES_PER_SECOND = 16 * 1024;
    /**
     * The most held at once, declared lengths summed: a quarter of the shipped heap. Past it a body is a
     * 503 to send again, not read, so many connections each sending a megabyte cannot fill the heap.
     */
    static final long MAX_HELD = 64L * 1024 * 1024;

    private final AtomicLong held = new AtomicLong();

    @ConfigProperty(name = "quarkus.http.auth.form.post-location")
    String loginPost;
    @Inject
    HttpLimits limits;

    void install(@Observes Router router) {
        // after HttpLimits' checks of the body's length and media type (-250), the HTTP authentication
        // (-200) and the login form's own read (-175); before web/FormBytes (-160) and the REST layer
        router.route().order(-170).handler(this::read);
    }

    private void read(RoutingContext ctx) {
        long length = declaredLength(ctx.request());
        if (length <= 0 || ctx.getBody() != null || HttpLimits.isLoginPost(ctx, loginPost) || multipart(ctx.request())) {
            ctx.next();
        } else if (length <= MAX_READ) {
            readWhole(ctx, length);
        } else {
            QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
                if (identity == null || identity.isAnonymous()) {
                    limits.refuse(ctx, new Problem("about:blank", "Content Too Large", 413,
                            "A body this large is taken from a signed-in organizer only", null));
                } else {
                    ctx.next();
                }
            }, failure -> {
                if (!ctx.response().ended()) {
                    ctx.next();
                }
            });
        }
    }

    private void readWhole(RoutingContext ctx, long length) {
        if (held.addAndGet(length) > MAX_HELD) {
            held.addAndGet(-length);
            ctx.response().putHeader("Retry-After", "1");
            limits.refuse(ctx, new Problem("about:blank", "Service Unavailable", 503,
                    "Too many requests are arriving at once; send it again in a moment", null));
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                held.addAndGet(-length);
            }
        };
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
            // the REST layer says it when it reads a body itself; this one is read here
            ctx.response().writeContinue();
        }
        long deadline = BASE_MILLIS + 1000 * length / BYTES_PER_SECOND;
        long timer = ctx.vertx().setTimer(deadline, id -> {
            release.run();
            if (!ctx.response().ended()) {
                limits.refuse(ctx, new Problem("about:blank", "Request Timeout", 408,
                        "The request's body did not arrive in time; send it again", null));
            }
        });
        ctx.request().body().onComplete(body -> {
            ctx.vertx().cancelTimer(timer);
            release.run(); // the REST layer's copy is the request's own from here
            if (ctx.response().ended()) {
                return;
            }
            if (body.failed()) {
                // the client went away before its body had all come: no one to answer, nothing to log above DEBUG
                LOG.debugf("A request's body did not arrive whole: %s", body.cause());
                ctx.request().connection().close();
                return;
            }
            ctx.setBody(body.result());
            ctx.next();
        });
        // Quarkus pauses every request until its body is asked for
        ctx.request().resume();
    }

    private static long declaredLength(HttpServerRequest request) {
        HttpMethod method = request.method();
        String length = request.getHeader("Content-Length");
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || length == null) {
            return 0; // a chunked body only where HttpLimits lets one through: the archive and import uploads
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // the HTTP layer refuses such a length before any handler runs
        }
    }

    private static boolean multipart(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.trim().regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
