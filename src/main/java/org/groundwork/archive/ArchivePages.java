package org.groundwork.archive;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.archive.TeamRestore.Restored;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Identities;
import org.groundwork.organizer.OrganizerJson.FirstPassword;
import org.groundwork.organizer.OrganizerJson.FirstPasswords;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;
import org.groundwork.web.Form;
import org.groundwork.web.FormErrors;
import org.groundwork.web.Forms;
import org.groundwork.web.PageLanguage;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The instance admin's restore page: upload a team's archive, see what was created, give the
 * restored organizers a first password. The download link is on the settings page (the API's
 * GET /api/v1/team/archive, which the session cookie opens).
 */
@Path("/settings/restore")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ArchivePages {

    @Inject
    TeamRestore restore;
    @Inject
    OrganizerService organizers;
    @Inject
    CurrentOrganizer current;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance restore(String error);

        static native TemplateInstance restored(Restored restored);

        /** The restored organizers still without a password; {@code refused}: a first password refused, or null. */
        static native TemplateInstance firstPasswords(UUID teamId, FirstPasswords left, Refused refused);
    }

    /** A first password refused: beside its organizer's form while they wait for one, else above the list. */
    record Refused(UUID organizer, String message) {
    }

    @GET
    public TemplateInstance form() {
        instanceAdmin();
        return Templates.restore(null);
    }

    // the role before the body: an upload is written to disk before the method runs, and any
    // organizer's could be as large as an archive may be
    @POST
    @RolesAllowed(Identities.INSTANCE_ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@RestForm("archive") FileUpload file) throws IOException {
        if (Form.posted().severalFiles("archive")) {
            // the REST layer would restore one of them without a word about the other
            return Form.refused(Templates.restore(refusal(PageLanguage.account().archive_one_file())));
        }
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Form.refused(Templates.restore(refusal(PageLanguage.account().archive_choose())));
        }
        // a refusal means the service wrote nothing; its words say what is wrong with the file
        Form form = Form.of(Map.of());
        try (InputStream in = ArchiveResource.open(file)) {
            return form.attempt(() -> restore.restore(in)).<Object>map(Templates::restored)
                    .orElseGet(() -> form.drawn(Templates.restore(refusal(form.errors().get(FormErrors.FORM)))));
        }
    }

    /**
     * The refusal's words and then "Nothing was restored.", unless they say so themselves (an email
     * taken, rows that exist, a restore past its time: the API's words end so too).
     */
    private static String refusal(String error) {
        String nothing = PageLanguage.account().archive_nothing_restored();
        String said = nothing.replaceFirst("\\.$", "").toLowerCase(Locale.ROOT);
        if (error == null || error.toLowerCase(Locale.ROOT).contains(said)) {
            return error;
        }
        // the API's words mostly end without a full stop ("…, or an empty one")
        return error + (error.matches("(?s).*[.!?]$") ? " " : ". ") + nothing;
    }

    /**
     * The restored team's organizers still without a password, each with its form, and who was just given one
     * ({@code set}): where each first password leads back to, so the others are not lost after the first (a walk:
     * the answer page offered only "Back to settings"), and an address to come back to later.
     */
    @GET
    @Path("{team}/organizers")
    public TemplateInstance firstPasswords(@PathParam("team") String team, @QueryParam("set") String set) {
        instanceAdmin();
        UUID teamId = Ids.parse(team, "team");
        UUID given = Forms.id(set, "set", new FormErrors()); // a word that is no id: none
        return Templates.firstPasswords(teamId, organizers.firstPasswords(teamId, given), null);
    }

    /** A first password for a restored organizer, who has none; then the others still waiting for theirs. */
    @POST
    @Path("{team}/organizers/{organizer}/password")
    public Object firstPassword(@PathParam("team") String team, @PathParam("organizer") String organizer) {
        instanceAdmin();
        UUID teamId = Ids.parse(team, "team");
        UUID organizerId = Ids.parse(organizer, "organizer");
        Form form = Form.posted();
        FirstPassword password = new FirstPassword(form.secret("password"));
        return form.attempt(() -> organizers.setFirstPassword(teamId, organizerId, password))
                .<Object>map(done -> Form.seeOther("/settings/restore/" + teamId + "/organizers?set=" + organizerId))
                .orElseGet(() -> form.drawn(Templates.firstPasswords(teamId, organizers.firstPasswords(teamId, null),
                        new Refused(organizerId, String.join(" ", form.errors().values())))));
    }

    private void instanceAdmin() {
        if (!current.isInstanceAdmin()) {
            throw Problems.forbidden("Only the instance admin can restore a team from an archive");
        }
    }
}
