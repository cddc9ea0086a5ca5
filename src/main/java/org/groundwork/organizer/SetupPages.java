package org.groundwork.organizer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.web.Form;
import org.groundwork.web.FormErrors;
import org.groundwork.web.Forms;

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
            return Response.seeOther(URI.create("/login?setup=done")).build();
        }
        return Templates.setup(Map.of(), Map.of());
    }

    @POST
    public Object setup() {
        if (organizers.isSetUp()) {
            // said on the login page: it had been a bare redirect, the setup sent as if nothing were wrong (a walk)
            return Form.seeOther("/login?setup=done");
        }
        Form form = Form.posted();
        OrganizerJson.Setup setup = new OrganizerJson.Setup(form.text("teamName"), form.text("email"),
                form.text("displayName"), form.secret("password"), form.optional("timeZone"));
        // the team is made; its admin logs in on a page that says so
        return form.submit(() -> organizers.setUpFromThePage(setup), "/login?created=1",
                () -> Templates.setup(form.values(), form.errors()));
    }
}
