package org.groundwork.organizer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.organizer.OrganizerJson.SessionView;
import org.groundwork.platform.Page;
import org.groundwork.platform.Problems;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Login sessions kept in PostgreSQL. The form login's encrypted cookie only names a session;
 * whether it is still good is decided here on every request, so logging out, changing one's
 * password or being disabled ends it at once, on every app instance.
 */
@ApplicationScoped
@Transactional
public class LoginSessions {

    @Inject
    EntityManager em;
    @Inject
    Audit audit;
    @Inject
    CurrentOrganizer current;

    private static final Duration PENDING = Duration.ofMinutes(15);

    /** Longest a session lives however active it is; the cookie's own idle timeout ends it sooner. */
    @ConfigProperty(name = "groundwork.session.max-age", defaultValue = "P14D")
    Duration maxAge;
    /** The form login's idle timeout: a session unused this long is over (and no longer listed). */
    @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M")
    Duration idle;

    record Live(LoginSession session, Organizer organizer) {
    }

    LoginSession open(Organizer organizer, String userAgent, String state) {
        // ended sessions are kept a while (nothing lists them), then forgotten at their owner's next login
        em.createNativeQuery("""
                        delete from login_session where organizer_id = ?1
                        and (revoked_at < now() - interval '30 days' or expires_at < now() - interval '30 days')""")
                .setParameter(1, organizer.id).executeUpdate();
        LoginSession s = new LoginSession();
        s.teamId = organizer.teamId;
        s.organizerId = organizer.id;
        s.device = device(userAgent);
        s.state = state;
        // a session waiting for its second factor is short-lived
        s.expiresAt = s.createdAt.plus(LoginSession.FULL.equals(state) ? maxAge : PENDING);
        s.persist();
        return s;
    }

    /** The second factor is given: the session of this request opens fully. */
    void complete() {
        current.sessionId().ifPresent(this::open);
    }

    private void open(UUID id) {
        em.createNativeQuery("""
                        update login_session set state = 'full', expires_at = created_at + ?2 * interval '1 second'
                        where id = ?1 and revoked_at is null""")
                .setParameter(1, id).setParameter(2, maxAge.toSeconds()).executeUpdate();
    }

    /** The session a cookie names, if it is still live; notes when it was last seen (at most once a minute). */
    Optional<Live> live(String sessionId) {
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("""
                        select s, o from LoginSession s, Organizer o
                        where s.id = :id and o.id = s.organizerId and o.active = true
                          and s.revokedAt is null and s.expiresAt > :now and s.lastSeenAt > :idleSince""", Object[].class)
                .setParameter("id", id)
                .setParameter("now", Instant.now())
                .setParameter("idleSince", Instant.now().minus(idle))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        LoginSession session = (LoginSession) rows.get(0)[0];
        // sent only when due (read with the session): every page request comes through here
        if (session.lastSeenAt == null || session.lastSeenAt.isBefore(Instant.now().minus(Duration.ofMinutes(1)))) {
            em.createNativeQuery("""
                            update login_session set last_seen_at = now()
                            where id = ?1 and last_seen_at < now() - interval '1 minute'""")
                    .setParameter(1, id)
                    .executeUpdate();
        }
        if (LoginSession.ENROL.equals(session.state) && !((Team) Team.findById(session.teamId)).twoFactorRequired) {
            // the team stopped requiring two-factor login while this session waited to set it up: it opens, as a
            // login now would (a walk: it stayed on the set-up page, every link sending it back there)
            open(id);
            em.refresh(session);
        }
        return Optional.of(new Live(session, (Organizer) rows.get(0)[1]));
    }

    /** Logging out: ends the session of this request, if a session made it. */
    public void endCurrent() {
        if (current.isLoggedIn()) {
            current.sessionId().ifPresent(id -> {
                em.createNativeQuery("update login_session set revoked_at = now() where id = ?1 and revoked_at is null")
                        .setParameter(1, id).executeUpdate();
                audit.logout(current.id(), current.teamId());
            });
        }
    }

    /** One of one's own sessions, from the settings page or the API. */
    public void end(UUID id) {
        int n = em.createNativeQuery("""
                        update login_session set revoked_at = now()
                        where id = ?1 and organizer_id = ?2 and team_id = ?3 and revoked_at is null""")
                .setParameter(1, id).setParameter(2, current.id()).setParameter(3, current.teamId())
                .executeUpdate();
        if (n == 0) {
            boolean endedAlready = !em.createNativeQuery("""
                            select 1 from login_session
                            where id = ?1 and organizer_id = ?2 and team_id = ?3 and revoked_at is not null""")
                    .setParameter(1, id).setParameter(2, current.id()).setParameter(3, current.teamId())
                    .getResultList().isEmpty();
            throw endedAlready ? Problems.already(Problems.SESSION_ENDED_ALREADY) : Problems.notYours("session");
        }
        // audited as a token's revocation is: a stolen session ending its owner's others left no trace (a walk)
        audit.record(AuditKind.REVOKED, AuditEntity.SESSION, id);
    }

    /** "Log out everywhere": every one of one's sessions, this one included; audited with how many ended. */
    public int endAllOfCurrent() {
        int ended = endAll(current.id());
        audit.counted(AuditKind.REVOKED, AuditEntity.SESSION, ended, null);
        return ended;
    }

    /** Every session of an organizer (password changed, account disabled). */
    int endAll(UUID organizerId) {
        return em.createNativeQuery(
                        "update login_session set revoked_at = now() where organizer_id = ?1 and revoked_at is null")
                .setParameter(1, organizerId).executeUpdate();
    }

    /** One's live sessions, most recently seen first; the one of this request is marked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SessionView> listOfCurrent() {
        UUID mine = current.sessionId().orElse(null);
        List<LoginSession> rows = LoginSession.find("""
                        organizerId = ?1 and teamId = ?2 and revokedAt is null and expiresAt > ?3 and lastSeenAt > ?4
                        and state = 'full'
                        order by lastSeenAt desc, id""",
                current.id(), current.teamId(), Instant.now(), Instant.now().minus(idle))
                .range(0, Page.MAX_LIMIT - 1).list();
        return new Page<>(rows.stream()
                .map(s -> new SessionView(s.id, s.device, s.createdAt, s.lastSeenAt, s.id.equals(mine)))
                .toList(), null);
    }

    /** The stored device's words that are not names; the settings page says them in its language (DeviceWords). */
    static final String UNKNOWN_DEVICE = "Unknown device";
    static final String ANY_BROWSER = "Browser";
    static final String HTTP_CLIENT = "HTTP client";
    static final String ON = " on ";

    /** "Firefox on Linux": enough to recognise one's own devices, without keeping the full User-Agent. */
    static String device(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN_DEVICE;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge"
                : ua.contains("opr/") || ua.contains("opera") ? "Opera"
                : ua.contains("firefox/") ? "Firefox"
                : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome"
                : ua.contains("safari/") ? "Safari"
                : ua.contains("curl/") ? "curl"
                : ua.contains("apache-httpclient") ? HTTP_CLIENT
                : ANY_BROWSER;
        String system = ua.contains("android") ? "Android"
                : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows"
                : ua.contains("mac os") || ua.contains("macintosh") ? "macOS"
                : ua.contains("cros") ? "ChromeOS"
                : ua.contains("linux") ? "Linux"
                : null;
        return system == null ? browser : browser + ON + system;
    }
}
