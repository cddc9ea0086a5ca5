package org.groundwork.organization;

import org.groundwork.platform.TeamScoped;

import jakarta.enterprise.context.ApplicationScoped;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.groundwork.organization.OrganizationJson.NewOrganization;
import org.groundwork.organization.OrganizationJson.OrganizationView;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.Page;
import org.groundwork.platform.Problems;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Workplaces, unions, buildings…: the places contacts belong to. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    Audit audit;

    /** An organization of the caller's team, or 404 (the same answer for another team's id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization require(UUID id) {
        return TeamScoped.require(Organization.class, id, "organization");
    }

    /** For references inside request bodies, which answer 400 rather than 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isInTeam(UUID id) {
        return TeamScoped.find(Organization.class, id).isPresent();
    }

    public Organization create(@NotNull @Valid NewOrganization request) {
        String name = request.name().trim();
        // the unique index also refuses a racing duplicate (as a 409); this gives the clearer answer
        if (byName(name) != null) {
            throw Problems.conflict("Your team already has an organization named '" + name + "'");
        }
        Organization o = new Organization();
        o.teamId = current.teamId();
        o.name = name;
        o.kind = request.kind() == null ? OrganizationKind.OTHER : request.kind();
        o.persist();
        audit.record(AuditKind.CREATED, AuditEntity.ORGANIZATION, o.id);
        em.flush();
        return o;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationView> list(String q, int limit, String cursor) {
        UUID after = Cursor.id(cursor);
        String search = q == null || q.isBlank() ? null : "%" + likeEscaped(q.trim().toLowerCase(Locale.ROOT)) + "%";
        var query = em.createQuery("""
                        select new org.groundwork.organization.OrganizationJson$OrganizationView(o.id, o.name, o.kind, o.createdAt)
                        from Organization o
                        where o.teamId = :team and o.id > :after
                        """ + (search == null ? "" : " and lower(o.name) like :search escape '\\'") + """
                         order by o.id""", OrganizationView.class)
                .setParameter("team", current.teamId())
                .setParameter("after", after == null ? new UUID(0, 0) : after)
                .setMaxResults(limit + 1);
        if (search != null) {
            query.setParameter("search", search);
        }
        List<OrganizationView> rows = query.getResultList();
        return Page.of(rows, limit, v -> Cursor.of(v.id()));
    }

    private Organization byName(String name) {
        return Organization.<Organization>find("teamId = ?1 and lower(name) = ?2",
                current.teamId(), name.toLowerCase(Locale.ROOT)).firstResult();
    }

    /** So a search for "50%" or "a_b" matches those characters, not any. */
    public static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
