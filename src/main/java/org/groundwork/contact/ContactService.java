package org.groundwork.contact;

import org.groundwork.platform.Versioned;
import org.groundwork.platform.TeamScoped;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.audit.Before;
import org.groundwork.contact.ContactJson.ContactChange;
import org.groundwork.contact.ContactJson.ContactView;
import org.groundwork.contact.ContactJson.LevelChangeView;
import org.groundwork.contact.ContactJson.NewContact;
import org.groundwork.contact.ContactJson.NewLevel;
import org.groundwork.contact.ContactJson.TimelineItem;
import org.groundwork.contact.ContactJson.ConversationLine;
import org.groundwork.contact.ContactJson.AttendanceLine;
import org.groundwork.contact.ContactJson.LevelChangeLine;
import org.groundwork.contact.ContactJson.FollowUpLine;
import org.groundwork.organization.OrganizationService;
import org.groundwork.organization.UnitService;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patch;
import org.groundwork.platform.IdempotencyKeys;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Word;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.groundwork.platform.Text.blankToNull;
import static org.groundwork.platform.Patch.required;

/** Contacts: the people in and around the base, their level history, and their erasure. */
@ApplicationScoped
@Transactional
public class ContactService {

    @Inject
    Event<ContactErased> erasures;
    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    OrganizationService organizations;
    @Inject
    UnitService units;
    @Inject
    OrganizerService organizers;
    @Inject
    Audit audit;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    Validator validator;

    /** Clients' clocks run a little ahead; a level change "now" from one of them is not in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** A live (not erased) contact of the caller's team; 410 for its tombstone, 404 for none. The entity stays in this package. */
    Contact require(UUID id) {
        return live(TeamScoped.find(Contact.class, id));
    }

    /** The row the team's lookup found, if it is not erased; a 410 for one erased, a 404 for none. */
    private static Contact live(Optional<Contact> row) {
        Contact c = row.orElseThrow(() -> Problems.notFound("contact"));
        if (c.erased()) {
            throw Problems.erased();
        }
        return c;
    }

    /**
     * Which of these ids are the caller's team's tombstones, in one statement: a refusal says the erasure,
     * not an unknown id (a check-in of someone erased since the door's search found them).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> erasedAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("select c.id from Contact c where c.teamId = :team and c.id in :ids"
                        + " and c.erasedAt is not null", UUID.class)
                .setParameter("team", current.teamId()).setParameter("ids", Set.copyOf(ids)).getResultList());
    }

    /** A live contact as another feature's service links to it: who it is and whose it is. */
    public record Known(UUID id, String fullName, UUID ownerId) {
        static Known of(Contact c) {
            return new Known(c.id, c.fullName, c.ownerId);
        }
    }

    /** A live (not erased) contact of the caller's team, or 404; held till the caller's transaction ends. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Known known(UUID id) {
        Known found = knownAll(List.of(id)).get(id);
        if (found == null) {
            throw Problems.notFound("contact");
        }
        return found;
    }

    /** A body's contact that the team erased: said as that, not as an id never seen (a form open while they were erased). */
    public static final String NAMED_ERASED = "this person was erased; nothing more is written about them";

    /**
     * The live contact a request's body names in {@code field}, held as {@link #known} holds it; a 400 on the field
     * otherwise, "no contact with that id in your team" for an unknown or another team's id, {@link #NAMED_ERASED}
     * for one of the team's tombstones (only what the team's own tombstone shows, as a path's 410 does).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Known namedIn(String field, UUID id) {
        Known found = knownAll(List.of(id)).get(id);
        if (found == null) {
            throw erasedAmong(List.of(id)).isEmpty()
                    ? Problems.unknownReference(field, "contact") : Problems.invalid(field, NAMED_ERASED);
        }
        return found;
    }

    /**
     * The live contacts of the caller's team among these ids, each held FOR KEY SHARE till the caller's
     * transaction ends, locked in id order. Held: an erasure (FOR UPDATE, lockLive) waits for the write
     * to commit and then scrubs it, or the write waits for the erasure and then finds no live contact;
     * a plain read let a conversation, follow-up or tie written during an erasure keep the person's
     * words (the row's key check takes KEY SHARE only at the insert, after the read). In id order: the
     * order every writer that locks several contacts keeps (ContactWriter), so two of them cannot
     * deadlock (an attendance listing [B, A] against an import locking A then B did). Ids that name no
     * live contact of the team are absent.
     * <p>
     * Three columns rather than the entity, which Hibernate would hydrate, copy for dirty checking and
     * check again at each flush of the POST; read with JDBC, since a native query through Hibernate
     * asks the driver for the columns' metadata (a catalog query on each pooled connection).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Known> knownAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        UUID team = current.teamId();
        return em.unwrap(Session.class).doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select c.id, c.full_name, c.owner_id from contact c
                    where c.id = any(?) and c.team_id = ? and c.erased_at is null
                    order by c.id
                    for key share""")) {
                ps.setArray(1, conn.createArrayOf("uuid", Set.copyOf(ids).toArray()));
                ps.setObject(2, team);
                Map<UUID, Known> live = new HashMap<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        UUID id = r.getObject(1, UUID.class);
                        live.put(id, new Known(id, r.getString(2), r.getObject(3, UUID.class)));
                    }
                }
                return live;
            }
        });
    }

    /** At the door of an action: a name and a phone number are enough. */
    public Known createAtDoor(String fullName, String phone, String email) {
        Contact c = new Contact();
        c.teamId = current.teamId();
        c.fullName = ContactFields.storedName(fullName);
        c.phone = blankToNull(phone);
        c.email = blankToNull(email);
        c.ownerId = current.id();
        c.persist();
        recordFirstLevel(c, LevelReasons.AT_AN_ACTION);
        audit.record(AuditKind.CREATED, AuditEntity.CONTACT, c.id);
        return Known.of(c);
    }

    /** A live contact found to be the same person, and what gave them away ("phone" or "email"). */
    /**
     * A new person as they would be stored, for telling two entries of one list apart: the name cleaned as it is
     * stored, case aside; the phone's comparison key (its digits in the team's country, as the door compares); the
     * email, case aside. Two entries with the same key are one person sent twice (a walk: "Walk\u00a0Dup" and
     * "Walk Dup", "(718) 555-0199" and "718 555 0199", made two contacts).
     */
    public record NewPersonKey(String name, String phone, String email) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NewPersonKey keyOf(String fullName, String phone, String typedEmail) {
        String name = ContactFields.storedName(fullName);
        String email = blankToNull(typedEmail);
        return new NewPersonKey(name == null ? null : name.toLowerCase(java.util.Locale.ROOT),
                Phones.key(phone, current.team().phoneCountryCode),
                email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT));
    }

    public record SamePerson(ContactView contact, String by) {
    }

    /**
     * The live contact with this phone number (compared as digits in the team's country, the
     * import's rule: {@link Phones#key}) or this email (case aside), if any: someone typed in at
     * the door who is already known. The email wins when both match different people.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SamePerson samePerson(String phone, String email) {
        return samePerson(phone, email, Set.of());
    }

    /**
     * {@link #samePerson(String, String)}, where of several contacts with the phone (a household's)
     * one of {@code preferred} (the door's: those with the name typed) is the one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SamePerson samePerson(String phone, String email, Set<UUID> preferred) {
        String mail = blankToNull(email);
        if (mail != null) {
            // email_key: lower(email), kept by PostgreSQL (V20_2); `=` on it keeps contact_email_idx
            // under row-level security, where lower(email) = ? read the whole team's emails. The
            // email typed is folded by the same lower() (platform/Folding), not Java's toLowerCase
            @SuppressWarnings("unchecked")
            List<Contact> byEmail = em.createNativeQuery("""
                            select * from contact
                            where team_id = :team and email_key = lower(:mail) and email is not null and erased_at is null
                            order by id""", Contact.class)
                    .setParameter("team", current.teamId())
                    .setParameter("mail", mail)
                    .setMaxResults(1)
                    .getResultList();
            if (!byEmail.isEmpty()) {
                return new SamePerson(ContactView.of(byEmail.get(0), null), "email");
            }
        }
        String country = current.team().phoneCountryCode;
        String key = Phones.key(phone, country);
        if (key == null) {
            return null;
        }
        // the SQL only narrows by the last digits; the rule itself is Phones.key, in one place
        String digits = key.replaceAll("[^0-9]", "");
        String tail = digits.substring(Math.max(0, digits.length() - 7));
        // seven digits use contact_phone_tail_idx on phone_tail, the last seven digits kept by
        // PostgreSQL (V20_2; compared with `=`, which row-level security lets use the index, unlike
        // right(...)); a shorter number is rare and reads the team's phones
        String narrow = tail.length() == 7
                ? "phone_tail = :tail"
                : "phone_digits like '%' || :tail";
        @SuppressWarnings("unchecked")
        List<Contact> candidates = em.createNativeQuery("""
                        select * from contact
                        where team_id = :team and erased_at is null and phone is not null""" + " and " + narrow
                        + " order by id", Contact.class)
                .setParameter("team", current.teamId())
                .setParameter("tail", tail)
                .setMaxResults(50)
                .getResultList();
        return candidates.stream()
                .filter(c -> key.equals(Phones.key(c.phone, country)))
                .min(Comparator.comparing(c -> !preferred.contains(c.id))) // stable: else the first by id
                .map(c -> new SamePerson(ContactView.of(c, null), "phone"))
                .orElse(null);
    }

    /** Live contacts with this very name, its letters and digits read alone (case, accents, spaces, punctuation aside: gw_name_letters, V28_24 and V28_25): perhaps the same person. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactView> sameName(String fullName, int limit) {
        String name = blankToNull(fullName);
        if (name == null) {
            return List.of();
        }
        String folded = ContactQuery.typed(name);
        // the ILIKE finds the candidates in contact_name_unaccented_trgm_idx (V28_14; LIKE and ILIKE
        // are LEAKPROOF in our set-up, so row-level security keeps the index; lower(trim(...)) alone
        // read the whole team); the exact rule is the second condition
        @SuppressWarnings("unchecked")
        List<Contact> found = em.createNativeQuery("""
                        select * from contact
                        where team_id = ?1 and erased_at is null and name_unaccented ilike %s escape '\\'
                          and lower(name_unaccented) = lower(gw_name_letters(?3))
                        order by id""".formatted(ContactQuery.NAME_PATTERN.replace("?", "?2")), Contact.class)
                .setParameter(1, current.teamId())
                .setParameter(2, folded)
                .setParameter(3, folded)
                .setMaxResults(limit)
                .getResultList();
        return found.stream().map(c -> ContactView.of(c, null)).toList();
    }

    /** Creation records the first level, so "level at a time" always has a row to read. */
    void recordFirstLevel(Contact c, String reason) {
        LevelChange first = new LevelChange();
        first.teamId = c.teamId;
        first.contactId = c.id;
        first.fromLevel = null;
        first.toLevel = c.engagementLevel;
        first.changedAt = c.createdAt;
        first.changedBy = current.id();
        first.reason = reason;
        first.persist();
    }


    // ---- contacts -------------------------------------------------------------------------

    /** What adding someone on the page did: added them ({@code added}), or found who they may be ({@code same}). */
    public record Added(Versioned<ContactView> added, SamePerson same) {
    }

    /**
     * Adds the person unless someone live is known already by their email or phone (the import's rule; the door asks
     * the same) or by the very name: that one is returned to be asked about, nothing added. {@code someoneElse} (the
     * page's tick: a namesake, a shared phone) adds them anyway. Two adds of the same person take turns
     * ({@link #holdNewPerson}), so the second is asked about the first's: two organizers adding one new person at
     * once had made two (a walk), where the door, which holds its action, asks.
     */
    public Added addUnlessKnown(@NotNull @Valid NewContact request, boolean someoneElse) {
        holdNewPerson(request);
        if (!someoneElse) {
            SamePerson same = samePerson(request.phone(), request.email());
            if (same == null) {
                same = sameName(request.fullName(), 1).stream().map(c -> new SamePerson(c, "name")).findFirst().orElse(null);
            }
            if (same != null) {
                return new Added(null, same);
            }
        }
        return new Added(create(request), null);
    }

    /**
     * Holds, until the transaction ends, each identity the person is added by as the "already known?" rules compare
     * them (email, phone, the name's letters): two adds of one person wait for each other, adds of others do not (one
     * lock per team made every add wait behind one held up by a long change of its organization: the review). Taken
     * in one order, so two adds holding different ones cannot deadlock.
     */
    private void holdNewPerson(NewContact request) {
        java.util.SortedSet<String> identities = new java.util.TreeSet<>();
        String mail = blankToNull(request.email());
        if (mail != null) {
            identities.add("email:" + mail.toLowerCase(java.util.Locale.ROOT));
        }
        String phone = Phones.key(request.phone(), current.team().phoneCountryCode);
        if (phone != null) {
            identities.add("phone:" + phone);
        }
        String name = blankToNull(request.fullName());
        if (name != null) {
            identities.add("name:" + ContactQuery.typed(name).toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
        }
        for (String identity : identities) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "new person:" + current.teamId() + ":" + identity).getSingleResult();
        }
    }

    public Versioned<ContactView> create(@NotNull @Valid NewContact request) {
        new ContactFields(request.fullName(), request.phone(), request.email(), request.notes())
                .require(validator, ContactFields.ALL);
        Contact c = new Contact();
        c.teamId = current.teamId();
        c.fullName = ContactFields.storedName(request.fullName());
        c.phone = blankToNull(request.phone());
        c.email = blankToNull(request.email());
        c.organizationId = organization(request.organizationId());
        units.checkPlacement(c.organizationId, request.unitId());
        c.unitId = request.unitId();
        c.position = request.position() == null ? Position.BASE : request.position();
        c.engagementLevel = request.engagementLevel() == null ? Level.NEW : request.engagementLevel();
        c.ownerId = request.ownerId() == null ? current.id() : owner(request.ownerId());
        c.tags = ContactFields.tags(request.tags());
        c.doNotContact = Boolean.TRUE.equals(request.doNotContact());
        c.notes = blankToNull(request.notes());
        c.persist();
        recordFirstLevel(c, null);
        audit.record(AuditKind.CREATED, AuditEntity.CONTACT, c.id);
        em.flush();
        return stored(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<ContactView> find(UUID id) {
        return stored(require(id));
    }

    /** A contact as other features' pages show it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactView view(UUID id) {
        return find(id).view();
    }

    /** A form's tags by the rules a change meets, before it is sent: the person's stored tags pass as stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    void checkTags(UUID id, List<String> tags) {
        ContactFields.tags(tags, TeamScoped.find(Contact.class, id).map(c -> c.tags).orElse(new String[0]));
    }

    /**
     * A change's own fields as the rules see them (the edit form checks these too). A phone sent
     * back exactly as stored is no new number, so none here: one stored before the phone rule
     * (2026-12-04) does not stop an edit of the name or the notes; any other phone meets the rule.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactFields checked(UUID id, ContactChange v) {
        return checked(TeamScoped.find(Contact.class, id), v);
    }

    private static ContactFields checked(Optional<Contact> row, ContactChange v) {
        String stored = row.map(c -> c.phone).orElse(null);
        String phone = stored != null && stored.equals(v.phone()) ? null : v.phone();
        return new ContactFields(v.fullName(), phone, v.email(), v.notes());
    }

    public Versioned<ContactView> change(UUID id, Patch<ContactChange> patch, String ifMatch) {
        ContactChange v = patch.value();
        // looked up once: its stored phone for the rules, then the row changed
        Optional<Contact> row = TeamScoped.find(Contact.class, id);
        // the fields the patch gives, by the rules a new contact's meet; before the id and the
        // version are answered for, as a body's constraints were
        checked(row, v).require(validator, ContactFields.ALL.stream().filter(patch::has).toList());
        Contact c = live(row);
        ETags.check(ifMatch, c.version);
        Before before = audit.before(c, ContactChange.class);
        if (patch.has("engagementLevel")) {
            throw Problems.invalid("engagementLevel",
                    "changes only through POST /api/v1/contacts/{id}/level, which keeps the level history");
        }
        if (patch.has("fullName")) {
            c.fullName = ContactFields.storedName(required(v.fullName(), "fullName"));
        }
        if (patch.has("phone")) {
            c.phone = blankToNull(v.phone());
        }
        if (patch.has("email")) {
            c.email = blankToNull(v.email());
        }
        // asked (and their organization held) only when they change: the contact form sends both on every save
        if (patch.has("organizationId") && !java.util.Objects.equals(v.organizationId(), c.organizationId)) {
            // a unit belongs to one organization: moving to another leaves the person in "no unit"
            c.organizationId = organization(v.organizationId());
            c.unitId = null;
        }
        if (patch.has("unitId") && !java.util.Objects.equals(v.unitId(), c.unitId)) {
            units.checkPlacement(c.organizationId, v.unitId());
            c.unitId = v.unitId();
        }
        if (patch.has("position")) {
            c.position = required(v.position(), "position");
        }
        // an owner sent back as stored is no new assignment: one deactivated since does not stop an edit
        if (patch.has("ownerId") && !java.util.Objects.equals(v.ownerId(), c.ownerId)) {
            c.ownerId = v.ownerId() == null ? null : owner(v.ownerId());
        }
        if (patch.has("tags")) {
            c.tags = ContactFields.tags(v.tags(), c.tags);
        }
        if (patch.has("doNotContact")) {
            c.doNotContact = required(v.doNotContact(), "doNotContact");
        }
        if (patch.has("notes")) {
            c.notes = blankToNull(v.notes());
        }
        // a save that changed nothing (a page sends its whole form) writes nothing: no event, and
        // the row keeps its time and its version, so no one else's open form turns stale for it
        if (!audit.changed(AuditKind.CHANGED, AuditEntity.CONTACT, c.id, before).isEmpty()) {
            c.updatedAt = Instant.now();
        }
        em.flush();
        return stored(c);
    }

    /**
     * A person of this organization, as its wall chart opens their move form: {@link #member}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactView inOrganization(UUID organization, UUID id) {
        return stored(member(organization, id)).view();
    }

    /** Moves a person of this organization to another of its units (null: none), as its wall chart does: {@link #member}. */
    /** Whether the person moved: false when they were in that unit (or in none) already, nothing changed. */
    public boolean moveWithin(UUID organization, UUID id, UUID unit) {
        if (java.util.Objects.equals(member(organization, id).unitId, unit)) {
            return false; // Move pressed on the unit the form chose for them: said as such, not as a move (a walk)
        }
        change(id, new Patch<>(new ContactChange(null, null, null, null, null, null, null, null, null, unit),
                Set.of("unitId")), null);
        return true;
    }

    /**
     * The live contact {@code id} of this organization. An organization or a contact the team does not
     * have is a 404 that says nothing (another team's id as an unknown one). A person of the team who
     * is in another organization now (moved since the chart was drawn: a stale tab, a crafted form) is a
     * 409 that names them: they exist and the caller may see them, so a 404 would say something false;
     * what is stored no longer matches what the request was made from, the conflict a stale form is.
     */
    private Contact member(UUID organization, UUID id) {
        organizations.find(organization);
        Contact c = require(id);
        if (!organization.equals(c.organizationId)) {
            throw Problems.conflict("contactId", c.fullName + " is not in this organization any more; open the chart again");
        }
        return c;
    }

    /**
     * One page of the team's live contacts, filtered and searched by {@link ContactQuery} (the
     * query the export reads too), on this request's connection.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ContactView> list(ContactQuery query, int limit, String cursor) {
        UUID team = current.teamId();
        Cursor.List cursors = Cursor.of(team, "contacts", query);
        UUID after = cursors.id(cursor);
        String callingCode = current.team().phoneCountryCode;
        ContactQuery checked = query.ofThisTeam();
        List<ContactView> rows = em.unwrap(Session.class).doReturningWork(conn -> checked.page(conn, team, callingCode, after, limit + 1))
                .stream().map(ContactView::of).toList();
        return Page.of(rows, limit, v -> cursors.of(v.id()));
    }

    // ---- level history --------------------------------------------------------------------

    /**
     * The API's level change, asked with If-Match: a version it names is the contact's (the level is one of its fields,
     * in its ETag); a stale one is a 412 (a walk: ignored, where the same level sent through a PATCH is refused).
     */
    public LevelChangeView changeLevelIfMatch(UUID id, @NotNull @Valid NewLevel request, String ifMatch) {
        Contact c = lockLive(id);
        ETags.check(ifMatch, c.version);
        return appendLevel(c, request);
    }

    /**
     * A level change from a form drawn when the contact's level was {@code seen}: changed since (another
     * tab, another organizer), it would go on from a level this organizer never saw, unsaid (the walk),
     * so it is refused beside the level; sent again, from the level now, it is recorded. Checked here
     * under the row's lock, as well as before the call with the form's other mistakes ({@link #levelAsSeen}).
     */
    public LevelChangeView changeLevel(UUID id, @NotNull @Valid NewLevel request, Level seen) {
        Contact c = lockLive(id);
        levelAsSeen(c, seen, request.level());
        return appendLevel(c, request);
    }

    /**
     * Appends a level change to contact {@code c} (held), possibly back-dated. Its {@code fromLevel} is the level in
     * force at {@code changedAt}; the contact's current level is that of its latest change, so a back-dated change
     * never overrides a newer one.
     */
    private LevelChangeView appendLevel(Contact c, NewLevel request) {
        Instant now = Instant.now();
        Instant at = request.changedAt() == null ? now : request.changedAt();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw Problems.invalid("changedAt", "must not be in the future");
        }
        // the level in force at that time: the database's gw_level_at (V3_1), the one copy of the
        // rule the reports' level_at_time columns are kept with
        Level from = Word.parse(Level.class, (String) em.createNativeQuery("select gw_level_at(?1, ?2)")
                .setParameter(1, c.id)
                .setParameter(2, at)
                .getSingleResult(), "level");
        if (from == request.level()) {
            throw Problems.conflict("The contact's level at that time already is " + from.word());
        }
        // a back-dated change comes before others: the next one (unless it is the contact's creation)
        // now starts from this one's level, so each change's fromLevel stays the level in force at its
        // time, and the movement report counts it under the right pair
        LevelChange next = em.createQuery("""
                        select l from LevelChange l where l.contactId = :contact and l.changedAt > :at
                        order by l.changedAt, l.id""", LevelChange.class)
                .setParameter("contact", c.id)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        if (next != null && next.fromLevel != null) {
            if (next.toLevel == request.level()) {
                // it would leave that later change changing nothing (cadre to cadre)
                throw Problems.conflict("The contact's level changes to " + request.level().word()
                        + " later anyway, in a change already recorded");
            }
            next.fromLevel = request.level();
        }
        LevelChange change = new LevelChange();
        change.teamId = c.teamId;
        change.contactId = c.id;
        change.fromLevel = from;
        change.toLevel = request.level();
        change.changedAt = at;
        change.changedBy = current.id();
        change.reason = blankToNull(request.reason());
        change.persist();
        em.flush();
        followLatestLevel(c, now, change.toLevel);
        audit.record(AuditKind.LEVEL_CHANGED, AuditEntity.CONTACT, c.id);
        return LevelChangeView.of(change);
    }

    /** One of a live contact's level changes, or 404 (another contact's change is not this one's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LevelChangeView levelChange(UUID contactId, UUID changeId) {
        return LevelChangeView.of(requireLevelChange(require(contactId), changeId));
    }

    /**
     * Deletes a level change recorded by mistake: the wrong person, or a date too late to put an
     * earlier change before it. The level a contact was added with is not a change and stays. The
     * change after it (unless that is the contact's creation) then starts from the level before it,
     * so each fromLevel stays the level in force at its time; when that would leave it changing
     * nothing, the delete is refused and that change has to go first. The contact's level follows
     * its latest change; the reports' levels at the time follow through V5_1's and V26_1's triggers.
     */
    public void deleteLevelChange(UUID contactId, UUID changeId) {
        Contact c = lockLive(contactId);
        LevelChange change = requireLevelChange(c, changeId);
        if (change.fromLevel == null) {
            throw Problems.conflict("The level a contact was added with is not a change; record a change instead");
        }
        // the contact's history in gw_level_at's (changedAt, id) order: a handful of rows, read once
        List<LevelChange> history = em.createQuery("""
                        select l from LevelChange l where l.contactId = :contact order by l.changedAt, l.id""",
                        LevelChange.class)
                .setParameter("contact", c.id)
                .getResultList();
        int at = history.indexOf(change);
        // the level in force before it: the change before it, or the level the contact was added with, as
        // gw_level_at reads them; not its own fromLevel, which a history written before V28_6 may hold wrong
        // (V28_6 left a change it could only have made X -> X as it was). Only a history written outside
        // the API, with no creation row, falls back to that fromLevel.
        Level before = at > 0 ? history.get(at - 1).toLevel
                : history.stream().filter(l -> l.fromLevel == null)
                        .min(Comparator.comparing((LevelChange l) -> l.createdAt).thenComparing(l -> l.id))
                        .map(l -> l.toLevel).orElse(change.fromLevel);
        LevelChange next = at + 1 < history.size() ? history.get(at + 1) : null;
        if (next != null && next.fromLevel != null) {
            if (next.toLevel == before) {
                throw Problems.conflict("The next change, to " + next.toLevel.word()
                        + ", would then change nothing; delete that one first");
            }
            next.fromLevel = before;
        }
        change.delete();
        em.flush();
        followLatestLevel(c, Instant.now(), before);
        // which change went, and on the contact's own trail (GET /audit?contact=) that its history changed
        audit.record(AuditKind.DELETED, AuditEntity.LEVEL_CHANGE, change.id);
        audit.record(AuditKind.LEVEL_CHANGED, AuditEntity.CONTACT, c.id);
    }

    /**
     * The live contact, locked FOR UPDATE, then read: for a change of its level history and for its
     * erasure. FOR UPDATE, not Hibernate's PESSIMISTIC_WRITE (FOR NO KEY UPDATE): it is the lock that
     * waits for the FOR KEY SHARE a write about the contact holds ({@link #known}; a conversation's or
     * attendance's trigger before reading the level at the time, V28_9), so the two wait for each
     * other instead of one missing the other's work. Also one change of a contact's history at a time,
     * so "the level in force" cannot shift underneath.
     */
    private Contact lockLive(UUID id) {
        // locked before it is read, so what is read is what stands; a contact erased while this waited is
        // gone for this purpose too (no history written on a tombstone), as is another team's (the policy)
        if (em.createNativeQuery("select 1 from contact where id = ?1 and erased_at is null for update")
                .setParameter(1, id).getResultList().isEmpty()) {
            // the team's tombstone is said as one (the form was open while they were erased); no row, a 404
            throw em.createNativeQuery("select 1 from contact where id = ?1 and team_id = ?2").setParameter(1, id)
                    .setParameter(2, current.teamId()).getResultList().isEmpty()
                    ? Problems.notFound("contact") : Problems.erased();
        }
        return require(id);
    }

    /** {@link #changeLevel(UUID, NewLevel, Level)}'s check, for a form to say with its other mistakes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void levelAsSeen(UUID id, Level seen, Level chosen) {
        if (seen != null) {
            levelAsSeen(require(id), seen, chosen);
        }
    }

    /** Null seen: not asked (the API, whose callers name the level they mean). The level chosen is now's: said as such. */
    private static void levelAsSeen(Contact c, Level seen, Level chosen) {
        if (seen != null && c.engagementLevel != seen && chosen != c.engagementLevel) {
            // a 409, as every save made meanwhile is (a walk: the edit form's was, this one a 400)
            throw Problems.conflict("level", "Their level was changed to " + c.engagementLevel.word()
                    + " meanwhile (in another tab, or by another organizer); if yours is still right, change it again");
        }
    }

    private LevelChange requireLevelChange(Contact c, UUID changeId) {
        LevelChange change = TeamScoped.find(LevelChange.class, changeId).orElseThrow(() -> Problems.notFound("level change"));
        if (!change.contactId.equals(c.id)) {
            // another person's change, kept: not "no level change with that id", which the page says as deleted already
            throw Problems.notFoundSaying(NOT_THEIR_LEVEL_CHANGE);
        }
        return change;
    }

    /** A level change of the team that is another contact's, named by id under this one's address. */
    public static final String NOT_THEIR_LEVEL_CHANGE = "This level change is another contact's; nothing was changed";

    /**
     * The contact's level is that of its latest change (a back-dated one never overrides a newer one);
     * {@code none} when no change is left (a contact written without a creation row, V3_1).
     */
    private void followLatestLevel(Contact c, Instant now, Level none) {
        Level latest = em.createQuery("""
                        select l.toLevel from LevelChange l where l.contactId = :contact
                        order by l.changedAt desc, l.id desc""", Level.class)
                .setParameter("contact", c.id)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(none);
        if (c.engagementLevel != latest) {
            c.engagementLevel = latest;
            c.updatedAt = now;
        }
    }

    // ---- timeline -------------------------------------------------------------------------

    /**
     * Everything that happened with a contact, newest first, from one UNION ALL query with a
     * keyset on (at, id). Each branch fills the columns its type has and leaves the rest null.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TimelineItem> timeline(UUID id, int limit, String cursor) {
        Contact c = require(id);
        Cursor.List cursors = Cursor.of(current.teamId(), "timeline", id);
        Cursor.Position after = cursors.position(cursor);
        String sql = """
                select t.*, o.display_name as who_name, w.name as work_name from (
                  select 'conversation' as type, cv.occurred_at as happened_at, cv.id as id,
                         cv.organizer_id as who, cv.work_id as work_id, cv.duration_minutes as minutes,
                         cv.channel as channel, cv.summary as words, cast(null as uuid) as action_id,
                         cast(null as text) as title, cast(null as boolean) as first_time,
                         cast(null as text) as from_level, cast(null as text) as to_level,
                         cast(null as date) as due_on, cast(null as text) as status, cast(null as text) as reason,
                         cv.issues as issues, cv.commitments as commitments,
                         cv.political_discussion as political
                  from conversation cv
                  where cv.team_id = :team and cv.contact_id = :contact
                  union all
                  select 'attendance', a.starts_at, att.id, att.recorded_by, a.work_id, a.duration_minutes,
                         null, att.notes, a.id, a.title, att.first_time, null, null, null, null, null, null, null, null
                  from attendance att
                  join action a on a.id = att.action_id and a.team_id = att.team_id
                  where att.team_id = :team and att.contact_id = :contact
                  union all
                  select 'level-change', lc.changed_at, lc.id, lc.changed_by, null, null,
                         null, lc.reason, null, null, null, lc.from_level, lc.to_level, null, null, null, null, null, null
                  from level_change lc
                  where lc.team_id = :team and lc.contact_id = :contact
                  union all
                  select 'follow-up', f.created_at, f.id, f.assignee_id, null, null,
                         null, f.purpose, null, null, null, null, null, f.due_on, f.status, f.reason, null, null, null
                  from follow_up f
                  where f.team_id = :team and f.contact_id = :contact
                ) t
                left join organizer o on o.team_id = :team and o.id = t.who
                left join work w on w.team_id = :team and w.id = t.work_id
                """ + (after == null ? "" : "where " + after.olderThan("t.happened_at", "t.id") + "\n") + """
                order by t.happened_at desc, t.id desc""";
        var query = em.createNativeQuery(sql, Tuple.class)
                .setParameter("team", c.teamId)
                .setParameter("contact", c.id)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        List<TimelineItem> items = rows.stream().map(ContactService::timelineItem).toList();
        return Page.of(items, limit, item -> cursors.of(item.at(), item.id()));
    }

    /** A row of the timeline's query, read by column name into its kind's record. */
    private static TimelineItem timelineItem(Tuple r) {
        String type = r.get("type", String.class);
        Instant at = instant(r.get("happened_at"));
        UUID id = r.get("id", UUID.class);
        UUID who = r.get("who", UUID.class);
        return switch (type) {
            case "conversation" -> new ConversationLine(type, at, id, who, r.get("who_name", String.class),
                    r.get("work_id", UUID.class), r.get("work_name", String.class), minutes(r),
                    r.get("channel", String.class), r.get("words", String.class), r.get("issues", String.class),
                    r.get("commitments", String.class), r.get("political", Boolean.class));
            case "attendance" -> new AttendanceLine(type, at, id, r.get("action_id", UUID.class),
                    r.get("title", String.class), r.get("work_id", UUID.class), minutes(r),
                    r.get("first_time", Boolean.class), r.get("words", String.class), who,
                    r.get("work_name", String.class));
            case "level-change" -> new LevelChangeLine(type, at, id,
                    Word.parse(Level.class, r.get("from_level", String.class), "fromLevel"),
                    Word.parse(Level.class, r.get("to_level", String.class), "toLevel"),
                    r.get("words", String.class), who);
            default -> new FollowUpLine(type, at, id, date(r.get("due_on")), r.get("status", String.class),
                    r.get("reason", String.class), r.get("words", String.class), who);
        };
    }

    private static Integer minutes(Tuple r) {
        Number n = (Number) r.get("minutes");
        return n == null ? null : n.intValue();
    }

    // ---- erasure --------------------------------------------------------------------------

    /**
     * Erases a contact's personal data for good and leaves an anonymous tombstone: the rows,
     * dates, minutes and levels stay, so time and movement figures stay true, but the words
     * about the person go. Open follow-ups are dropped: no one owes a tombstone a call.
     */
    public void erase(UUID id, String ifMatch) {
        // every write that stores words about the person holds them FOR KEY SHARE (known()): waited for
        Contact c = lockLive(id);
        ETags.check(ifMatch, c.version);
        UUID team = c.teamId;
        em.flush();
        // do_not_contact as well, so a queue that forgot to check erased_at still skips it
        update("""
                update contact set full_name = null, phone = null, email = null, notes = null, tags = '{}',
                    do_not_contact = true, erased_at = now(), updated_at = now(), version = version + 1
                where id = :contact and team_id = :team""", c.id, team);
        update("""
                update conversation set summary = null, issues = null, commitments = null,
                    updated_at = now(), version = version + 1
                where contact_id = :contact and team_id = :team""", c.id, team);
        update("update attendance set notes = null where contact_id = :contact and team_id = :team", c.id, team);
        update("update level_change set reason = null where contact_id = :contact and team_id = :team", c.id, team);
        update("""
                update follow_up set purpose = null,
                    status = case when status = 'open' then 'dropped' else status end,
                    closed_at = case when status = 'open' then now() else closed_at end,
                    updated_at = now(), version = version + 1
                where contact_id = :contact and team_id = :team""", c.id, team);
        // who they were close to and who they listened to are about them too: gone with them
        update("delete from tie where team_id = :team and (contact_id = :contact or other_contact_id = :contact)",
                c.id, team);
        // stored answers to keyed requests (Idempotency-Key) that show the person go too
        idempotencyKeys.forget(team, c.id);
        // only the id: the trail never held anything else of the person
        audit.record(AuditKind.ERASED, AuditEntity.CONTACT, c.id);
        // the loaded entity still holds the erased values; forget it rather than keep a copy
        em.detach(c);
        erasures.fire(new ContactErased(team, id));
    }

    private void update(String sql, UUID contact, UUID team) {
        em.createNativeQuery(sql).setParameter("contact", contact).setParameter("team", team).executeUpdate();
    }

    // ---- helpers --------------------------------------------------------------------------

    private Versioned<ContactView> stored(Contact c) {
        String organizationName = c.organizationId == null ? null
                : em.createQuery("select o.name from Organization o where o.id = :id", String.class)
                .setParameter("id", c.organizationId).getSingleResult();
        return new Versioned<>(ContactView.of(c, organizationName), c.version);
    }

    /**
     * An organization a person is put into: of the team, and held shared until this write commits
     * (OrganizationService.keepUnits), so a merge that would take it away waits or is waited for; one merged
     * away meanwhile is the 400 on the field, not a bare 409 from its foreign key (the review).
     */
    private UUID organization(UUID id) {
        if (id != null && !organizations.keepUnits(id)) {
            throw Problems.unknownReference("organizationId", "organization");
        }
        return id;
    }

    private UUID owner(UUID id) {
        return organizers.assignable(id, "ownerId");
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Not a timestamp: " + value);
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("Not a date: " + value);
    }
}
