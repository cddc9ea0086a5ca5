package org.groundwork.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.contact.TieJson.Direction;
import org.groundwork.contact.TieJson.NewTie;
import org.groundwork.contact.TieJson.TieRef;
import org.groundwork.contact.TieJson.TieView;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;
import org.groundwork.platform.TeamScoped;
import org.groundwork.platform.Word;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.groundwork.platform.Text.blankToNull;

/**
 * Ties between contacts of one team: close, family, neighbour (both ways, stored once with the
 * smaller id first, as PostgreSQL orders uuids) and listens-to (directed). Written as changes of
 * the contact's "ties" in the audit trail (ids only; a tie's note is never there). An erasure
 * removes the person's ties ({@link ContactService#erase}).
 */
@ApplicationScoped
@Transactional
public class TieService {

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    ContactService contacts;
    @Inject
    Audit audit;

    /** The contact's ties, listens-to first (who they listen to, then who listens to them), then by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TieView> list(UUID contactId) {
        Contact c = contacts.require(contactId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select t.id, t.kind, t.note, t.created_at, o.id as other_id, o.full_name, o.engagement_level,
                               case when t.kind <> 'listens-to' then 'both'
                                    when t.contact_id = :contact then 'listens-to' else 'listened-to-by' end as direction
                        from tie t
                        join contact o on o.team_id = t.team_id
                             and o.id = case when t.contact_id = :contact then t.other_contact_id else t.contact_id end
                        where t.team_id = :team and (t.contact_id = :contact or t.other_contact_id = :contact)
                          and o.erased_at is null
                        order by case when t.kind = 'listens-to' then 0 else 1 end, direction desc,
                                 lower(o.full_name), t.id""")
                .setParameter("team", c.teamId)
                .setParameter("contact", c.id)
                .getResultList();
        return rows.stream().map(r -> new TieView((UUID) r[0], c.id, (UUID) r[4], (String) r[5],
                Word.parse(Level.class, (String) r[6], "level"), Word.parse(TieKind.class, (String) r[1], "kind"),
                Word.parse(Direction.class, (String) r[7], "direction"), (String) r[2], instant(r[3]))).toList();
    }

    /** A tie to someone erased since the search found them: a page finds it in {@code web/Refusals}. */
    public static final String OTHER_ERASED = "this person was erased; a tie cannot name them";

    public TieView add(UUID contactId, @NotNull @Valid NewTie request) {
        Contact c = contacts.require(contactId);
        Contact other = other(c, request.otherContactId());
        // both held as a conversation holds its contact (ContactService.known), in id order: a tie's note
        // is about both, so an erasure of either waits for it and deletes it, or it waits and finds them gone
        Map<UUID, ContactService.Known> both = contacts.knownAll(List.of(c.id, other.id));
        if (!both.containsKey(c.id)) {
            throw Problems.erased(); // found live a moment ago: erased while this waited
        }
        if (!both.containsKey(other.id)) {
            throw Problems.invalid("otherContactId", OTHER_ERASED);
        }
        TieKind kind = request.kind();
        Tie t = new Tie();
        t.teamId = c.teamId;
        t.kind = kind;
        t.contactId = kind.directed() || Ids.precedes(c.id, other.id) ? c.id : other.id;
        t.otherContactId = t.contactId.equals(c.id) ? other.id : c.id;
        t.note = blankToNull(request.note());
        t.createdBy = current.id();
        if (Tie.count("teamId = ?1 and contactId = ?2 and otherContactId = ?3 and kind = ?4",
                t.teamId, t.contactId, t.otherContactId, kind) > 0) {
            // the unique constraint refuses a racing duplicate too (as a 409)
            throw Problems.conflict("These two already have a '" + kind.word() + "' tie");
        }
        t.persist();
        audit.changed(AuditKind.CHANGED, AuditEntity.CONTACT, c.id, "ties");
        em.flush();
        Direction direction = kind.directed() ? Direction.LISTENS_TO : Direction.BOTH;
        return new TieView(t.id, c.id, other.id, other.fullName, other.engagementLevel, kind, direction, t.note,
                t.createdAt);
    }

    /** Removes the tie of this kind between the two (for listens-to: the contact in the path listening to the other). */
    public void remove(UUID contactId, @NotNull @Valid TieRef ref) {
        Contact c = contacts.require(contactId);
        TieKind kind = ref.kind();
        UUID other = ref.otherContactId();
        UUID from = kind.directed() || Ids.precedes(c.id, other) ? c.id : other;
        UUID to = from.equals(c.id) ? other : c.id;
        Tie t = Tie.<Tie>find("teamId = ?1 and contactId = ?2 and otherContactId = ?3 and kind = ?4",
                c.teamId, from, to, kind).firstResult();
        if (t == null) {
            // named by its two people and kind, not an id (the probe: "No tie with that id", though none was sent)
            throw Problems.notFoundSaying("This contact has no such tie with that person");
        }
        t.delete();
        audit.changed(AuditKind.CHANGED, AuditEntity.CONTACT, c.id, "ties");
    }

    /** Removes one tie of this contact by its id (either end may name it). */
    public void remove(UUID contactId, UUID tieId) {
        Contact c = contacts.require(contactId);
        Tie t = TeamScoped.find(Tie.class, tieId).orElse(null);
        if (t == null) {
            throw Problems.notFound("tie");
        }
        if (!(t.contactId.equals(c.id) || t.otherContactId.equals(c.id))) {
            // a tie between two others, kept: not "no tie with that id", on which the page says "removed already" (a walk)
            throw Problems.notFoundSaying(NOT_THEIRS);
        }
        t.delete();
        audit.changed(AuditKind.CHANGED, AuditEntity.CONTACT, c.id, "ties");
    }

    /** A tie of the team that this contact is not in, named by id under their address. */
    public static final String NOT_THEIRS = "This contact is not in the tie with that id; nothing was removed";

    /** A tie's two ends are two people (V8_1's check; a restore's row says it too). */
    public static final String TWO_PEOPLE = "a tie joins two different people";

    private Contact other(Contact c, UUID otherId) {
        if (otherId.equals(c.id)) {
            throw Problems.invalid("otherContactId", TWO_PEOPLE);
        }
        Contact other = TeamScoped.find(Contact.class, otherId).orElse(null);
        if (other == null) {
            throw Problems.unknownReference("otherContactId", "contact");
        }
        if (other.erased()) {
            // picked from the tie's search, then erased: said as that, not as an id never seen (the walk)
            throw Problems.invalid("otherContactId", OTHER_ERASED);
        }
        return other;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
