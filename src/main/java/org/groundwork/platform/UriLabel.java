package org.groundwork.platform;

import io.vertx.core.Context;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The {@code uri} label of {@code http_server_requests_*} for a request no endpoint took. Micrometer
 * labels a request with its endpoint's template ({@code /api/v1/contacts/{id}}), which Quarkus REST
 * sets when it matches one. Without it, the raw path: a refusal at the door (411, 413, 414, 408,
 * 503), a 405, or a client gone before the answer, each to a path the client made up, became a
 * label of its own, and once a hundred such paths were seen micrometer counted no new label at all,
 * so an endpoint first called after them went unmeasured. Such requests are labelled
 * {@value #UNMATCHED} (their status says what happened). A file served is {@value #STATIC}: its
 * path too is the client's ({@code /webjars/x/../htmx.org/...} is served). A 404 and a redirect keep
 * micrometer's own {@code NOT_FOUND} and {@code REDIRECTION}.
 * <p>
 * Set at order -500, before any handler can answer, and by HttpLimits.refuse for what the router
 * refuses before any handler runs. Quarkus REST's own template, set later, replaces it.
 */
@ApplicationScoped
class UriLabel {

    /** The request context's key that Quarkus REST sets and micrometer reads. */
    private static final String TEMPLATE = "UrlPathTemplate";

    static final String UNMATCHED = "/{unmatched}";

    /** A file answered by no endpoint: a webjar's script, a style sheet, an image. */
    static final String STATIC = "/{static}";

    void install(@Observes Router router) {
        router.route().order(-500).handler(ctx -> {
            label(ctx);
            ctx.next();
        });
    }

    static void label(RoutingContext ctx) {
        if (!(ctx.request() instanceof HttpServerRequestInternal internal)) {
            return;
        }
        Context request = internal.context();
        Object template = request.getLocal(TEMPLATE);
        if (template != null && !UNMATCHED.equals(template)) {
            return;
        }
        // again after a reroute (a webjar's path without its version), which drops the handler below
        request.putLocal(TEMPLATE, UNMATCHED);
        ctx.addHeadersEndHandler(v -> {
            if (!UNMATCHED.equals(request.getLocal(TEMPLATE))) {
                return;
            }
            int status = ctx.response().getStatusCode();
            if (status == 404 || status / 100 == 3) {
                request.removeLocal(TEMPLATE); // micrometer's own NOT_FOUND and REDIRECTION
            } else if (status < 300) {
                request.putLocal(TEMPLATE, STATIC);
            }
        });
    }
}
