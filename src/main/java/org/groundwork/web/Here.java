package org.groundwork.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Where the page being drawn is, for the layout's navigation: the section the visitor is in is
 * marked {@code aria-current="page"}, so a screen reader says it and the style can show it. Also
 * whether the page follows a create form sent again ({@link Form#once}), which the layout says.
 */
@Named("here")
@RequestScoped
public class Here {

    @Inject
    HttpServerRequest request;

    /** True on the section's own page and below it; "/" only on the Today page itself. */
    public boolean in(String section) {
        String path = request.path();
        if (section.equals("/")) {
            return path.equals("/");
        }
        return path.equals(section) || path.startsWith(section + "/");
    }

    /** The address says the form that led here had been sent before ({@link Form#SAVED_ALREADY}): nothing was saved twice. */
    public boolean savedAlready() {
        String query = request.query();
        return query != null && ("&" + query + "&").contains("&" + Form.SAVED_ALREADY + "&");
    }
}
