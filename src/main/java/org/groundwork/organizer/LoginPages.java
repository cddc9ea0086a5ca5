package org.groundwork.organizer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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
        static native TemplateInstance login(boolean failed, long waitMinutes, boolean ended, boolean changed,
                                             boolean setUp);
    }

    /** {@code wait}: seconds of a login throttle's wait (the login form's failure redirect sets it). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("wait") String wait,
                                  @QueryParam("ended") String ended, @QueryParam("changed") String changed) {
        long seconds = 0;
        try {
            seconds = wait == null ? 0 : Math.max(0, Long.parseLong(wait));
        } catch (NumberFormatException e) {
            // a hand-edited link: no wait message
        }
        long minutes = Math.min((seconds + 59) / 60, 24 * 60);
        return Templates.login(error != null, minutes, ended != null, changed != null, organizers.isSetUp());
    }
}
