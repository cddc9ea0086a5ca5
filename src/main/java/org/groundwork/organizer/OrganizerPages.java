package org.groundwork.organizer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
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
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Flags;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.web.Form;
import org.groundwork.web.FormErrors;
import org.groundwork.web.Forms;
import org.groundwork.web.Labels;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.Option;
import org.groundwork.web.Refusals;
import org.groundwork.platform.Text;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The team's organizers (admins add them and set roles) and the settings: one's own API
 * tokens, and the team's heat window, cooling days and time zone (admins change them).
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class OrganizerPages {

    /** What the team settings form saved ({@link Form#saved}): the settings page says so. */
    static final String TEAM_SAVED = "team";
    /** What the add form saved ({@link Form#saved}): the organizers' page says so. */
    static final String ORGANIZER_ADDED = "organizer-added";
    /** What a button on the organizers' list did: the page says so. */
    static final String ROLE_CHANGED = "role-changed";
    static final String ORGANIZER_DISABLED = "organizer-disabled";
    static final String ORGANIZER_ENABLED = "organizer-enabled";
    static final String TWO_FACTOR_RESET = "two-factor-reset";
    static final String TWO_FACTOR_WAS_OFF = "two-factor-was-off";
    /** What the language form saved: the settings page says so, already in the language chosen. */
    static final String LANGUAGE_SAVED = "language";
    /** Another device logged out, a token revoked: said, as the walk found nothing said of either. */
    static final String SESSION_ENDED = "session-ended";
    static final String TOKEN_REVOKED = "token-revoked";
    static final String TOKEN_GONE = "token-gone";
    static final String SESSION_GONE = "session-gone";

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
        /** {@code me}: the organizer looking, whose own row offers no Disable (it can only be refused). */
        static native TemplateInstance organizers(List<OrganizerView> organizers, String nextCursor, boolean admin,
                                                  UUID me, List<Option> roles, Map<String, String> form,
                                                  Map<String, String> errors);

        static native TemplateInstance twoFactor(TwoFactor.Status status, TwoFactor.Enrolment enrolment,
                                                 List<String> recoveryCodes, String error);

        static native TemplateInstance settings(TeamView team, List<TokenView> tokens, NewToken created, boolean admin,
                                                boolean instanceAdmin, List<SessionView> sessions,
                                                Map<String, String> form, Map<String, String> errors,
                                                List<Option> languages, String language,
                                                Map<String, Form.Typed> youTyped);
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
        return Templates.organizers(page.items(), page.nextCursor(), current.has(Role.ADMIN), current.id(),
                Forms.options(Role.class), form, errors);
    }

    /** Admins only: {@link OrganizerService#add} says so, for this page and the API alike. */
    @POST
    @Path("organizers")
    public Object add() {
        organizers.mayChangeTeam(); // the role first: a coordinator's post is a 403 whatever it holds
        Form form = Form.posted();
        NewOrganizer organizer = new NewOrganizer(form.text("email"), form.text("displayName"),
                form.word(Role.class, "role"), form.secret("password"));
        return form.checks(organizer).submit(() -> organizers.add(organizer), Form.saved("/organizers", ORGANIZER_ADDED),
                () -> organizers(form.values(), form.errors()));
    }

    @POST
    @Path("organizers/{id}/role")
    public Object setRole(@PathParam("id") String id) {
        // one button per organizer: a refusal is said above the list
        organizers.mayChangeTeam(); // the role first, as for a new organizer
        Form form = Form.posted().names("role=form");
        Role role = form.word(Role.class, "role", FormErrors.FORM);
        return form.submit(() -> organizers.change(Ids.parse(id, "organizer"),
                        patches.of(new OrganizerChange(null, role, null), Set.of("role")), null),
                Form.saved("/organizers", ROLE_CHANGED), () -> organizers(Map.of("role", "organizer"), form.errors()));
    }

    @GET
    @Path("settings")
    public TemplateInstance settings() {
        return settingsWith(Map.of());
    }

    private TemplateInstance settings(NewToken created, Map<String, String> form, Map<String, String> errors) {
        return settings(created, form, errors, Map.of());
    }

    private TemplateInstance settings(NewToken created, Map<String, String> form, Map<String, String> errors,
                                      Map<String, Form.Typed> youTyped) {
        return Templates.settings(organizers.team(), tokens.list().items(), created, current.has(Role.ADMIN),
                current.isInstanceAdmin(), sessions.listOfCurrent().items(), form, errors,
                Forms.options(Language.class), current.language().orElse(Language.EN.word()), youTyped);
    }

    /** The language of one's pages; the next page is drawn in it. */
    @POST
    @Path("settings/language")
    public Object changeLanguage() {
        Form form = Form.posted();
        Language chosen = form.word(Language.class, "language");
        if (chosen == null) {
            form.error("language", PageLanguage.msg().form_choose_one());
        }
        if (!form.valid()) {
            return form.drawn(settingsWith(form.errors()));
        }
        organizers.changeLanguage(chosen);
        return Response.seeOther(URI.create(Form.saved("/settings", LANGUAGE_SAVED))).build();
    }

    /** The settings page with the team's form as stored, and these messages. */
    private TemplateInstance settingsWith(Map<String, String> errors) {
        return settings(null, teamForm(), errors);
    }

    private Map<String, String> teamForm() {
        return teamForm(organizers.teamAsStored());
    }

    /** The team's settings as stored, as the form shows them, with the version they were read at. */
    private static Map<String, String> teamForm(Versioned<TeamView> stored) {
        TeamView team = stored.view();
        return Form.asRead(Forms.values("name", team.name(),
                "timeZone", team.timeZone(),
                "heatWindowDays", Integer.toString(team.heatWindowDays()),
                "coolingDays", Integer.toString(team.coolingDays()),
                "phoneCountryCode", team.phoneCountryCode(),
                "twoFactorRequired", team.twoFactorRequired() ? "true" : "",
                Form.VERSION, Long.toString(stored.version())));
    }

    @POST
    @Path("settings/tokens")
    public Object createToken() {
        Form posted = Form.posted();
        String tokenName = posted.text("tokenName");
        Map<String, String> form = new HashMap<>(teamForm());
        form.put("tokenName", tokenName);
        String name = Forms.blankToNull(tokenName);
        if (name == null) {
            posted.error("tokenName", PageLanguage.account().settings_token_name_missing());
        } else {
            int characters = Text.characters(name);
            if (characters > 100) {
                posted.error("tokenName", PageLanguage.msg().form_at_most_characters(
                        Labels.number(100), Labels.number(characters)));
            }
        }
        if (!posted.valid()) {
            return posted.drawn(settings(null, form, posted.errors()));
        }
        // the page answers directly (no redirect): the token is shown this once and never stored in clear. A refusal
        // (the 101st token) is said above the form with the name kept (the walk: a bare "Conflict" page)
        // a session ended meanwhile (a password changed elsewhere) is the login's to say, as before, not this form's
        return posted.on(p -> p.status() == 401, p -> {
            throw p;
        }).submit(() -> tokens.issueForCurrent(name), issued -> settings(issued, teamForm(), Map.of()),
                () -> settings(null, form, posted.errors()));
    }

    @POST
    @Path("settings/tokens/{id}/revoke")
    public Object revokeToken(@PathParam("id") String id) {
        UUID token = Ids.parseYours(id, "token");
        // revoked already (a second tab, a double tap): what Revoke asked for is so, said as that; it said "This was
        // deleted meanwhile … nothing was saved", which read as a failure (a walk)
        Form form = Form.posted().on(p -> Problems.isAlready(p, Problems.TOKEN_REVOKED_ALREADY),
                p -> Form.seeOther(Form.saved("/settings", TOKEN_GONE)));
        return form.submit(() -> tokens.revoke(token), Form.saved("/settings", TOKEN_REVOKED),
                () -> settingsWith(form.errors()));
    }

    /** Logs one of one's browsers out. */
    @POST
    @Path("settings/sessions/{id}/end")
    public Object endSession(@PathParam("id") String id) {
        UUID session = Ids.parseYours(id, "session");
        boolean mine = current.sessionId().map(s -> s.equals(session)).orElse(false);
        // ended already (a second tab): said as the token's revoke says it
        Form form = Form.posted().on(p -> Problems.isAlready(p, Problems.SESSION_ENDED_ALREADY),
                p -> Form.seeOther(Form.saved("/settings", SESSION_GONE)));
        // this device: the login page says it is logged out, as the navigation's Log out does
        return form.submit(() -> sessions.end(session), mine ? "/login?out=1" : Form.saved("/settings", SESSION_ENDED),
                () -> settingsWith(form.errors()));
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
    public Object changePassword(@Context HttpServerRequest http) {
        Form form = Form.posted();
        PasswordChange change = new PasswordChange(form.secret("currentPassword"), form.secret("newPassword"));
        return form
                // too many wrong current passwords: said next to that field
                .on(p -> p.status() == 429, p -> settings(null, teamForm(),
                        Map.of("currentPassword", Refusals.said(p.getMessage()))))
                .submit(() -> organizers.changePassword(change,
                                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress()),
                        "/login?changed=1", () -> settingsWith(form.errors()));
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
    public Object confirmTwoFactor() {
        Form form = Form.posted();
        String code = form.secret("code");
        String shown = form.hidden("setup"); // which set-up the page showed (TwoFactor.Enrolment#fingerprint)
        // the recovery codes are shown this once, on the answer itself
        return form.attempt(() -> twoFactor.confirm(code, shown))
                .<Object>map(recovery -> Templates.twoFactor(twoFactor.status(), null, recovery, null))
                .orElseGet(() -> form.drawn(Templates.twoFactor(twoFactor.status(), twoFactor.pending(), null,
                        form.errors().values().iterator().next())));
    }

    /** An admin disables an account (their sessions and tokens end at once) or enables it again. */
    @POST
    @Path("organizers/{id}/active")
    public Object setActive(@PathParam("id") String id) {
        organizers.mayChangeTeam(); // the role first, as for a new organizer
        Form form = Form.posted().names("active=form");
        // the button's hidden word, exactly true or false: anything else (missing, "yes", tampered) disabled the
        // account, ending its sessions and tokens (the probe); a 400 that changes nothing
        boolean active = Flags.required(form.hidden("active"), "active");
        return form.submit(() -> organizers.change(Ids.parse(id, "organizer"),
                        patches.of(new OrganizerChange(null, null, active), Set.of("active")), null),
                Form.saved("/organizers", active ? ORGANIZER_ENABLED : ORGANIZER_DISABLED),
                () -> organizers(Map.of("role", "organizer"), form.errors()));
    }

    /** An admin resets someone's two-factor login (a lost phone). */
    @POST
    @Path("organizers/{id}/two-factor/reset")
    public Object resetTwoFactor(@PathParam("id") String id) {
        Form form = Form.posted();
        return form.submit(() -> twoFactor.reset(Ids.parse(id, "organizer")),
                wasOn -> Form.seeOther(Form.saved("/organizers", wasOn ? TWO_FACTOR_RESET : TWO_FACTOR_WAS_OFF)),
                () -> organizers(Map.of("role", "organizer"), form.errors()));
    }

    @POST
    @Path("settings/team")
    public Object changeTeam() {
        organizers.mayChangeTeam(); // the role first: a coordinator's post is a 403 whatever it holds
        Form form = Form.posted().names("twoFactorRequired=form");
        String name = form.text("name");
        String timeZone = form.text("timeZone");
        Integer heat = form.whole("heatWindowDays");
        Integer cooling = form.whole("coolingDays");
        // a "+" in front is how people write a calling code; the code itself is the digits
        String code = form.optional("phoneCountryCode");
        if (code != null && code.startsWith("+")) {
            code = code.substring(1);
        }
        boolean twoFactorRequired = form.ticked("twoFactorRequired");
        form.values().put("twoFactorRequired", twoFactorRequired ? "true" : "");
        TeamSettings settings = new TeamSettings(name, timeZone, heat, cooling, code, twoFactorRequired);
        // the version the form was read at goes as If-Match: another admin's save meanwhile (required two-factor
        // turned on) is shown, not put back without a word by this whole form (the walk)
        // the zone's rule with the numbers' (the walk: it was said only once they were mended)
        return form.checks(settings, () -> {
            if (timeZone != null && !timeZone.isBlank()) {
                organizers.zone(timeZone);
            }
        }).onConflict(() -> teamForm())
                .submit(() -> organizers.changeTeam(patches.of(settings, form.saves(Set.of("name", "timeZone",
                        "heatWindowDays", "coolingDays"), Set.of("phoneCountryCode"), "twoFactorRequired")), form.version()),
                // the page says they were saved (the form is at its foot, the notice at its top)
                Form.saved("/settings", TEAM_SAVED),
                () -> settings(null, form.values(), form.errors(), form.youTyped()));
    }
}
