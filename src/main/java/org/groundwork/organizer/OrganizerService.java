package org.groundwork.organizer;

import org.groundwork.platform.TeamScoped;
import org.groundwork.platform.Versioned;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.audit.Before;
import org.groundwork.organizer.OrganizerJson.FirstPasswords;
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
import org.groundwork.platform.Text;
import org.groundwork.platform.TeamScope;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    @Inject
    PasswordChecks checks;

    /**
     * Creates the first team and its admin, and a personal API token for that admin, which the
     * answer holds: a script that sets up an instance goes on with it. Allowed only while no
     * organizer exists.
     */
    public SetupResult setup(@NotNull @Valid Setup setup) {
        return setup(setup, true);
    }

    /**
     * The same from the setup page, without the token: the page shows none (the admin logs in with
     * the password), so one would only sit unseen, and usable, in their list of tokens.
     */
    public SetupResult setUpFromThePage(@NotNull @Valid Setup setup) {
        return setup(setup, false);
    }

    private SetupResult setup(Setup setup, boolean withToken) {
        // hashed before the transaction's first statement: no pooled connection waits on bcrypt
        String hash = Passwords.hash(setup.password());
        // no one is logged in and no team exists yet: the whole instance is looked at
        return TeamScope.instanceWide(() -> {
            // serialise concurrent setups so exactly one can win
            em.createNativeQuery("select pg_advisory_xact_lock(4711)").getSingleResult();
            if (Organizer.count() > 0) {
                throw Problems.conflict(ALREADY_SET_UP);
            }
            Team team = newTeam("teamName", setup.teamName(), setup.timeZone());
            Organizer admin = newOrganizer(team, setup.email(), setup.displayName(), "", Role.ADMIN, hash);
            admin.instanceAdmin = true;
            // no one was logged in: the event names no organizer
            audit.as(team.id, null, AuditKind.CREATED, AuditEntity.TEAM, team.id);
            String token = withToken ? tokens.issue(admin, "setup").token() : null;
            return new SetupResult(OrganizerView.of(admin), TeamView.of(team), token);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isSetUp() {
        return TeamScope.instanceWide(() -> Organizer.count() > 0);
    }

    /** Setup once any organizer exists. */
    public static final String ALREADY_SET_UP = "Groundwork is already set up; log in instead";

    /**
     * Refuses a setup once done, before its fields are read: a script sending a short password was told to mend it,
     * and only then that the setup was done already (a walk). {@link #setup} asks again under its lock.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void notSetUpYet() {
        if (isSetUp()) {
            throw Problems.conflict(ALREADY_SET_UP);
        }
    }

    static final String NEW_TEAM_ADMIN = "a new team's first organizer is its admin: leave role out, or send admin";

    /** The instance admin creates another team with its own admin. */
    public NewTeamResult createTeam(@NotNull @Valid NewTeam request) {
        if (!current.has(Role.ADMIN) || !current.isInstanceAdmin()) {
            throw new ForbiddenException();
        }
        // a new team's first organizer is its admin: another role was taken and ignored (a walk), admin itself is
        // what the document had shown
        if (request.admin().role() != null && request.admin().role() != Role.ADMIN) {
            throw Problems.invalid("admin.role", NEW_TEAM_ADMIN);
        }
        // hashed before the transaction's first statement: no pooled connection waits on bcrypt
        String hash = Passwords.hash(request.admin().password());
        // the instance admin writes into a team that is not their own
        return TeamScope.instanceWide(() -> {
            Team team = newTeam("name", request.name(), request.timeZone());
            NewOrganizer a = request.admin();
            Organizer admin = newOrganizer(team, a.email(), a.displayName(), "admin.", Role.ADMIN, hash);
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

    /** The caller's team with its version (the ETag), for the settings form and the API's If-Match. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<TeamView> teamAsStored() {
        Team team = current.team();
        return new Versioned<>(TeamView.of(team), team.version);
    }

    /**
     * Who may change the team, its settings and its organizers: admins. The one check, for the API and
     * the pages, which ask it before they read a form or a patch, so a role that may not is refused (403)
     * whatever the fields hold, not told about a day count or a role word it could never save.
     */
    @RolesAllowed("admin")
    public void mayChangeTeam() {
        // the annotation is the check
    }

    /**
     * The team's settings changed by an admin. {@code ifMatch}: the version the change was read at (the API's
     * If-Match, the settings form's version), or none: the walk's second admin turned required two-factor on, and a
     * settings form read before put it back off without a word.
     */
    public Versioned<TeamView> changeTeam(Patch<TeamSettings> patch, String ifMatch) {
        mayChangeTeam(); // ArC intercepts a bean's calls to itself: the role check above, before anything
        Team team = current.team();
        ETags.check(ifMatch, team.version);
        Before before = audit.before(team, TeamSettings.class);
        TeamSettings s = patch.value();
        if (patch.has("name")) {
            team.name = Text.name("name", required(s.name(), "name"), 200);
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
        audit.changed(AuditKind.CHANGED, AuditEntity.TEAM, team.id, before);
        em.flush();
        return new Versioned<>(TeamView.of(team), team.version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizerView> list(int limit, String cursor) {
        int n = Page.limit(limit);
        Cursor.List cursors = Cursor.of(current.teamId(), "organizers");
        UUID after = cursors.id(cursor);
        List<Organizer> rows = Organizer.find("teamId = ?1 and id > ?2 order by id",
                        current.teamId(), after == null ? new UUID(0, 0) : after)
                .range(0, n).list();
        return Page.of(rows, n, o -> cursors.of(o.id)).map(OrganizerView::of);
    }

    /** An organizer of the caller's team with their version (the ETag), or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<OrganizerView> find(UUID id) {
        return stored(load(id));
    }

    /** A new password that is the one the organizer has: a page finds it in {@code web/Refusals}. */
    static final String SAME_PASSWORD = "is the password you have now; choose another one";

    /** The refusal of {@link #assignable}: a page finds it in {@code web/Refusals}. */
    static final String DEACTIVATED = "this organizer's account is deactivated; choose an active organizer";

    /**
     * The one rule for handing people to an organizer (a contact's owner, a follow-up's assignee): an
     * active organizer of the team. A deactivated one no longer logs in, so what is handed to them
     * waits in no one's queue. Records of what happened (a conversation's organizer, who was at an
     * action) may still name them. Refused as a 400 naming {@code field}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID assignable(UUID id, String field) {
        Organizer o = TeamScoped.find(Organizer.class, id)
                .orElseThrow(() -> Problems.unknownReference(field, "organizer"));
        if (!o.active) {
            throw Problems.invalid(field, DEACTIVATED);
        }
        return o.id;
    }

    /**
     * {@code id} when people may be handed to them ({@link #assignable}), else the caller: a follow-up a
     * rule opens (the heat rule's for a contact's owner, a next step for a conversation's organizer)
     * goes to the organizer who recorded what opened it when that one is deactivated, not to no one's queue.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID assignableOrCaller(UUID id) {
        return id != null && TeamScoped.find(Organizer.class, id).map(o -> o.active).orElse(false) ? id : current.id();
    }

    private Organizer load(UUID id) {
        return TeamScoped.require(Organizer.class, id, "organizer");
    }

    private static Versioned<OrganizerView> stored(Organizer o) {
        return new Versioned<>(OrganizerView.of(o), o.version);
    }

    @RolesAllowed("admin") // the one check for the API and the pages: admins only
    public Versioned<OrganizerView> add(@NotNull @Valid NewOrganizer request) {
        // hashed before the transaction's first statement: no pooled connection waits on bcrypt
        String hash = Passwords.hash(request.password());
        Organizer o = newOrganizer(current.team(), request.email(), request.displayName(), "",
                request.role() == null ? Role.ORGANIZER : request.role(), hash);
        audit.record(AuditKind.CREATED, AuditEntity.ORGANIZER, o.id);
        return stored(o);
    }

    @RolesAllowed("admin") // the one check for the API and the pages: admins only
    public Versioned<OrganizerView> change(UUID id, Patch<OrganizerChange> patch, String ifMatch) {
        // held before anything is ended: a login writing its session waits, or is waited for and ended with the rest
        // (the review: the two took the row and the sessions in opposite orders and could deadlock)
        checks.held(id);
        Organizer o = load(id);
        ETags.check(ifMatch, o.version);
        Before before = audit.before(o, OrganizerChange.class);
        OrganizerChange c = patch.value();
        Role roleBefore = o.role;
        if (patch.has("displayName")) {
            o.displayName = Text.name("displayName", required(c.displayName(), "displayName"), 200);
        }
        if (patch.has("role")) {
            Role role = required(c.role(), "role");
            if (o.role == Role.ADMIN && role != Role.ADMIN && admins(o.teamId) <= 1) {
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
                if (o.role == Role.ADMIN && admins(o.teamId) <= 1) {
                    throw Problems.conflict("A team needs at least one admin; make someone else admin first");
                }
                // a disabled organizer is out at once: every browser and every script
                endAccess(o);
            }
            o.active = active;
        }
        audit.changed(o.role != roleBefore ? AuditKind.ROLE_CHANGED : AuditKind.CHANGED, AuditEntity.ORGANIZER, o.id, before);
        em.flush();
        return stored(o);
    }

    /**
     * The team's active admins, counted while its row is held: two admins demoting or disabling each
     * other at once each counted two and both went through, leaving no admin (a review did it five
     * times in five). The second now waits for the first and counts one. FOR NO KEY UPDATE does not
     * wait for the key checks every write of the team takes on that row, only for another such count.
     */
    private long admins(UUID team) {
        em.createNativeQuery("select 1 from team where id = ?1 for no key update").setParameter(1, team).getResultList();
        return Organizer.count("teamId = ?1 and role = ?2 and active = true", team, Role.ADMIN);
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
        Organizer o = load(current.id());
        Before before = audit.before(o, MeChange.class);
        o.language = language;
        audit.changed(AuditKind.CHANGED, AuditEntity.ORGANIZER, o.id, before);
    }

    /**
     * Changing one's own password ends all of one's sessions (this one too) and revokes every API
     * token: whoever knew the old password may have logged in or made a token with it. Throttled
     * like a login: someone at an unattended, logged-in laptop must not be able to try passwords
     * here until one fits, then lock the owner out. Both hashes (the check and the new one) run
     * between two short transactions, holding no pooled connection (PasswordChecks).
     */
    @Transactional(Transactional.TxType.NEVER)
    public void changePassword(@NotNull @Valid PasswordChange change, String address) {
        Organizer before = checks.ownAccount(current.id(), address);
        boolean ok = Passwords.matches(change.currentPassword(), before.passwordHash);
        boolean same = Passwords.same(change.newPassword(), change.currentPassword());
        String newHash = ok && !same ? Passwords.hash(change.newPassword()) : null;
        String now = checks.changeOwn(before, before.passwordHash, address, ok, newHash);
        // another hash by the time of the write: a login elsewhere may have replaced an old kind of hash of the same
        // password (review 1: a false 409), checked here, outside any transaction; anything else is a change meanwhile
        if (now != null && (!Passwords.matches(change.currentPassword(), now)
                || checks.changeOwn(before, now, address, true, newHash) != null)) {
            throw Problems.conflict("Your password was changed meanwhile; log in again with the new one");
        }
    }

    /**
     * A first password for an organizer of a team restored from an archive: the archive holds no
     * password hashes, so the account has none until the instance admin (who restored the team)
     * sets one and hands it over, and the organizer changes it. Only for accounts with no
     * password: the instance admin can never take over an account someone already uses.
     */
    public OrganizerView setFirstPassword(UUID teamId, UUID organizerId, @NotNull @Valid FirstPassword request) {
        onlyTheInstanceAdmin();
        // hashed before the first statement, so no pooled connection waits on bcrypt
        String hash = Passwords.hash(request.password());
        // the instance admin acts in a team that is not their own: that one team's rows, by name
        // (narrower than the instance-wide bypass)
        return TeamScope.runAs(teamId, () -> {
            Organizer o = TeamScoped.require(Organizer.class, organizerId, "organizer");
            if (o.passwordHash != null) {
                throw Problems.conflict("This organizer has a password already; they change it themselves");
            }
            o.passwordHash = hash;
            // in that team's trail; the instance admin belongs to another team, so it names no organizer
            audit.as(teamId, null, AuditKind.PASSWORD_CHANGED, AuditEntity.ORGANIZER, o.id);
            em.flush();
            return OrganizerView.of(o);
        });
    }

    /**
     * The organizers of a restored team who have no password yet, by name: what is left for the instance admin to
     * give a first password to (the restore's page lists them once; after the first password it had lost them, a
     * walk), and {@code given}, the one the instance admin just gave theirs (null when it names none). A team not
     * restored here is not found.
     */
    public FirstPasswords firstPasswords(UUID teamId, UUID given) {
        onlyTheInstanceAdmin();
        return TeamScope.runAs(teamId, () -> {
            // only a team restored here: the instance admin reads no other team's organizers (a review)
            if (!audit.restoredHere(teamId)) {
                throw Problems.notFound("team");
            }
            List<Organizer> all = Organizer.list("teamId = ?1 order by displayName, id", teamId);
            return new FirstPasswords(all.stream().filter(o -> o.passwordHash == null).map(OrganizerView::of).toList(),
                    all.stream().filter(o -> o.id.equals(given) && audit.passwordStillTheInstanceAdmins(teamId, o.id))
                            .map(OrganizerView::of).findFirst().orElse(null));
        });
    }

    /** A restored team's first passwords are the instance admin's to give, and to see who is left without one. */
    private void onlyTheInstanceAdmin() {
        if (!current.isInstanceAdmin()) {
            throw Problems.forbidden("Only the instance admin can give a restored organizer a first password");
        }
    }

    private void endAccess(Organizer o) {
        checks.endAccess(o);
    }

    /**
     * The password check behind the login form and token requests, throttled per account and
     * per client address: while a wait runs, even the right password is refused (429), and
     * the answers are the same whether the email exists or not. The throttle and the account are
     * read in one short transaction, bcrypt runs outside any, and the outcome (count, audit event,
     * and what {@code onSuccess} makes: a session, a token) is written in a second one
     * (PasswordChecks: a burst of logins must not hold the pool's connections through their hashes).
     */
    private <T> Optional<T> checkPasswordThrottled(String email, String password, String address,
                                                   java.util.function.Function<Organizer, T> onSuccess) {
        try {
            return checkPasswordOnce(email, password, address, onSuccess);
        } catch (PasswordChecks.ChangedMeanwhile e) {
            try {
                // the account changed while the password was hashed: checked again as it is now (a new password
                // refuses the old one; another login's replacement of an old hash takes it)
                return checkPasswordOnce(email, password, address, onSuccess);
            } catch (PasswordChecks.ChangedMeanwhile again) {
                // changed twice within a hash's time: refused, as a wrong password is answered, nothing counted
                return Optional.empty();
            }
        }
    }

    private <T> Optional<T> checkPasswordOnce(String email, String password, String address,
                                              java.util.function.Function<Organizer, T> onSuccess) {
        Optional<Organizer> tried = checks.attempt(email, address);
        // an unknown email is checked against a decoy hash, so it costs as long as a wrong password;
        // a disabled account answers like a wrong password
        boolean ok = Passwords.matches(password, tried.map(o -> o.passwordHash).orElse(null)) && tried.get().active;
        // an old hash (bcrypt of the first 72 bytes) is replaced at this right login; hashed here, outside the transactions
        String upgraded = ok ? Passwords.upgraded(password, tried.get().passwordHash) : null;
        return checks.outcome(email, address, tried, ok, upgraded, onSuccess);
    }

    /** The login form: a password that checks out opens a session, whose id the cookie keeps. */
    @Transactional(Transactional.TxType.NEVER)
    Optional<LoginSessions.Live> logIn(String email, String password, String address, String userAgent) {
        return checkPasswordThrottled(email, password, address, o -> {
            // a second factor first: the code if enrolled, enrolment if the team requires it
            String state = o.totpSecret != null ? LoginSession.CODE
                    : ((Team) Team.findById(o.teamId)).twoFactorRequired ? LoginSession.ENROL
                    : LoginSession.FULL;
            return new LoginSessions.Live(sessions.open(o, userAgent, state), o);
        });
    }

    /** A token from email and password in the body, or for the logged-in caller. */
    @Transactional(Transactional.TxType.NEVER)
    public NewToken token(@NotNull @Valid TokenRequest request, String address) {
        if (request.email() != null || request.password() != null) {
            // no one is logged in: the account is found across the instance, its token made in its team
            return TeamScope.instanceWide(() -> checkPasswordThrottled(request.email(), request.password(), address, o -> {
                        if (o.totpSecret != null || ((Team) Team.findById(o.teamId)).twoFactorRequired) {
                            // a password alone must not open what the login form guards with a second factor
                            throw Problems.forbidden("This account logs in with two-factor login: log in on the login page, "
                                    + "then create a token on the Settings page (or send no email and password with a session)");
                        }
                        return tokens.issue(o, request.name());
                    })
                    .orElseThrow(() -> Problems.unauthorized("Wrong email or password")));
        }
        if (!current.isLoggedIn()) {
            throw Problems.unauthorized("Send your email and password, or log in first");
        }
        if (current.sessionId().isEmpty()) {
            // a token that could mint tokens would outlive its own revocation: a leaked one would leave a spare
            throw Problems.forbidden("A token cannot create another token; send your email and password, "
                    + "or create it on the Settings page");
        }
        return tokens.issueForCurrent(request.name());
    }

    /** {@code field}: the name's field as the request names it, for its refusal. */
    private Team newTeam(String field, String name, String timeZone) {
        Team team = new Team();
        // read as every other name is (Text.name): an accent alone or U+FFFF was stored as a team's name (the walk)
        team.name = Text.name(field, name, 200);
        team.timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : zone(timeZone);
        team.persist();
        return team;
    }

    /**
     * {@code fields}: where the request holds the organizer ("" or "admin."), so its refusals name its fields as the
     * request does (a taken email on a new team had said "email", beside "admin.displayName": the walk).
     */
    private Organizer newOrganizer(Team team, String email, String displayName, String fields, Role role,
                                   String passwordHash) {
        String normalized = email.trim();
        // emails are unique in the whole instance (they name the account at login)
        if (TeamScope.instanceWide(() -> Organizer.count("emailKey = lower(?1)", normalized) > 0)) {
            throw Problems.conflict(fields + "email", "An organizer with this email already exists");
        }
        Organizer o = new Organizer();
        o.teamId = team.id;
        o.email = normalized;
        // read as it looks, as people's and places' names are (Text.name): a pasted no-break space, doubled spaces
        o.displayName = Text.name(fields + "displayName", displayName, 200);
        o.role = role;
        o.passwordHash = passwordHash;
        o.persist();
        return o;
    }

    /**
     * A time zone by name. Fixed offsets ("+02:00", "UTC+2") are refused although Java takes
     * them: PostgreSQL, which turns times into the team's dates for the reports, reads such
     * strings as POSIX zones, east and west swapped. Names from the tz database mean the same
     * in both. Public for the restore, which applies the same rule to an archive's team.
     */
    public String zone(String id) {
        String zone;
        try {
            zone = ZoneId.of(named(id.trim())).getId();
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

    /**
     * A zone name as the tz database spells it, when it is one typed in another case
     * ("america/new_york"): the names are case-sensitive in Java and PostgreSQL, but no two differ
     * by case alone, so there is one meant.
     */
    private static String named(String typed) {
        return ZoneNames.BY_LOWER_CASE.getOrDefault(typed.toLowerCase(Locale.ROOT), typed);
    }

    /** The tz names by their lower case, made once when first asked: ZoneId.getAvailableZoneIds copies ~600 per call. */
    private static final class ZoneNames {
        static final Map<String, String> BY_LOWER_CASE = ZoneId.getAvailableZoneIds().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(n -> n.toLowerCase(Locale.ROOT), n -> n));
    }

}
