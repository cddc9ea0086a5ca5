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
        static native TemplateInstance login(boolean failed, boolean setUp);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error != null, organizers.isSetUp());
    }
}
