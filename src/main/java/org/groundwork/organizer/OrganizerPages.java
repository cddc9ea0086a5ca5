package org.groundwork.organizer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.groundwork.organizer.OrganizerJson.NewOrganizer;
import org.groundwork.organizer.OrganizerJson.NewToken;
import org.groundwork.organizer.OrganizerJson.OrganizerChange;
import org.groundwork.organizer.OrganizerJson.OrganizerView;
import org.groundwork.organizer.OrganizerJson.PasswordChange;
import org.groundwork.organizer.OrganizerJson.SessionView;
import org.groundwork.organizer.OrganizerJson.TeamSettings;
import org.groundwork.organizer.OrganizerJson.TeamView;
import org.groundwork.organizer.OrganizerJson.TokenView;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.platform.ProblemException;
import org.groundwork.web.FormErrors;
import org.groundwork.web.Forms;
import org.groundwork.web.Labels;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.Option;
import org.groundwork.web.Refusals;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The team's organizers (admins add them and set roles) and the settings: one's own API
 * tokens, and the team's heat window, cooling days and time zone (admins change them).
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class OrganizerPages {

    @Inject
    Patches patches;

    @Inject
    OrganizerService organizers;
    @Inject
    TokenService tokens;
    @Inject
    CurrentOrganizer current;
    @Inject
    LoginSessions sessions;
    @Inject
    TwoFactor twoFactor;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organizers(List<OrganizerView> organizers, String nextCursor, boolean admin,
                                                  List<Option> roles, Map<String, String> form,
                                                  Map<String, String> errors);

        static native TemplateInstance twoFactor(TwoFactor.Status status, TwoFactor.Enrolment enrolment,
                                                 List<String> recoveryCodes, String error);

        static native TemplateInstance settings(TeamView team, List<TokenView> tokens, NewToken created, boolean admin,
                                                boolean instanceAdmin, List<SessionView> sessions,
                                                Map<String, String> form, Map<String, String> errors,
                                                List<Option> languages, String language);
    }

    @GET
    @Path("organizers")
    public TemplateInstance organizers(@QueryParam("cursor") String cursor) {
        return organizers(cursor, Map.of("role", "organizer"), Map.of());
    }

    private TemplateInstance organizers(Map<String, String> form, Map<String, String> errors) {
        return organizers(null, form, errors);
    }

    /** A page of the team's organizers, oldest account first; "More organizers" carries the cursor. */
    private TemplateInstance organizers(String cursor, Map<String, String> form, Map<String, String> errors) {
        Page<OrganizerView> page = organizers.list(Page.DEFAULT_LIMIT, cursor);
        return Templates.organizers(page.items(), page.nextCursor(), current.has(Role.ADMIN),
                Forms.options(Role.class), form, errors);
    }

    @POST
    @Path("organizers")
    @RolesAllowed("admin")
    public Object add(@RestForm String email, @RestForm String displayName, @RestForm String role,
                      @RestForm String password) {
        Map<String, String> form = Forms.values("email", email,
                "displayName", displayName,
                "role", role);
        FormErrors errors = new FormErrors();
        Role r = Forms.word(Role.class, role, "role", errors);
        if (!errors.isEmpty()) {
            return organizers(form, errors.map());
        }
        try {
            organizers.add(new NewOrganizer(email, displayName, r, password));
            return Response.seeOther(URI.create("/organizers")).build();
        } catch (ProblemException | ConstraintViolationException e) {
            return organizers(form, FormErrors.of(e, FormErrors.names("email", "displayName", "role", "password")).map());
        }
    }

    @POST
    @Path("organizers/{id}/role")
    @RolesAllowed("admin")
    public Object setRole(@PathParam("id") String id, @RestForm String role) {
        FormErrors errors = new FormErrors();
        Role r = Forms.word(Role.class, role, FormErrors.FORM, errors);
        if (errors.isEmpty()) {
            try {
                organizers.change(Ids.parse(id, "organizer"), patches.of(new OrganizerChange(null, r, null), Set.of("role")), null);
                return Response.seeOther(URI.create("/organizers")).build();
            } catch (ProblemException | ConstraintViolationException e) {
                if (e instanceof ProblemException p && p.status() == 404) {
                    throw p;
                }
                FormErrors.of(e, FormErrors.names("role=form")).map().forEach(errors::add);
            }
        }
        return organizers(Map.of("role", "organizer"), errors.map());
    }

    @GET
    @Path("settings")
    public TemplateInstance settings() {
        return settings(null, teamForm(organizers.team()), Map.of());
    }

    private TemplateInstance settings(NewToken created, Map<String, String> form, Map<String, String> errors) {
        return Templates.settings(organizers.team(), tokens.list().items(), created, current.has(Role.ADMIN),
                current.isInstanceAdmin(), sessions.listOfCurrent().items(), form, errors,
                Forms.options(Language.class), current.language().orElse(Language.EN.word()));
    }

    /** The language of one's pages; the next page is drawn in it. */
    @POST
    @Path("settings/language")
    public Object changeLanguage(@RestForm String language) {
        FormErrors errors = new FormErrors();
        Language chosen = Forms.word(Language.class, language, "language", errors);
        if (chosen == null) {
            errors.add("language", PageLanguage.msg().form_choose_one());
            return settings(null, teamForm(organizers.team()), errors.map());
        }
        organizers.changeLanguage(chosen);
        return Response.seeOther(URI.create("/settings")).build();
    }

    private static Map<String, String> teamForm(TeamView team) {
        Map<String, String> form = Forms.values("name", team.name(),
                "timeZone", team.timeZone(),
                "heatWindowDays", Integer.toString(team.heatWindowDays()),
                "coolingDays", Integer.toString(team.coolingDays()),
                "phoneCountryCode", team.phoneCountryCode(),
                "twoFactorRequired", team.twoFactorRequired() ? "true" : "");
        return form;
    }

    @POST
    @Path("settings/tokens")
    public TemplateInstance createToken(@RestForm String tokenName) {
        Map<String, String> form = new HashMap<>(teamForm(organizers.team()));
        form.put("tokenName", tokenName);
        String name = Forms.blankToNull(tokenName);
        if (name == null) {
            return settings(null, form, Map.of("tokenName", PageLanguage.account().settings_token_name_missing()));
        }
        if (name.length() > 100) {
            return settings(null, form, Map.of("tokenName", PageLanguage.msg().form_at_most_characters(
                    Labels.number(100), Labels.number(name.length()))));
        }
        // the page answers directly (no redirect): the token is shown this once and never stored in clear
        return settings(tokens.issueForCurrent(name), teamForm(organizers.team()), Map.of());
    }

    @POST
    @Path("settings/tokens/{id}/revoke")
    public Response revokeToken(@PathParam("id") String id) {
        tokens.revoke(Ids.parse(id, "token"));
        return Response.seeOther(URI.create("/settings")).build();
    }

    /** Logs one of one's browsers out. */
    @POST
    @Path("settings/sessions/{id}/end")
    public Response endSession(@PathParam("id") String id) {
        sessions.end(Ids.parse(id, "session"));
        boolean mine = current.sessionId().map(s -> s.toString().equalsIgnoreCase(id)).orElse(false);
        return Response.seeOther(URI.create(mine ? "/login" : "/settings")).build();
    }

    /** "Log out everywhere": every session of one's account ends, this one too. */
    @POST
    @Path("settings/sessions/end-all")
    public Response endAllSessions() {
        sessions.endAllOfCurrent();
        return Response.seeOther(URI.create("/login?ended=1")).build();
    }

    /** A new password ends every session (this one too) and every API token: the login page follows. */
    @POST
    @Path("settings/password")
    public Object changePassword(@RestForm String currentPassword, @RestForm String newPassword,
                                 @Context HttpServerRequest http) {
        try {
            organizers.changePassword(new PasswordChange(currentPassword, newPassword),
                    http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
            return Response.seeOther(URI.create("/login?changed=1")).build();
        } catch (ProblemException e) {
            if (e.retryAfter() != null) {
                // too many wrong current passwords: said next to that field
                return settings(null, teamForm(organizers.team()), Map.of("currentPassword", Refusals.said(e.getMessage())));
            }
            return settings(null, teamForm(organizers.team()),
                    FormErrors.of(e, FormErrors.names("currentPassword", "newPassword")).map());
        } catch (ConstraintViolationException e) {
            return settings(null, teamForm(organizers.team()),
                    FormErrors.of(e, FormErrors.names("currentPassword", "newPassword")).map());
        }
    }

    /** Two-factor login: its state, and the set-up (QR code, then a code to confirm, then recovery codes). */
    @GET
    @Path("settings/two-factor")
    public TemplateInstance twoFactor() {
        return Templates.twoFactor(twoFactor.status(), null, null, null);
    }

    @POST
    @Path("settings/two-factor/start")
    public TemplateInstance startTwoFactor() {
        return Templates.twoFactor(twoFactor.status(), twoFactor.start(), null, null);
    }

    @POST
    @Path("settings/two-factor/confirm")
    public TemplateInstance confirmTwoFactor(@RestForm String code) {
        try {
            // the recovery codes are shown this once, on the answer itself
            List<String> recovery = twoFactor.confirm(code);
            return Templates.twoFactor(twoFactor.status(), null, recovery, null);
        } catch (ProblemException e) {
            String message = FormErrors.of(e, FormErrors.names("code")).map().values().iterator().next();
            return Templates.twoFactor(twoFactor.status(), twoFactor.pending(), null, message);
        }
    }

    /** An admin disables an account (their sessions and tokens end at once) or enables it again. */
    @POST
    @Path("organizers/{id}/active")
    @RolesAllowed("admin")
    public Object setActive(@PathParam("id") String id, @RestForm String active) {
        try {
            organizers.change(Ids.parse(id, "organizer"), patches.of(new OrganizerChange(null, null, "true".equals(active)),
                    Set.of("active")), null);
            return Response.seeOther(URI.create("/organizers")).build();
        } catch (ProblemException | ConstraintViolationException e) {
            return organizers(Map.of("role", "organizer"), FormErrors.of(e, FormErrors.names("active=form")).map());
        }
    }

    /** An admin resets someone's two-factor login (a lost phone). */
    @POST
    @Path("organizers/{id}/two-factor/reset")
    @RolesAllowed("admin")
    public Response resetTwoFactor(@PathParam("id") String id) {
        twoFactor.reset(Ids.parse(id, "organizer"));
        return Response.seeOther(URI.create("/organizers")).build();
    }

    @POST
    @Path("settings/team")
    @RolesAllowed("admin")
    public Object changeTeam(@RestForm String name, @RestForm String timeZone, @RestForm String heatWindowDays,
                             @RestForm String coolingDays, @RestForm String phoneCountryCode,
                             @RestForm String twoFactorRequired) {
        Map<String, String> form = Forms.values("name", name,
                "timeZone", timeZone,
                "heatWindowDays", heatWindowDays,
                "coolingDays", coolingDays,
                "phoneCountryCode", phoneCountryCode,
                "twoFactorRequired", twoFactorRequired == null ? "" : "true");
        FormErrors errors = new FormErrors();
        Integer heat = Forms.whole(heatWindowDays, "heatWindowDays", errors);
        Integer cooling = Forms.whole(coolingDays, "coolingDays", errors);
        if (!errors.isEmpty()) {
            return settings(null, form, errors.map());
        }
        try {
            // a "+" in front is how people write a calling code; the code itself is the digits
            String code = Forms.blankToNull(phoneCountryCode);
            if (code != null && code.startsWith("+")) {
                code = code.substring(1);
            }
            organizers.changeTeam(patches.of(new TeamSettings(name, timeZone, heat, cooling, code,
                            twoFactorRequired != null),
                    new HashSet<>(List.of("name", "timeZone", "heatWindowDays", "coolingDays", "phoneCountryCode",
                            "twoFactorRequired"))));
            return Response.seeOther(URI.create("/settings")).build();
        } catch (ProblemException | ConstraintViolationException e) {
            return settings(null, form, FormErrors.of(e, FormErrors.names("name", "timeZone", "heatWindowDays",
                    "coolingDays", "phoneCountryCode")).map());
        }
    }
}
