package org.groundwork.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token a page's forms carry ({@code templates/tags/csrf.html}): a login's own (CsrfBinding), else the one
 * quarkus-rest-csrf read from the cookie or made. Read here rather than from quarkus-rest-csrf's provider, whose token
 * is the cookie's, whatever the cookie: its filter runs after CsrfCheck's and would put the cookie's back.
 */
@Named("pageToken")
@RequestScoped
public class PageToken {

    @Inject
    CsrfTokenParameterProvider csrf;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    CurrentVertxRequest request;

    /** Read once a request: a page draws it in each of its forms (Today's queue, a unit list: dozens). */
    private String value;

    public String getValue() {
        if (value == null) {
            var http = request.getCurrent();
            String authorization = http == null ? null : http.request().getHeader("Authorization");
            value = CsrfCheck.loginsToken(authorization, http, identities).filter(t -> !t.equals(CsrfCheck.UNKNOWN))
                    .orElseGet(csrf::getToken);
        }
        return value;
    }

    public String getParameterName() {
        return csrf.getParameterName();
    }
}
