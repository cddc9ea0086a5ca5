package org.groundwork.organizer;

import org.groundwork.platform.ProblemMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import org.groundwork.web.Form;
import org.groundwork.web.ReturnTo;
import org.groundwork.web.FormErrors;
import org.jboss.resteasy.reactive.RestForm;
import java.net.URI;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The login page. The form posts to /login, where Quarkus' form authentication checks the
 * email and password and sets the encrypted, HttpOnly session cookie.
 */
@Path("/login")
@PermitAll
public class LoginPages {

    @Inject
    OrganizerService organizers;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, long waitMinutes, boolean ended, boolean out, boolean changed,
                                             boolean created, boolean unsaved, boolean setUp, boolean setUpAlready,
                                             String email);

        static native TemplateInstance code(String error, long waitMinutes);
    }

    @Inject
    TwoFactor twoFactor;
    @Inject
    LoginThrottle throttle;
    @Inject
    CurrentOrganizer current;

    /** The second step of a login with two-factor: the app's code or a recovery code. */
    @GET
    @Path("/code")
    @Produces(MediaType.TEXT_HTML)
    public Object code() {
        if (!LoginSession.CODE.equals(current.pendingSecondFactor())) {
            return Response.seeOther(URI.create(current.isLoggedIn() ? "/" : "/login")).build();
        }
        return Templates.code(null, 0);
    }

    /** The code opens the session; it lands on the page first asked for (ReturnTo), else on Today. */
    @POST
    @Path("/code")
    @Produces(MediaType.TEXT_HTML)
    public Object checkCode(@CookieParam(ReturnTo.COOKIE) String asked, @Context HttpServerRequest http) {
        if (!LoginSession.CODE.equals(current.pendingSecondFactor())) {
            return Response.seeOther(URI.create(current.isLoggedIn() ? "/" : "/login")).build();
        }
        Form form = Form.posted();
        String code = form.secret("code");
        return form
                // too many wrong codes: wait, and say for how long
                .on(p -> p.status() == 429, p -> Response.status(429).header("Retry-After", p.retryAfter())
                        .entity(Templates.code(null, Math.max(1, (p.retryAfter() + 59) / 60))).build())
                .submit(() -> {
                            twoFactor.completeLogin(code, http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
                            return ReturnTo.read(asked).orElse("/");
                        }, landing -> {
                            Response.ResponseBuilder open = Response.seeOther(URI.create(landing));
                            if (asked != null) {
                                open.header("Set-Cookie", ReturnTo.cleared(http.isSSL()));
                            }
                            return open.build();
                        },
                        () -> Templates.code(form.errors().get("code"), 0));
    }

    /**
     * Where the two-factor enrolment's "Continue" leads: the page first asked for before the login
     * (ReturnTo; its cookie is only sent under /login), else Today. A session still waiting for its
     * second factor never gets here (TwoFactorGate); one that is no login goes to the form.
     */
    @GET
    @Path("/continue")
    public Response carryOn(@CookieParam(ReturnTo.COOKIE) String asked, @Context HttpServerRequest http) {
        if (!loggedIn()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        Response.ResponseBuilder on = Response.seeOther(URI.create(ReturnTo.read(asked).orElse("/")));
        if (asked != null) {
            on.header("Set-Cookie", ReturnTo.cleared(http.isSSL()));
        }
        return on.build();
    }

    /**
     * {@code wait}: the login form's failure redirect says a throttle refused the login; the seconds
     * shown are the throttle's own for the email typed and this address (LoginThrottle), so the page
     * says 429 only while the wait runs.
     * After a failed login the email typed is shown again (TypedEmail), once. {@code out}: this browser just
     * logged out; {@code ended}: every session of the account did. {@code created}: the
     * first-run setup just made the team; {@code setup}: a setup was asked for once it was done. {@code unsaved}: a page's form was sent after the session
     * had ended (ProblemMapper), so what it held was not saved. Someone already logged in has no form to fill: Today.
     * <p>
     * The page a failed login lands on answers with the failure's status, as any refused input does:
     * 401 for a wrong email or password, 429 (with Retry-After) for a throttled one, whose page says
     * to wait rather than to type again. Form authentication can only redirect (its post has no body
     * of ours), so the status is the landing page's; a plain visit is a 200.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("wait") String wait,
                          @QueryParam("ended") String ended, @QueryParam("out") String out,
                          @QueryParam("changed") String changed,
                          @QueryParam("created") String created, @QueryParam("unsaved") String unsaved,
                          @QueryParam("setup") String setupDone,
                          @CookieParam(TypedEmail.COOKIE) String typed, @Context HttpServerRequest http) {
        if (loggedIn()) {
            // (a session still waiting for its second factor never gets here: TwoFactorGate sends it to the code)
            return Response.seeOther(URI.create("/")).build();
        }
        boolean failed = error != null || wait != null;
        String email = failed ? TypedEmail.read(typed).orElse(null) : null;
        // the wait is the throttle's, for the email typed from this address, not the number in the
        // address bar: a reload after the wait, or a hand-made ?wait=3600, is no 429
        long seconds = wait == null ? 0 : throttle.secondsToWait(email,
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
        long minutes = Math.min((seconds + 59) / 60, 24 * 60);
        int status = minutes > 0 ? 429 : error != null ? 401 : 200;
        // a 401 names the login form as its way in (RFC 9110): not Basic, which pops up a browser's dialog
        Response.ResponseBuilder page = ProblemMapper.answer(status, true)
                .entity(Templates.login(error != null, minutes, ended != null, out != null, changed != null, created != null,
                        unsaved != null, organizers.isSetUp(), setupDone != null, email));
        if (minutes > 0) {
            page.header("Retry-After", Long.toString(minutes * 60 < seconds ? minutes * 60 : seconds));
        }
        if (typed != null) {
            page.header("Set-Cookie", TypedEmail.cleared(http.isSSL()));
        }
        return page.build();
    }

    /**
     * Whether a live login comes with this request. A cookie of a session that ended (logged out
     * elsewhere, expired) is no login, and must not send its browser anywhere but this form.
     */
    private boolean loggedIn() {
        try {
            return current.isLoggedIn();
        } catch (AuthenticationFailedException | UnauthorizedException e) {
            return false;
        }
    }
}
