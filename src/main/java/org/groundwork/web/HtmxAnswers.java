package org.groundwork.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Where an htmx request's 4xx goes, decided once as the headers go out. The layout tells htmx to
 * swap every 4xx, because a refused form comes back as the form with its messages ({@link Form},
 * which marks it). Any other 4xx an htmx request gets would land in the asking element's small
 * target, and an {@code hx-select} finding nothing in it would remove the target (Today's queue, the
 * wall chart): an error page (platform/ProblemMapper, CsrfCheck, platform/HttpLimits) takes the
 * page's main part instead, as following a link to it would; anything else (a framework's bodyless
 * refusal) is not swapped. A page whose refusal belongs in another part of itself than the one that
 * asked says which ({@link #into}). A 5xx is never swapped (the layout), so a poll carries on after a blip.
 */
@ApplicationScoped
public class HtmxAnswers {

    /** Set by {@link Form} on a form drawn again with its refusal's status; never leaves the server. */
    static final String FORM_REFUSAL = "Groundwork-Form-Refusal";
    /**
     * Sent by a filter form drawn with a refused filter (its {@code hx-headers}), whose htmx swaps only the
     * results: the answer draws the form's boxes again out of band, so a box mended loses its mark (the
     * contacts list, a tie's search, the door's search: templates/tags/redrawnsearch.html).
     */
    public static final String REFUSAL_SHOWN = "Groundwork-Refusal-Shown";
    /** Set by {@link #into}: where the refusal goes; never leaves the server. */
    private static final String INTO = "Groundwork-Swap-Into";

    void install(@Observes Router router) {
        // first of all, so that the limits' and the CSRF check's refusals pass here too
        router.route().order(-400).handler(ctx -> {
            if (fromHtmx(ctx.request())) {
                ctx.addHeadersEndHandler(v -> place(ctx.response()));
            } else {
                ctx.addHeadersEndHandler(v -> ctx.response().headers().remove(FORM_REFUSAL).remove(INTO));
            }
            ctx.next();
        });
    }

    /** True when htmx sent the request: it swaps the answer into the page instead of showing it. */
    public static boolean fromHtmx(io.vertx.core.http.HttpServerRequest request) {
        return request != null && request.getHeader("HX-Request") != null;
    }

    /**
     * An htmx request's 4xx page (a {@link Form#drawn} one included) swapped in place of the element
     * {@code selector} names, taken from the page, rather than where the request asked: a stale card's
     * move link is refused on the wall chart's board, where a refused move is said, not in the card.
     */
    public static Response into(String selector, Object page) {
        Response answer = page instanceof Response r ? r : Response.ok(page).build();
        return Response.fromResponse(answer).header(INTO, selector).build();
    }

    static void place(HttpServerResponse response) {
        MultiMap headers = response.headers();
        boolean form = headers.contains(FORM_REFUSAL);
        String into = headers.get(INTO);
        headers.remove(FORM_REFUSAL).remove(INTO);
        if (response.getStatusCode() < 400 || response.getStatusCode() >= 500
                || headers.contains("HX-Redirect") || headers.contains("HX-Reswap")) {
            return;
        }
        if (into != null) {
            swap(headers, into);
            return;
        }
        if (form) {
            return; // swapped where the form was, as the request asked
        }
        String type = headers.get("Content-Type");
        if (type != null && type.startsWith("text/html")) {
            swap(headers, "#main");
        } else {
            headers.set("HX-Reswap", "none");
        }
    }

    /** The element {@code selector} names, in the page and in the answer, replaced whole. */
    private static void swap(MultiMap headers, String selector) {
        headers.set("HX-Retarget", selector).set("HX-Reselect", selector).set("HX-Reswap", "outerHTML");
    }
}
