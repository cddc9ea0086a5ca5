package org.groundwork.organization;

import org.groundwork.platform.Versioned;
import org.groundwork.platform.Text;
import org.groundwork.platform.UniqueNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.audit.Before;
import org.groundwork.organization.UnitJson.NewUnit;
import org.groundwork.organization.UnitJson.UnitChange;
import org.groundwork.organization.UnitJson.UnitView;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Patch;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.TeamScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.groundwork.platform.Patch.required;

/**
 * Units inside an organization: the columns of the wall chart. One level of nesting (building
 * then floor, department then shift); the database keeps that rule too (trigger unit_one_level).
 * Unit writes are audited as changes of the organization's "units", so the audit trail's
 * vocabulary (a CHECK shared with every feature) stays as it is.
 */
@ApplicationScoped
@Transactional
public class UnitService {

    /** The records' {@code @Size(max = 200)} on a name, checked again once the name is composed (Text.name). */
    private static final int NAME_MAX = 200;


    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    OrganizationService organizations;
    @Inject
    Audit audit;

    /** A unit of this organization of the caller's team, or 404 (the same for another team's or organization's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    Unit require(UUID organizationId, UUID unitId) {
        return inOrganization(organizations.require(organizationId).id, unitId, () -> Problems.notFound("unit"));
    }

    /**
     * The one rule for a unit named by id (the unit's own address, a removed unit's people's destination, a
     * parent): a unit of the caller's team in this organization, else {@code refused} (the same for an unknown
     * id, another team's and another organization's). Loaded by id in the team's scope (TeamScoped.find, and
     * row-level security under it), whatever the persistence context holds. The wall chart, which has read the
     * organization's units ({@link #list}: the same rule, for all of them), looks its column up in that list.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Unit inOrganization(UUID organizationId, UUID unitId, Supplier<ProblemException> refused) {
        return TeamScoped.find(Unit.class, unitId).filter(u -> u.organizationId.equals(organizationId)).orElseThrow(refused);
    }

    /** The organization's units, parents first then their units, each group in chart order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitView> list(UUID organizationId) {
        Organization o = organizations.require(organizationId);
        return em.createQuery("""
                        select u from Unit u left join Unit p on p.id = u.parentId
                        where u.teamId = :team and u.organizationId = :organization
                        order by coalesce(p.position, u.position), coalesce(lower(p.name), lower(u.name)),
                                 coalesce(p.id, u.id), case when u.parentId is null then 0 else 1 end,
                                 u.position, lower(u.name)""", Unit.class)
                .setParameter("team", o.teamId)
                .setParameter("organization", o.id)
                .getResultStream().map(UnitView::of).toList();
    }

    /** Whether a unit of that id is in the caller's team, in any organization (removed, or never one: false). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(UUID unitId) {
        return TeamScoped.find(Unit.class, unitId).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<UnitView> find(UUID organizationId, UUID unitId) {
        Unit u = require(organizationId, unitId);
        return new Versioned<>(UnitView.of(u), u.version);
    }

    /**
     * A unit's name as the chart says it, its parent's first ("Loading dock · Night shift"): two units inside
     * others may share a name, and the inner name alone did not tell which (a walk).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String fullName(UUID organizationId, UUID unitId) {
        Unit u = require(organizationId, unitId);
        return u.parentId == null ? u.name : require(organizationId, u.parentId).name + " · " + u.name;
    }

    public Versioned<UnitView> create(UUID organizationId, @NotNull @Valid NewUnit request) {
        holdUnits(organizationId);
        Organization o = organizations.require(organizationId);
        Unit u = new Unit();
        u.teamId = o.teamId;
        u.organizationId = o.id;
        u.name = Text.name("name", request.name(), NAME_MAX);
        u.kind = request.kind() == null ? UnitKind.OTHER : request.kind();
        u.parentId = parent(o, request.parentId(), null);
        u.position = request.position() != null ? request.position() : nextPosition(o.id);
        refuseDuplicate(u, u.name);
        u.persist();
        audit.changed(AuditKind.CHANGED, AuditEntity.ORGANIZATION, o.id, "units");
        // two saves racing for one name both pass the look above: the second hears the same words from the index
        UniqueNames.flush(em, "unit_name_key", () -> taken(u.name));
        return new Versioned<>(UnitView.of(u), u.version);
    }

    public Versioned<UnitView> change(UUID organizationId, UUID unitId, Patch<UnitChange> patch, String ifMatch) {
        if (patch.has("parentId")) {
            holdUnits(organizationId);
        } else {
            organizations.waitBriefly();
        }
        Unit u = require(organizationId, unitId);
        ETags.check(ifMatch, u.version);
        Before before = audit.before(u, UnitChange.class);
        UnitChange v = patch.value();
        if (patch.has("name")) {
            String name = Text.name("name", required(v.name(), "name"), NAME_MAX);
            // always asked (the unit itself is left out): Java's equalsIgnoreCase is not the index's lower()
            refuseDuplicate(u, name);
            u.name = name;
        }
        if (patch.has("kind")) {
            u.kind = required(v.kind(), "kind");
        }
        if (patch.has("position")) {
            u.position = required(v.position(), "position");
        }
        if (patch.has("parentId")) {
            Organization o = organizations.require(organizationId);
            UUID parent = parent(o, v.parentId(), u);
            if (parent != null && Unit.count("parentId", u.id) > 0) {
                throw Problems.invalid("parentId", "this unit has units inside it, so it cannot sit inside another");
            }
            u.parentId = parent;
            refuseDuplicate(u, u.name);
        }
        // a unit's change is its organization's "units" (the trail has no unit type); only a real one
        if (!before.changed().isEmpty()) {
            audit.changed(AuditKind.CHANGED, AuditEntity.ORGANIZATION, u.organizationId, "units");
        }
        UniqueNames.flush(em, "unit_name_key", () -> taken(u.name));
        return new Versioned<>(UnitView.of(u), u.version);
    }

    /** Removes a unit (and the units inside it); their people stay in the organization, in "no unit". */
    public void delete(UUID organizationId, UUID unitId, String ifMatch) {
        delete(organizationId, unitId, ifMatch, null);
    }

    /**
     * Removes a unit and the units inside it; their people move to {@code moveTo} (another unit of
     * the organization, outside the one removed) or, when it is null, to "no unit".
     */
    public void delete(UUID organizationId, UUID unitId, String ifMatch, UUID moveTo) {
        holdUnits(organizationId);
        Unit u = require(organizationId, unitId);
        ETags.check(ifMatch, u.version);
        em.flush();
        if (moveTo != null) {
            Unit to = inOrganization(u.organizationId, moveTo, () -> Problems.unknownReference("moveTo", "unit of this organization"));
            if (to.id.equals(u.id) || u.id.equals(to.parentId)) {
                throw Problems.invalid("moveTo", "that unit is removed too: choose another, or no unit");
            }
            int moved = em.createNativeQuery("""
                            update contact set unit_id = :to, updated_at = now(), version = version + 1
                            where team_id = :team and organization_id = :organization
                              and unit_id in (select id from unit where team_id = :team and (id = :unit or parent_id = :unit))""")
                    .setParameter("to", to.id).setParameter("team", u.teamId).setParameter("organization", u.organizationId)
                    .setParameter("unit", u.id).executeUpdate();
            if (moved > 0) {
                audit.counted(AuditKind.CHANGED, AuditEntity.CONTACT, moved, moved);
            }
        }
        em.createNativeQuery("delete from unit where team_id = :team and (id = :unit or parent_id = :unit)")
                .setParameter("team", u.teamId).setParameter("unit", u.id).executeUpdate();
        em.detach(u);
        audit.changed(AuditKind.CHANGED, AuditEntity.ORGANIZATION, organizationId, "units");
    }

    /**
     * The organization's units held still for a change of their shape (a unit made, moved under another, removed),
     * before any of them is read: the unit's version, a parent's own parent, a {@code moveTo} are then as they will be
     * at commit. Two removals crossed (Days' people to Nights, Nights' to Days), or two units moved each under the
     * other, each decided from what the other was changing, and the second met the database's foreign key or
     * one-level rule: a bare 409 and a warning in the log (the probe). Now the second waits, then is told on its field.
     */
    private void holdUnits(UUID organizationId) {
        Organization o = organizations.require(organizationId);
        if (organizations.holdUnits(o.teamId, o.id).isEmpty()) {
            // merged into another meanwhile (a unit made then met the merge's deletion: a bare 409, the probe)
            throw Problems.notFound("organization");
        }
    }

    /**
     * Moves a unit one place up or down among its siblings (the top-level units, or the units of
     * one parent), renumbering them 0, 1, 2… in their current order so equal positions (the
     * import's, an API client's) still move.
     */
    public boolean shift(UUID organizationId, UUID unitId, boolean up) {
        // one move at a time in an organization, each from the order the one before left: two at once (a double
        // click, two organizers) met each other's version, a bare 409 (the walk)
        holdUnits(organizationId);
        Unit u = require(organizationId, unitId);
        var query = em.createQuery("select u from Unit u where u.teamId = :team and u.organizationId = :organization and "
                        + (u.parentId == null ? "u.parentId is null" : "u.parentId = :parent")
                        + " order by u.position, lower(u.name), u.id", Unit.class)
                .setParameter("team", u.teamId).setParameter("organization", u.organizationId);
        if (u.parentId != null) {
            query.setParameter("parent", u.parentId);
        }
        List<Unit> siblings = query.getResultList();
        List<Unit> order = new java.util.ArrayList<>(siblings);
        int at = order.indexOf(u);
        int to = up ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= order.size()) {
            return false;
        }
        order.set(at, order.get(to));
        order.set(to, u);
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).position != i) {
                order.get(i).position = Math.min(i, 100000);
            }
        }
        audit.changed(AuditKind.CHANGED, AuditEntity.ORGANIZATION, u.organizationId, "units");
        em.flush();
        return true;
    }

    /** Live people per unit of the organization (the key null is "no unit"), in one grouped query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<UUID, Long> people(UUID organizationId) {
        Organization o = organizations.require(organizationId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select unit_id, count(*) from contact
                        where team_id = :team and organization_id = :organization and erased_at is null
                        group by unit_id""")
                .setParameter("team", o.teamId).setParameter("organization", o.id).getResultList();
        java.util.Map<UUID, Long> people = new java.util.HashMap<>();
        rows.forEach(r -> people.put((UUID) r[0], ((Number) r[1]).longValue()));
        return people;
    }

    /** For a contact's {@code unitId}: a unit of that organization in the caller's team, else 400 on the field. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkPlacement(UUID organizationId, UUID unitId) {
        if (unitId == null) {
            return;
        }
        if (organizationId == null) {
            throw Problems.invalid("unitId", "a unit needs the contact's organization (organizationId)");
        }
        // the organization's units held still until this write commits, shared with other such writes: a unit removed
        // at that moment moved its people, then met this one's (uncommitted then) and left them in no unit, or a bare
        // 409 on the foreign key (the probe). Now the removal waits for it, or it for the removal and is told here
        if (!organizations.keepUnits(organizationId)) {
            throw Problems.unknownReference("organizationId", "organization");
        }
        long found = Unit.count("id = ?1 and teamId = ?2 and organizationId = ?3", unitId, current.teamId(), organizationId);
        if (found == 0) {
            throw Problems.unknownReference("unitId", "unit of the contact's organization");
        }
    }

    private UUID parent(Organization o, UUID parentId, Unit self) {
        if (parentId == null) {
            return null;
        }
        if (self != null && parentId.equals(self.id)) {
            throw Problems.invalid("parentId", "a unit cannot sit inside itself");
        }
        Unit p = inOrganization(o.id, parentId, () -> Problems.unknownReference("parentId", "unit of this organization"));
        if (p.parentId != null) {
            throw Problems.invalid("parentId", "units nest one level only: that unit is already inside another");
        }
        return p.id;
    }

    private void refuseDuplicate(Unit u, String name) {
        // the unique index refuses a racing duplicate too (as a 409); this gives the clearer answer.
        // The name (trimmed) folded by PostgreSQL, as unit_name_key folds (platform/Folding)
        // said by the name it has ("Floor 1" for "floor 1 " typed: the walk looked for the name typed)
        Optional<Unit> same = u.parentId == null
                ? Unit.find("teamId = ?1 and organizationId = ?2 and parentId is null and lower(trim(name)) = lower(?3) and id <> ?4",
                u.teamId, u.organizationId, name, u.id).firstResultOptional()
                : Unit.find("teamId = ?1 and organizationId = ?2 and parentId = ?3 and lower(trim(name)) = lower(?4) and id <> ?5",
                u.teamId, u.organizationId, u.parentId, name, u.id).firstResultOptional();
        if (same.isPresent()) {
            throw taken(same.get().name);
        }
    }

    private static ProblemException taken(String name) {
        return Problems.conflict("name", "This organization already has a unit named '" + name + "' there");
    }

    private int nextPosition(UUID organizationId) {
        Integer max = em.createQuery("select max(u.position) from Unit u where u.organizationId = :o", Integer.class)
                .setParameter("o", organizationId).getSingleResult();
        return max == null ? 0 : Math.min(100000, max + 1);
    }
}
