package org.groundwork.organizer;

import org.groundwork.platform.TeamScoped;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.organizer.OrganizerJson.Me;
import org.groundwork.organizer.OrganizerJson.MeChange;
import org.groundwork.organizer.OrganizerJson.NewOrganizer;
import org.groundwork.organizer.OrganizerJson.NewTeam;
import org.groundwork.organizer.OrganizerJson.NewTeamResult;
import org.groundwork.organizer.OrganizerJson.NewToken;
import org.groundwork.organizer.OrganizerJson.OrganizerChange;
import org.groundwork.organizer.OrganizerJson.OrganizerView;
import org.groundwork.organizer.OrganizerJson.PasswordChange;
import org.groundwork.organizer.OrganizerJson.FirstPassword;
import org.groundwork.organizer.OrganizerJson.Setup;
import org.groundwork.organizer.OrganizerJson.SetupResult;
import org.groundwork.organizer.OrganizerJson.TeamSettings;
import org.groundwork.organizer.OrganizerJson.TeamView;
import org.groundwork.organizer.OrganizerJson.TokenRequest;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.ETags;
import org.groundwork.platform.LoginMetrics;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patch;
import static org.groundwork.platform.Patch.required;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.TeamScope;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Teams, organizer accounts and logins. */
@ApplicationScoped
@Transactional
public class OrganizerService {

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    TokenService tokens;
    @Inject
    LoginSessions sessions;
    @Inject
    LoginThrottle throttle;
    @Inject
    Audit audit;
    @Inject
    LoginMetrics loginMetrics;

    /** Creates the first team and its admin; allowed only while no organizer exists. */
    public SetupResult setup(@NotNull @Valid Setup setup) {
        // no one is logged in and no team exists yet: the whole instance is looked at
        return TeamScope.instanceWide(() -> {
            // serialise concurrent setups so exactly one can win
            em.createNativeQuery("select pg_advisory_xact_lock(4711)").getSingleResult();
            if (Organizer.count() > 0) {
                throw Problems.conflict("Groundwork is already set up; log in instead");
            }
            Team team = newTeam(setup.teamName(), setup.timeZone());
            Organizer admin = newOrganizer(team, setup.email(), setup.displayName(), Role.ADMIN, setup.password());
            admin.instanceAdmin = true;
            // no one was logged in: the event names no organizer
            audit.as(team.id, null, AuditKind.CREATED, AuditEntity.TEAM, team.id);
            NewToken token = tokens.issue(admin, "setup");
            return new SetupResult(OrganizerView.of(admin), TeamView.of(team), token.token());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isSetUp() {
        return TeamScope.instanceWide(() -> Organizer.count() > 0);
    }

    /** The instance admin creates another team with its own admin. */
    public NewTeamResult createTeam(@NotNull @Valid NewTeam request) {
        if (!current.has(Role.ADMIN) || !((Organizer) Organizer.findById(current.id())).instanceAdmin) {
            throw new ForbiddenException();
        }
        // the instance admin writes into a team that is not their own
        return TeamScope.instanceWide(() -> {
            Team team = newTeam(request.name(), request.timeZone());
            NewOrganizer a = request.admin();
            Organizer admin = newOrganizer(team, a.email(), a.displayName(), Role.ADMIN, a.password());
            // in the new team's trail; the instance admin belongs to another team, so it names no organizer
            audit.as(team.id, null, AuditKind.CREATED, AuditEntity.TEAM, team.id);
            return new NewTeamResult(TeamView.of(team), OrganizerView.of(admin));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Me me() {
        Organizer me = Organizer.findById(current.id());
        return new Me(OrganizerView.of(me), TeamView.of(current.team()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamView team() {
        return TeamView.of(current.team());
    }

    public TeamView changeTeam(Patch<TeamSettings> patch) {
        Team team = current.team();
        TeamSettings s = patch.value();
        if (patch.has("name")) {
            team.name = required(s.name(), "name").trim();
        }
        if (patch.has("timeZone")) {
            team.timeZone = zone(required(s.timeZone(), "timeZone"));
        }
        if (patch.has("heatWindowDays")) {
            team.heatWindowDays = required(s.heatWindowDays(), "heatWindowDays");
        }
        if (patch.has("coolingDays")) {
            team.coolingDays = required(s.coolingDays(), "coolingDays");
        }
        if (patch.has("phoneCountryCode")) {
            // the import compares phone numbers in this country from now on; stored numbers stay as written
            team.phoneCountryCode = required(s.phoneCountryCode(), "phoneCountryCode");
        }
        if (patch.has("twoFactorRequired")) {
            // from the next login on: who has not set it up is asked to before anything else
            team.twoFactorRequired = required(s.twoFactorRequired(), "twoFactorRequired");
        }
        audit.changed(AuditKind.CHANGED, AuditEntity.TEAM, team.id, patch);
        em.flush();
        return TeamView.of(team);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizerView> list(Integer limit, String cursor) {
        int n = Page.limit(limit);
        UUID after = Cursor.id(cursor);
        List<Organizer> rows = Organizer.find("teamId = ?1 and id > ?2 order by id",
                        current.teamId(), after == null ? new UUID(0, 0) : after)
                .range(0, n).list();
        return Page.of(rows, n, o -> Cursor.of(o.id)).map(OrganizerView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Organizer find(UUID id) {
        return TeamScoped.require(Organizer.class, id, "organizer");
    }

    public Organizer add(@NotNull @Valid NewOrganizer request) {
        Organizer o = newOrganizer(current.team(), request.email(), request.displayName(),
                request.role() == null ? Role.ORGANIZER : request.role(), request.password());
        audit.record(AuditKind.CREATED, AuditEntity.ORGANIZER, o.id);
        return o;
    }

    public Organizer change(UUID id, Patch<OrganizerChange> patch, String ifMatch) {
        Organizer o = find(id);
        ETags.check(ifMatch, o.version);
        OrganizerChange c = patch.value();
        Role before = o.role;
        if (patch.has("displayName")) {
            o.displayName = required(c.displayName(), "displayName").trim();
        }
        if (patch.has("role")) {
            Role role = required(c.role(), "role");
            if (o.role == Role.ADMIN && role != Role.ADMIN && Organizer.count(
                    "teamId = ?1 and role = ?2 and active = true", o.teamId, Role.ADMIN) <= 1) {
                throw Problems.conflict("A team needs at least one admin; make someone else admin first");
            }
            o.role = role;
        }
        if (patch.has("active")) {
            boolean active = required(c.active(), "active");
            if (!active && o.active) {
                if (o.id.equals(current.id())) {
                    throw Problems.conflict("You cannot disable your own account; ask another admin");
                }
                if (o.role == Role.ADMIN && Organizer.count("teamId = ?1 and role = ?2 and active = true",
                        o.teamId, Role.ADMIN) == 1) {
                    throw Problems.conflict("A team needs at least one admin; make someone else admin first");
                }
                // a disabled organizer is out at once: every browser and every script
                endAccess(o);
            }
            o.active = active;
        }
        audit.changed(o.role != before ? AuditKind.ROLE_CHANGED : AuditKind.CHANGED, AuditEntity.ORGANIZER, o.id, patch);
        em.flush();
        return o;
    }

    /** One's own preferences from the API (PATCH /me): the language, as Settings changes it. */
    public Me changeMe(Patch<MeChange> patch) {
        if (patch.has("language")) {
            changeLanguage(required(patch.value().language(), "language"));
        }
        return me();
    }

    /** The language of one's own pages (Settings); it applies from the next page on. */
    public void changeLanguage(@NotNull Language language) {
        Organizer o = find(current.id());
        if (o.language != language) {
            o.language = language;
            audit.changed(AuditKind.CHANGED, AuditEntity.ORGANIZER, o.id, "language");
        }
    }

    /**
     * Changing one's own password ends all of one's sessions (this one too) and revokes every API
     * token: whoever knew the old password may have logged in or made a token with it.
     */
    @Transactional(dontRollbackOn = ProblemException.class) // a refusal keeps its throttle count
    public void changePassword(@NotNull @Valid PasswordChange change, String address) {
        Organizer me = Organizer.findById(current.id());
        // throttled like a login: someone at an unattended, logged-in laptop must not be able to
        // try passwords here until one fits, then lock the owner out
        long wait = throttle.secondsToWait(me.email, address);
        if (wait > 0) {
            throw Problems.tooManyAttempts(wait);
        }
        if (!Passwords.matches(change.currentPassword(), me.passwordHash)) {
            throttle.failed(me.email, address);
            throw Problems.invalid("currentPassword", "is not your current password");
        }
        me.passwordHash = Passwords.hash(change.newPassword());
        endAccess(me);
        audit.record(AuditKind.PASSWORD_CHANGED, AuditEntity.ORGANIZER, me.id);
        em.flush();
    }

    /**
     * A first password for an organizer of a team restored from an archive: the archive holds no
     * password hashes, so the account has none until the instance admin (who restored the team)
     * sets one and hands it over, and the organizer changes it. Only for accounts with no
     * password: the instance admin can never take over an account someone already uses.
     */
    public OrganizerView setFirstPassword(UUID teamId, UUID organizerId, @NotNull @Valid FirstPassword request) {
        if (!current.isInstanceAdmin()) {
            throw Problems.forbidden("Only the instance admin can give a restored organizer a first password");
        }
        // the instance admin acts in a team that is not their own: that one team's rows, by name
        // (narrower than the instance-wide bypass)
        return TeamScope.runAs(teamId, () -> {
            Organizer o = TeamScoped.require(Organizer.class, organizerId, "organizer");
            if (o.passwordHash != null) {
                throw Problems.conflict("This organizer has a password already; they change it themselves");
            }
            o.passwordHash = Passwords.hash(request.password());
            // in that team's trail; the instance admin belongs to another team, so it names no organizer
            audit.as(teamId, null, AuditKind.PASSWORD_CHANGED, AuditEntity.ORGANIZER, o.id);
            em.flush();
            return OrganizerView.of(o);
        });
    }

    private void endAccess(Organizer o) {
        sessions.endAll(o.id);
        ApiToken.delete("organizerId = ?1", o.id);
    }

    /**
     * The account an email names, whatever its case and surrounding spaces.
     */
    private static Optional<Organizer> account(String email) {
        return email == null ? Optional.empty()
                : Organizer.find("lower(email) = ?1", email.trim().toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /**
     * The password check behind the login form and token requests, throttled per account and
     * per client address: while a wait runs, even the right password is refused (429), and
     * the answers are the same whether the email exists or not.
     */
    Optional<Organizer> checkPasswordThrottled(String email, String password, String address) {
        long wait = throttle.secondsToWait(email, address);
        if (wait > 0) {
            loginMetrics.throttled();
            throw Problems.tooManyAttempts(wait);
        }
        Optional<Organizer> tried = account(email);
        // an unknown email is checked against a decoy hash, so it costs as long as a wrong password;
        // a disabled account answers like a wrong password
        boolean ok = Passwords.matches(password, tried.map(o -> o.passwordHash).orElse(null)) && tried.get().active;
        Optional<Organizer> found = ok ? tried : Optional.empty();
        if (found.isPresent()) {
            loginMetrics.ok();
            if (found.get().totpSecret == null) {
                // with a second factor, the count is cleared only once the code is right: else a
                // password typed again between code guesses would reset it (TwoFactor.completeLogin)
                throttle.succeeded(email);
                audit.login(found.get().id, found.get().teamId);
            }
        } else {
            throttle.failed(email, address);
            loginMetrics.failed();
            // the trail names the account that was tried, when there is one; the answer never does
            audit.failedLogin(tried.map(o -> o.teamId).orElse(null), tried.map(o -> o.id).orElse(null));
        }
        return found;
    }

    /** The login form: a password that checks out opens a session, whose id the cookie keeps. */
    Optional<LoginSessions.Live> logIn(String email, String password, String address, String userAgent) {
        return checkPasswordThrottled(email, password, address).map(o -> {
            // a second factor first: the code if enrolled, enrolment if the team requires it
            String state = o.totpSecret != null ? LoginSession.CODE
                    : ((Team) Team.findById(o.teamId)).twoFactorRequired ? LoginSession.ENROL
                    : LoginSession.FULL;
            return new LoginSessions.Live(sessions.open(o, userAgent, state), o);
        });
    }

    /** A token from email and password in the body, or for the logged-in caller. */
    @Transactional(dontRollbackOn = ProblemException.class) // a refusal keeps its throttle count and audit event
    public NewToken token(@NotNull @Valid TokenRequest request, String address) {
        if (request.email() != null || request.password() != null) {
            // no one is logged in: the account is found across the instance, its token made in its team
            return TeamScope.instanceWide(() -> {
                Organizer o = checkPasswordThrottled(request.email(), request.password(), address)
                        .orElseThrow(() -> Problems.unauthorized("Wrong email or password"));
                if (o.totpSecret != null || ((Team) Team.findById(o.teamId)).twoFactorRequired) {
                    // a password alone must not open what the login form guards with a second factor
                    throw Problems.forbidden("This account logs in with two-factor login: log in on the login page, "
                            + "then create a token on the Settings page (or send no email and password with a session)");
                }
                return tokens.issue(o, request.name());
            });
        }
        if (!current.isLoggedIn()) {
            throw Problems.unauthorized("Send your email and password, or log in first");
        }
        return tokens.issueForCurrent(request.name());
    }

    private Team newTeam(String name, String timeZone) {
        Team team = new Team();
        team.name = name.trim();
        team.timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : zone(timeZone);
        team.persist();
        return team;
    }

    private Organizer newOrganizer(Team team, String email, String displayName, Role role, String password) {
        String normalized = email.trim();
        // emails are unique in the whole instance (they name the account at login)
        if (TeamScope.instanceWide(() -> Organizer.count("lower(email) = ?1", normalized.toLowerCase(Locale.ROOT)) > 0)) {
            throw Problems.conflict("An organizer with this email already exists");
        }
        Organizer o = new Organizer();
        o.teamId = team.id;
        o.email = normalized;
        o.displayName = displayName.trim();
        o.role = role;
        o.passwordHash = Passwords.hash(password);
        o.persist();
        return o;
    }

    /**
     * A time zone by name. Fixed offsets ("+02:00", "UTC+2") are refused although Java takes
     * them: PostgreSQL, which turns times into the team's dates for the reports, reads such
     * strings as POSIX zones, east and west swapped. Names from the tz database mean the same
     * in both.
     */
    private String zone(String id) {
        String zone;
        try {
            zone = ZoneId.of(id.trim()).getId();
        } catch (DateTimeException e) {
            throw Problems.invalid("timeZone", "'" + id + "' is not a time zone (use a name like Europe/Berlin)");
        }
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw Problems.invalid("timeZone", "'" + id + "' is an offset, not a time zone name; use a name like "
                    + "Europe/Berlin (it also follows daylight saving time)");
        }
        // PostgreSQL must know it too: the triggers file every conversation under the team's day
        Number known = (Number) em.createNativeQuery("select count(*) from pg_timezone_names where name = ?1")
                .setParameter(1, zone).getSingleResult();
        if (known.intValue() == 0) {
            throw Problems.invalid("timeZone", "'" + id + "' is not a time zone the database knows; use a current "
                    + "name like America/New_York");
        }
        return zone;
    }

}
