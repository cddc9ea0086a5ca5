package org.groundwork.organizer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.platform.ProblemException;
import org.groundwork.web.FormErrors;
import org.groundwork.web.Forms;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.Map;

/** First run: while no organizer exists, anyone who reaches the app creates the first team. */
@Path("/setup")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SetupPages {

    @Inject
    OrganizerService organizers;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(Map<String, String> form, Map<String, String> errors);
    }

    @GET
    public Object form() {
        // someone logged in has nothing to set up (and would otherwise land on a login form)
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        if (organizers.isSetUp()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Templates.setup(Map.of(), Map.of());
    }

    @POST
    public Object setup(@RestForm String teamName, @RestForm String displayName, @RestForm String email,
                        @RestForm String password, @RestForm String timeZone) {
        if (organizers.isSetUp()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        try {
            organizers.setup(new OrganizerJson.Setup(teamName, email, displayName, password,
                    Forms.blankToNull(timeZone)));
        } catch (ProblemException | ConstraintViolationException e) {
            Map<String, String> form = Forms.values("teamName", teamName,
                    "displayName", displayName,
                    "email", email,
                    "timeZone", timeZone);
            return Templates.setup(form, FormErrors.of(e, FormErrors.names(
                    "teamName", "displayName", "email", "password", "timeZone")).map());
        }
        return Response.seeOther(URI.create("/login")).build();
    }
}
