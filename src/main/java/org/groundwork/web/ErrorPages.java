package org.groundwork.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import org.groundwork.organizer.Identities;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.Problem;

import java.util.List;
import java.util.Optional;

/**
 * The page a browser sees for a problem: the same status and words as the problem+json the
 * API answers, in the layout, with a way back. Drawn by {@code ProblemMapper}'s HTML branch.
 */
public final class ErrorPages {

    private ErrorPages() {
    }

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
        static native TemplateInstance problem(Problem problem, String said, boolean whole);

        static native TemplateInstance gone(String typed, boolean erased);
    }

    /**
     * A form about a person erased while it was open (Form): nothing saved, and what was written in it,
     * shown once and kept nowhere, so an organizer who typed a long note loses nothing by surprise.
     */
    static TemplateInstance erasedMeanwhile(List<String> typed) {
        return Templates.gone(typed.isEmpty() ? null : String.join("\n\n", typed), true);
    }

    /**
     * A form whose subject was deleted while it was open (a 404: a conversation corrected in one tab and deleted in
     * another, a unit renamed after another tab removed it), or was never this team's: nothing saved, and what was
     * written, as for an erasure (the walk: a bare 404 lost it).
     */
    static TemplateInstance deletedMeanwhile(List<String> typed) {
        return Templates.gone(typed.isEmpty() ? null : String.join("\n\n", typed), false);
    }

    public static String render(Problem problem) {
        return Templates.problem(problem, said(problem), wholeNavigation()).render();
    }

    /**
     * Whether the page shows every page's navigation, Log out with it (the walk: a 404 had two links and no
     * way to log out): for an organizer logged in by the login cookie, their second factor given. Read from
     * the identity TwoFactorGate's filter resolved before the request was matched, so also for an address no
     * route has and for a role refusal, which come before the page's CSRF token is set (the walk: both had the
     * two links); the Log out form carries the login's own token (PageToken). Anywhere else (platform/HttpLimits'
     * early refusals, anyone not logged in, a login still at its second factor) two links, as before.
     */
    private static boolean wholeNavigation() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        try (InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class)) {
            RoutingContext http = request.get().getCurrent();
            boolean whole = Identities.resolved(http).filter(Identities::fullyIn).flatMap(Identities::sessionOf).isPresent();
            if (whole) {
                // refused before the CSRF filter ran: the answer sets the cookie to the login's token, which the Log out
                // drawn carries (the walk: the first page after a login, its cookie still the one from before, refused it)
                CsrfCheck.loginsCookieOn(http);
            }
            return whole;
        } catch (RuntimeException e) {
            return false; // the login cannot be read here: the two links
        }
    }

    /** The problem's words in the page's language, when they are the services' (Refusals); else null. */
    private static String said(Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return Refusals.find(problem.detail()).orElse(null);
        }
        StringBuilder said = new StringBuilder();
        for (FieldError e : problem.errors()) {
            Optional<String> one = Refusals.find(e.message());
            if (one.isEmpty()) {
                return null;
            }
            said.append(said.length() == 0 ? "" : " ").append(one.get()).append(one.get().endsWith(".") ? "" : ".");
        }
        return said.toString();
    }
}
