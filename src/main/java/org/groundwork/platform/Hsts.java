package org.groundwork.platform;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Strict-Transport-Security on every answer that went over HTTPS, so a browser never falls back
 * to plain HTTP. Behind a proxy, the request counts as HTTPS only when forwarding is trusted
 * (quarkus.http.proxy.*), which is also when the login cookie gets its Secure flag.
 * <p>
 * Set first (order -500), before any handler can answer: at -9 it missed every answer written earlier,
 * the refusals at the door (HttpLimits, WholeBodies) and the login form's own answer among them. What
 * the router refuses before any handler runs (no Host, {@code OPTIONS *}) HttpLimits answers, and marks.
 */
@ApplicationScoped
class Hsts {

    void install(@Observes Router router) {
        router.route().order(-500).handler(ctx -> {
            mark(ctx);
            ctx.next();
        });
    }

    static void mark(RoutingContext ctx) {
        if (ctx.request().isSSL()) {
            ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
