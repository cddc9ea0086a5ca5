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
import org.groundwork.platform.RequestIds;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * The page a browser sees for a problem: the same status and words as the problem+json the
 * API answers, in the layout, with a way back. Drawn by {@code ProblemMapper}'s HTML branch.
 */
public final class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private ErrorPages() {
    }

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
        static native TemplateInstance problem(Problem problem, String said, boolean whole, String reference);

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
        RoutingContext login = loginsRequest();
        if (login != null) {
            // never cached, at any address (the private-path filter, which says no-store, leaves out .css, .js and the
            // webjars): the page carries the login's CSRF token (the review). Set, not added: once where both say it
            login.response().headers().set("Cache-Control", "no-store");
            // refused before the page filters ran (no route, a role refusal): the answer sets the CSRF cookie to the
            // login's token, which the menu's Log out carries (the walk: as the first page after a login, the cookie
            // still the one from before it, that Log out was refused)
            CsrfCheck.loginsCookieOn(login);
        }
        return Templates.problem(problem, said(problem), login != null,
                problem.status() >= 500 ? RequestIds.current() : null).render();
    }

    /**
     * The request, when an organizer's login (by the login cookie, a session) asked for the page: it shows every
     * page's navigation, Log out with it (the walk: a 404 had two links and no way to log out), or Log out alone
     * for a login still at its second factor (tags/mainnav). Read from the identity TwoFactorGate's filter resolved
     * before the request was matched, so also for an address no route has and for a role refusal, which come
     * before the page's CSRF token is set; the Log out form carries the login's own token (PageToken). Anywhere
     * else (platform/HttpLimits' early refusals, anyone not logged in) null: two links, as before.
     */
    private static RoutingContext loginsRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try (InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class)) {
            RoutingContext http = request.get().getCurrent();
            return Identities.resolved(http).flatMap(Identities::sessionOf).isPresent() ? http : null;
        } catch (RuntimeException e) {
            LOG.debug("The login of an error page's request could not be read: two links", e);
            return null;
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
