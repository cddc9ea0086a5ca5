package org.groundwork.web;

import org.groundwork.platform.ProblemMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The one way a page request is sent to a login step: the login form when its session has ended
 * (platform/ProblemMapper), the code or enrolment step of a session waiting for its second factor
 * (organizer/TwoFactorGate).
 *
 * <p>A browser's navigation gets a 303 to it. An htmx request ({@code HX-Request}) cannot be sent
 * anywhere that way: the browser's XMLHttpRequest follows the 303 itself, and htmx swapped what came
 * back into the page (a login form inside Today's queue, or nothing where {@code hx-select} found
 * nothing: an empty queue). It gets a 401 with {@code HX-Redirect} instead, which htmx 2 reads before
 * it looks at the status or swaps anything, and answers by taking the whole window there; the
 * answer has no body, so nothing is swapped by a client that ignores the header.
 */
public final class LoginRedirect {

    /** The response header htmx follows with a full navigation (htmx 2.0.4, handleAjaxResponse). */
    public static final String HX_REDIRECT = "HX-Redirect";

    private LoginRedirect() {
    }

    /** True when htmx sent the request: it swaps the answer into the page instead of showing it. */
    public static boolean fromHtmx(HttpServerRequest request) {
        return HtmxAnswers.fromHtmx(request);
    }

    /** The answer that takes the browser to {@code location}, a local path of a login step. */
    public static Response.ResponseBuilder to(HttpServerRequest request, String location) {
        if (fromHtmx(request)) {
            return ProblemMapper.answer(401, true).header(HX_REDIRECT, location)
                    .header("Cache-Control", "no-store");
        }
        return Response.seeOther(URI.create(location));
    }
}
