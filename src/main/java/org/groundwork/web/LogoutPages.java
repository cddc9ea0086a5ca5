package org.groundwork.web;

import org.groundwork.organizer.Identities;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.groundwork.organizer.LoginSessions;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Logging out ends the login session on the server (the cookie only names it, so a copy of
 * the cookie is worthless afterwards) and tells the browser to forget the cookie. A POST with
 * the CSRF token, so no other site can log someone out.
 */
@Path("/logout")
@PermitAll
public class LogoutPages {

    @Inject
    LoginSessions sessions;

    @POST
    public Response logout() {
        sessions.endCurrent();
        NewCookie gone = new NewCookie.Builder(Identities.loginCookie()).path("/").maxAge(0).value("")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        // the login page says it (it said nothing: the walk)
        return Response.seeOther(URI.create("/login?out=1")).cookie(gone).build();
    }
}
