package org.groundwork.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Logging out forgets the session cookie. The cookie is encrypted and self-contained (no
 * server state), so dropping it from the browser is what ends the session. A POST with the
 * CSRF token, so no other site can log someone out.
 */
@Path("/logout")
@PermitAll
public class LogoutPages {

    @POST
    public Response logout() {
        NewCookie gone = new NewCookie.Builder("quarkus-credential").path("/").maxAge(0).value("")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login")).cookie(gone).build();
    }
}
