package org.groundwork.platform;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request's body is read whole while no thread waits for it, before the REST layer runs. The REST
 * layer reads a body on the worker thread that runs the request (a form's too, on any method: the
 * CSRF filter reads forms), and there are only a few such threads ({@link WorkerThreads}): eight
 * clients sending a body a byte at a time would otherwise hold them all, and every other request
 * would wait. Here a body that is slow to come costs a connection, and one that has not come by its
 * deadline is a 408.
 * <p>
 * Read here: any request's body of up to {@link #MAX_READ} by its declared length, but a multipart
 * one (no organizer's JSON or form comes near a megabyte). The others are uploads: a multipart form
 * with a file, a longer body, a chunked one (HttpLimits lets those through to the archive and import
 * doors only). They are taken from a signed-in organizer only, and read by the thread that handles
 * them (an upload is written to disk as it comes); from anyone else they are a 401, unread. The login
 * form's post is left alone: form login reads it itself, on the I/O thread.
 */
@ApplicationScoped
class WholeBodies {

    private static final Logger LOG = Logger.getLogger(WholeBodies.class);

    static final long MAX_READ = 1024 * 1024;
    /** Ten seconds, and one more for each 16 KiB: a slow phone's upload in the field still arrives. */
    static final long BASE_MILLIS = 10_000;
    static final long BYTES_PER_SECOND = 16 * 1024;
    /**
     * The most bytes held at once, counted as they arrive and until each request's answer has gone: a
     * quarter of the shipped heap. Past it a body is a 503 to send again, so many connections each
     * sending a megabyte cannot fill the heap; counted as they come, not by declared length, a client
     * must send the bytes to take a share.
     */
    static final long MAX_HELD = 64L * 1024 * 1024;

    private final AtomicLong held = new AtomicLong();
    private static final String RELEASE = WholeBodies.class.getName() + ".release";
    private static final String REST_HOLDS = WholeBodies.class.getName() + ".restHolds";

    @Inject
    HttpLimits limits;

    void install(@Observes Router router) {
        // after HttpLimits' checks of the body's length and media type (-250), the HTTP authentication
        // (-200) and the login form's own read (-175); before web/FormBytes (-160) and the REST layer
        router.route().order(-170).handler(this::read);
    }

    private void read(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader("Content-Length");
        boolean chunked = length == null && request.getHeader("Transfer-Encoding") != null;
        long declared = declared(length);
        if ((declared <= 0 && !chunked) || ctx.getBody() != null || limits.isLoginPost(ctx)) {
            ctx.next();
        } else if (!chunked && declared <= MAX_READ && !multipart(request)) {
            readWhole(ctx, declared);
        } else {
            signedInOnly(ctx);
        }
    }

    private void signedInOnly(RoutingContext ctx) {
        QuarkusHttpUser.getSecurityIdentity(ctx, null)
                // who it is could not be told (the database away): no upload from an unknown sender
                .onFailure().recoverWithNull()
                .subscribe().with(identity -> {
                    if (identity != null && !identity.isAnonymous()) {
                        ctx.next();
                    } else if (!ctx.response().ended() && !ctx.failed()) {
                        limits.refuse(ctx, new Problem("about:blank", "Unauthorized", 401,
                                "Sign in first: an upload is taken from a signed-in organizer only", null));
                    }
                });
    }

    private void readWhole(RoutingContext ctx, long length) {
        HttpServerRequest request = ctx.request();
        AtomicLong mine = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Runnable release = () -> held.addAndGet(-mine.getAndSet(0));
        // held until the answer has gone: the REST layer keeps the body (and a copy) until then. A client
        // gone ends the context at once, but a request the REST layer took still waits for a worker with
        // its body, so that one is given back when the REST layer is done with it (restHolds, below)
        ctx.addEndHandler(end -> {
            if (end.succeeded() || ctx.get(REST_HOLDS) == null) {
                release.run();
            }
        });
        ctx.put(RELEASE, release);
        // grown as bytes come: a declared megabyte of which one byte came takes no megabyte
        Buffer body = Buffer.buffer((int) Math.min(length, 16 * 1024));
        long timer = ctx.vertx().setTimer(BASE_MILLIS + 1000 * length / BYTES_PER_SECOND, id -> {
            if (done.compareAndSet(false, true)) {
                limits.refuse(ctx, new Problem("about:blank", "Request Timeout", 408,
                        "The request's body did not arrive in time; send it again", null));
            }
        });
        request.handler(chunk -> {
            if (done.get()) {
                return;
            }
            mine.addAndGet(chunk.length());
            if (held.addAndGet(chunk.length()) > MAX_HELD) {
                if (done.compareAndSet(false, true)) {
                    ctx.vertx().cancelTimer(timer);
                    ctx.response().putHeader("Retry-After", "1");
                    limits.refuse(ctx, new Problem("about:blank", "Service Unavailable", 503,
                            "Too many requests are arriving at once; send it again in a moment", null));
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> {
            // the client went away before its body had all come: no one to answer, nothing to log above DEBUG
            if (done.compareAndSet(false, true)) {
                ctx.vertx().cancelTimer(timer);
                LOG.debugf("A request's body did not arrive whole: %s", failure);
                release.run();
                request.connection().close();
            }
        });
        request.endHandler(end -> {
            if (done.compareAndSet(false, true)) {
                ctx.vertx().cancelTimer(timer);
                int broken = limits.readAsJson(ctx) ? notUtf8At(body.getBytes()) : -1;
                if (broken >= 0) {
                    limits.refuse(ctx, new Problem("about:blank", "Bad Request", 400,
                            "The body is not UTF-8 text (byte " + broken + "); send JSON in UTF-8", null));
                    return;
                }
                ctx.setBody(body);
                ctx.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // the REST layer says it when it reads a body itself; this one is read here
            ctx.response().writeContinue();
        }
        // Quarkus pauses every request until its body is asked for
        request.resume();
    }

    /**
     * The REST layer took a body read here: its share is given back when the REST layer is done with
     * the request, not when the client goes. Before matching, on the I/O thread, so before the request
     * waits for a worker.
     */
    @ServerRequestFilter(preMatching = true)
    void restHolds(ResteasyReactiveContainerRequestContext request, RoutingContext ctx) {
        Runnable release = ctx.get(RELEASE);
        if (release != null) {
            ctx.put(REST_HOLDS, Boolean.TRUE);
            request.getServerRequestContext().registerCompletionCallback(failure -> release.run());
        }
    }

    /** The bytes of bodies held now (SlowBodiesTest watches the budget fill and come back). */
    long held() {
        return held.get();
    }

    private static long declared(String length) {
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // the HTTP layer refuses such a length before any handler runs
        }
    }

    /**
     * Where a JSON body stops being UTF-8, or -1. Jackson decodes the overlong forms UTF-8 forbids
     * ({@code E0 80 BC} read as "<"), a way past any filter that looks at the bytes; Java's decoder
     * refuses them, as it does a lone surrogate or a sequence cut short.
     */
    static int notUtf8At(byte[] bytes) {
        int ascii = 0;
        while (ascii < bytes.length && bytes[ascii] >= 0) {
            ascii++;
        }
        if (ascii == bytes.length) {
            return -1; // most bodies: nothing to decode
        }
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                r = decoder.flush(out);
                return r.isError() ? in.position() : -1;
            }
            out.clear(); // overflow: only whether it decodes matters
        }
    }

    private static boolean multipart(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.trim().regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
