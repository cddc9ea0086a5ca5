package org.groundwork.organization;

import org.groundwork.platform.Versioned;
import org.groundwork.platform.TeamScoped;

import jakarta.enterprise.context.ApplicationScoped;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.audit.Before;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.groundwork.organization.OrganizationJson.Merge;
import org.groundwork.organization.OrganizationJson.NewOrganization;
import org.groundwork.organization.OrganizationJson.OrganizationChange;
import org.groundwork.organization.OrganizationJson.Overview;
import org.groundwork.organizer.Role;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Patch;
import org.groundwork.platform.Word;
import java.util.Map;
import org.groundwork.organization.OrganizationJson.OrganizationView;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.Page;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.LongChanges;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Text;
import org.groundwork.platform.UniqueNames;

import java.util.List;
import java.util.HashMap;
import java.util.UUID;

/** Workplaces, unions, buildings…: the places contacts belong to. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    /** The records' {@code @Size(max = 200)} on a name, checked again once the name is composed (Text.name). */
    private static final int NAME_MAX = 200;


    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    Audit audit;

    /** An organization of the caller's team, or 404 (the same answer for another team's id); for this feature's services. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Organization require(UUID id) {
        return TeamScoped.require(Organization.class, id, "organization");
    }

    /** One organization with its version (the ETag), or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<OrganizationView> find(UUID id) {
        Organization o = require(id);
        return new Versioned<>(OrganizationView.of(o), o.version);
    }

    /** For references inside request bodies, which answer 400 rather than 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isInTeam(UUID id) {
        return TeamScoped.find(Organization.class, id).isPresent();
    }

    public Versioned<OrganizationView> create(@NotNull @Valid NewOrganization request) {
        waitBriefly();
        String name = Text.name("name", request.name(), NAME_MAX);
        if (byName(name) != null) {
            throw taken(name);
        }
        Organization o = new Organization();
        o.teamId = current.teamId();
        o.name = name;
        o.kind = request.kind() == null ? OrganizationKind.OTHER : request.kind();
        o.persist();
        audit.record(AuditKind.CREATED, AuditEntity.ORGANIZATION, o.id);
        UniqueNames.flush(em, "organization_name_key", () -> taken(o.name));
        return new Versioned<>(OrganizationView.of(o), o.version);
    }

    public Versioned<OrganizationView> change(UUID id, Patch<OrganizationChange> patch, String ifMatch) {
        Organization o = require(id);
        // a stale version is told at once, not after a wait for an import
        ETags.check(ifMatch, o.version);
        // the update below takes the row as holdUnits does, and would wait for an import without bound
        if (holdUnits(o.teamId, o.id).isEmpty()) {
            throw Problems.notFound("organization");
        }
        // read again once held: a change committed while this one waited is compared here (a 412), not met by the
        // update's own version check (a bare 409, and an error a page did not catch: the review)
        em.refresh(o);
        ETags.check(ifMatch, o.version);
        Before before = audit.before(o, OrganizationChange.class);
        OrganizationChange v = patch.value();
        if (patch.has("name")) {
            String name = Text.name("name", Patch.required(v.name(), "name"), NAME_MAX);
            Organization same = byName(name);
            if (same != null && !same.id.equals(o.id)) {
                throw taken(name);
            }
            o.name = name;
        }
        if (patch.has("kind")) {
            o.kind = Patch.required(v.kind(), "kind");
        }
        audit.changed(AuditKind.CHANGED, AuditEntity.ORGANIZATION, o.id, before);
        UniqueNames.flush(em, "organization_name_key", () -> taken(o.name));
        return new Versioned<>(OrganizationView.of(o), o.version);
    }

    /**
     * Merges an organization into another (two spellings of one workplace): its people and its
     * units move to the other, a unit whose name the other already has joins that unit (and so
     * do the units inside it), and the merged organization is removed. A coordinator's decision.
     * Its people move in one statement whose triggers move their minutes and headcount between places (~0.09 ms a
     * person here since V28_19, 2.4 ms before): an organization of 75,000 ran past the 60 s of any other change into
     * a 500 (the walk), so a merge has the import's 30 minutes.
     * <p>
     * {@code ifMatch} (the API's; null from the page): a version it names is the merged organization's, as its PATCH
     * takes, checked once its row is held; a stale one is a 412 before anything moves (a walk: ignored, and the
     * organization merged away for good).
     */
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 1800)
    public Versioned<OrganizationView> merge(UUID id, @NotNull @Valid Merge request, String ifMatch) {
        if (!current.has(Role.COORDINATOR)) {
            throw Problems.forbidden("Merging organizations is for coordinators and admins");
        }
        Organization from = require(id);
        if (!isInTeam(request.intoOrganizationId())) {
            throw Problems.unknownReference("intoOrganizationId", "organization");
        }
        if (request.intoOrganizationId().equals(from.id)) {
            throw Problems.invalid("intoOrganizationId", "an organization cannot be merged into itself");
        }
        // both held before their units and people are read (from's row, read above, gives only its id and team,
        // which do not change): two merges crossed (A into B, B into A) each read both, and the second met the
        // first's deletion, a bare 409 (the probe); now it waits, then finds what is left
        List<?> held = holdUnits(from.teamId, from.id, request.intoOrganizationId());
        if (!held.contains(from.id)) {
            throw Problems.notFound("organization");
        }
        if (!held.contains(request.intoOrganizationId())) {
            throw Problems.unknownReference("intoOrganizationId", "organization");
        }
        // its version as it is now that its row is held: a rename committed since it was read is a stale If-Match
        em.refresh(from);
        ETags.check(ifMatch, from.version);
        Organization into = require(request.intoOrganizationId());
        em.flush();
        UUID team = from.teamId;
        // its people's rows are held until it commits: the team's requests meanwhile wait briefly for them
        LongChanges.untilTheTransactionEnds(team);
        // the people and units move in several statements; the keys are checked once, at commit
        em.createNativeQuery("set constraints contact_unit_fk, unit_parent_fk deferred").executeUpdate();
        for (Object[] clash : rows("""
                select a.id, b.id from unit a join unit b
                  on b.team_id = a.team_id and b.organization_id = :into and b.parent_id is null
                 and lower(btrim(b.name)) = lower(btrim(a.name))
                where a.team_id = :team and a.organization_id = :from and a.parent_id is null""", team,
                Map.of("from", from.id, "into", into.id))) {
            UUID a = (UUID) clash[0];
            UUID b = (UUID) clash[1];
            for (Object[] child : rows("""
                    select a.id, b.id from unit a left join unit b
                      on b.team_id = a.team_id and b.parent_id = :b and lower(btrim(b.name)) = lower(btrim(a.name))
                    where a.team_id = :team and a.parent_id = :a""", team, Map.of("a", a, "b", b))) {
                if (child[1] != null) {
                    moveUnit(team, (UUID) child[0], (UUID) child[1], into.id);
                } else {
                    sql("update unit set organization_id = :into, parent_id = :b, version = version + 1 where id = :a and team_id = :team",
                            team, Map.of("into", into.id, "b", b, "a", child[0]));
                }
            }
            moveUnit(team, a, b, into.id);
        }
        sql("update unit set organization_id = :into, version = version + 1 where organization_id = :from and team_id = :team",
                team, Map.of("into", into.id, "from", from.id));
        sql("""
                update contact set organization_id = :into, updated_at = now(), version = version + 1
                where organization_id = :from and team_id = :team""", team, Map.of("into", into.id, "from", from.id));
        em.detach(from);
        sql("delete from organization where id = :from and team_id = :team", team, Map.of("from", from.id));
        audit.record(AuditKind.DELETED, AuditEntity.ORGANIZATION, from.id);
        audit.changed(AuditKind.CHANGED, AuditEntity.ORGANIZATION, into.id, "merged");
        em.flush();
        em.refresh(into);
        return new Versioned<>(OrganizationView.of(into), into.version);
    }

    /** The people of unit a go to unit b (of the organization {@code into}); unit a goes. */
    private void moveUnit(UUID team, UUID a, UUID b, UUID into) {
        sql("""
                update contact set organization_id = :into, unit_id = :b, updated_at = now(), version = version + 1
                where unit_id = :a and team_id = :team""", team, Map.of("into", into, "a", a, "b", b));
        sql("delete from unit where id = :a and team_id = :team", team, Map.of("a", a));
    }

    /**
     * These organizations' rows held, in id order, while their units change shape (UnitService: a unit made, moved,
     * removed; a merge here): one such change at a time in an organization, each deciding from what the one before
     * left. FOR NO KEY UPDATE does not wait for the key checks every contact write takes on the row. The ids of
     * those still there: one merged away meanwhile is not.
     */
    List<?> holdUnits(UUID team, UUID... organizationIds) {
        // an import holds the row (keepUnits) until it commits: ~20 s for 100,000 rows, and a by-hand change
        // waited all of it, past the request's own timeout into a bare error (the review); now a short wait, then
        // words. For the rest of the change too: a merge's or a removal's move of people an import is changing
        // waits as long at most for each row (ProblemMapper answers that wait's end, 55P03, with a 409)
        waitBriefly();
        try {
            return em.createNativeQuery("select id from organization where team_id = :team and id in (:ids) order by id for no key update")
                    .setParameter("team", team).setParameter("ids", java.util.Arrays.asList(organizationIds)).getResultList();
        } catch (jakarta.persistence.PersistenceException e) {
            // lock_timeout ran out: the words of this wait; any other failure as it was
            throw org.groundwork.platform.ProblemMapper.waitedForALock(e) ? Problems.conflict(BUSY) : e;
        }
    }

    /**
     * Every row wait of the rest of this change of places bounded by {@link #HOLD_WAIT}, then a 409 (ProblemMapper):
     * an import that makes an organization or a unit holds the team's places version row (V28_2) until it commits,
     * and a new organization, a unit renamed or moved up waited for all of it (the review).
     */
    void waitBriefly() {
        em.createNativeQuery("set local lock_timeout = '" + HOLD_WAIT + "'").executeUpdate();
    }

    /** How long a by-hand change of a place waits for each row another transaction holds (an import, a merge). */
    static final String HOLD_WAIT = "3s";

    public static final String BUSY = "Someone is importing people into this organization or changing its units right now; nothing was saved. Try again when they have finished.";

    /**
     * The organization's row held shared (FOR SHARE) while a person is put into it or one of its units: side by side
     * with other such writes, never beside a change of the units' shape or a merge ({@link #holdUnits}). False when
     * the team has no such organization (merged away meanwhile). A query of the entity, so
     * the person's own pending changes are not flushed first (a native query would: their row held before this
     * could meet a removal moving that row).
     */
    public boolean keepUnits(UUID organizationId) {
        // the team said here as well as by row-level security, as TeamScoped says it (the review)
        return !em.createQuery("select o.id from Organization o where o.id = :id and o.teamId = :team", UUID.class)
                .setParameter("id", organizationId).setParameter("team", current.teamId())
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_READ).getResultList().isEmpty();
    }

    /**
     * {@link #keepUnits} for work on the transaction's own JDBC connection (the import, which has no request and
     * writes through it): the same row held the same way (FOR SHARE), the team said as well.
     */
    public static boolean keepUnits(java.sql.Connection conn, UUID team, UUID organizationId) throws java.sql.SQLException {
        try (var ps = conn.prepareStatement("select id from organization where team_id = ? and id = ? for share")) {
            ps.setObject(1, team);
            ps.setObject(2, organizationId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void sql(String sql, UUID team, Map<String, Object> params) {
        var q = em.createNativeQuery(sql).setParameter("team", team);
        params.forEach(q::setParameter);
        q.executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID team, Map<String, Object> params) {
        var q = em.createNativeQuery(sql).setParameter("team", team);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Every organization of the team with its live people by level, in one query (the merge form's choice). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Overview> overview() {
        return overview(Integer.MAX_VALUE - 1, null).items();
    }

    /**
     * The organizations page: a page of the team's organizations by name with their live people
     * by level, in one query; the cursor is the last name shown (lower-cased) and its id.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Overview> overview(int limit, String cursor) {
        Cursor.List cursors = Cursor.of(current.teamId(), "organizations by name");
        Cursor.Keyed after = cursors.keyed(cursor);
        var query = em.createNativeQuery("""
                        select o.id, o.name, o.kind, count(c.id),
                               count(c.id) filter (where c.engagement_level = 'new'),
                               count(c.id) filter (where c.engagement_level = 'less-involved'),
                               count(c.id) filter (where c.engagement_level = 'cadre'),
                               (select count(*) from unit u where u.team_id = o.team_id and u.organization_id = o.id),
                               lower(o.name)
                        from organization o
                        left join contact c on c.team_id = o.team_id and c.organization_id = o.id and c.erased_at is null
                        where o.team_id = :team""" + (after == null ? "" : " and (lower(o.name), o.id) > (:key, :id)") + """

                        group by o.id
                        order by lower(o.name), o.id
                        limit :n""")
                .setParameter("team", current.teamId())
                .setParameter("n", limit + 1);
        if (after != null) {
            query.setParameter("key", after.key()).setParameter("id", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        // the cursor keeps the database's own lower(name), so the next page starts exactly where this one ended
        Map<UUID, String> keys = new HashMap<>();
        List<Overview> found = rows.stream().map(r -> {
            keys.put((UUID) r[0], (String) r[8]);
            return new Overview((UUID) r[0], (String) r[1], Word.parse(OrganizationKind.class, (String) r[2], "kind"),
                    n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]));
        }).toList();
        return Page.of(found, limit, o -> cursors.of(keys.get(o.id()), o.id()));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationView> list(String q, int limit, String cursor) {
        // lower-cased by PostgreSQL, as the name it is compared with: Java's toLowerCase differs for
        // some letters ("İ", a final "Σ", every non-ASCII one under a C locale), and q typed as a
        // name is stored then found nothing
        // read as names are stored (Text.placeName): a combining accent or a no-break space typed finds the name
        String typed = Text.placeName(q);
        // only spaces of any kind, or what shows nothing, is a blank search, as the contacts' (a tab listed every
        // organization and a no-break space none)
        if (typed == null && !Text.showsNothing(q)) {
            // words that show nothing (an accent alone) find no organization, as the contacts' search finds no one;
            // they listed every organization (the walk)
            return Page.of(List.of(), limit, v -> null);
        }
        String search = typed == null ? null : "%" + likeEscaped(typed) + "%";
        Cursor.List cursors = Cursor.of(current.teamId(), "organizations", search);
        UUID after = cursors.id(cursor);
        var query = em.createQuery("""
                        select new org.groundwork.organization.OrganizationJson$OrganizationView(o.id, o.name, o.kind, o.createdAt)
                        from Organization o
                        where o.teamId = :team and o.id > :after
                        """ + (search == null ? "" : " and lower(o.name) like lower(:search) escape '\\'") + """
                         order by o.id""", OrganizationView.class)
                .setParameter("team", current.teamId())
                .setParameter("after", after == null ? new UUID(0, 0) : after)
                .setMaxResults(limit + 1);
        if (search != null) {
            query.setParameter("search", search);
        }
        List<OrganizationView> rows = query.getResultList();
        return Page.of(rows, limit, v -> cursors.of(v.id()));
    }

    /** Compared by PostgreSQL, as organization_name_key compares (Java's lower case differs for some letters). */
    private Organization byName(String name) {
        return Organization.<Organization>find("teamId = ?1 and lower(name) = lower(?2)", current.teamId(), name)
                .firstResult();
    }

    private static ProblemException taken(String name) {
        return Problems.conflict("name", "Your team already has an organization named '" + name + "'");
    }

    /** So a search for "50%" or "a_b" matches those characters, not any. */
    public static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
