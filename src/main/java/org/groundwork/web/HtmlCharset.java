package org.groundwork.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Every HTML answer says its charset: {@code text/html;charset=UTF-8}. Pages answered as a Response
 * (the contacts list and a contact's page, an action's, the audit trail, the wall chart, the reports)
 * went out as bare {@code text/html}, which leaves a browser to guess until it meets the page's meta
 * tag; pages drawn from a template and the error pages said it already. Set once as the headers go
 * out, whatever drew the page; the bytes are UTF-8 whoever wrote them (the REST layer writes text so).
 */
@ApplicationScoped
class HtmlCharset {

    static final String HTML = "text/html;charset=UTF-8";

    void install(@Observes Router router) {
        router.route().order(-390).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> said(ctx.response()));
            ctx.next();
        });
    }

    static void said(HttpServerResponse response) {
        String type = response.headers().get("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).replace(" ", "").equals("text/html")) {
            response.headers().set("Content-Type", HTML);
        }
    }
}
