package org.groundwork.action;

import org.groundwork.platform.TeamScoped;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import org.groundwork.action.ActionJson.ActionChange;
import org.groundwork.action.ActionJson.ActionItem;
import org.groundwork.action.ActionJson.ActionView;
import org.groundwork.action.ActionJson.AttendanceItem;
import org.groundwork.action.ActionJson.AttendanceView;
import org.groundwork.action.ActionJson.NewAction;
import org.groundwork.action.ActionJson.NewContact;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.audit.Before;
import org.groundwork.contact.ContactService.Known;
import org.groundwork.contact.ContactService;
import org.groundwork.followup.FollowUpService;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.ETags;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patch;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Text;
import org.groundwork.work.Work;
import org.groundwork.work.WorkService;
import org.groundwork.platform.BusinessMetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.groundwork.platform.Text.blankToNull;
import static org.groundwork.platform.Patch.required;

/** Actions, the organizers present at them, attendance, and the heat rule. */
@ApplicationScoped
@Transactional
public class ActionService {

    @Inject
    EntityManager em;
    @Inject
    Validator validator;
    @Inject
    CurrentOrganizer current;
    @Inject
    WorkService works;
    @Inject
    ContactService contacts;
    @Inject
    OrganizerService organizers;
    @Inject
    FollowUpService followUps;
    @Inject
    Audit audit;
    @Inject
    BusinessMetrics metrics;

    /** An action of the caller's team, or 404; the entity stays in this service. */
    private Action require(UUID id) {
        return TeamScoped.require(Action.class, id, "action");
    }

    /** An action of the caller's team with its attendance and its version (the ETag), or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<ActionView> find(UUID id) {
        return stored(require(id));
    }

    private Versioned<ActionView> stored(Action a) {
        return new Versioned<>(view(a), a.version);
    }

    /**
     * Newest first. One query for the page with both counts as subqueries, one for the
     * organizers present on the page: never a query per row.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ActionItem> list(UUID workId, int n, String cursor) {
        Cursor.List cursors = Cursor.of(current.teamId(), "actions", workId);
        Cursor.Position after = cursors.position(cursor);
        TeamScoped.filter(Work.class, workId, "work", "work");
        StringBuilder hql = new StringBuilder("""
                select x.id, x.workId, x.title, x.kind, x.startsAt, x.durationMinutes, x.location,
                       x.createdAt, x.updatedAt,
                       (select count(a) from Attendance a where a.actionId = x.id),
                       (select count(a) from Attendance a where a.actionId = x.id and a.firstTime = true)
                from Action x where x.teamId = :team""");
        if (workId != null) {
            hql.append(" and x.workId = :work");
        }
        if (after != null) {
            hql.append(" and ").append(after.olderThan("x.startsAt", "x.id"));
        }
        hql.append(" order by x.startsAt desc, x.id desc");
        TypedQuery<Object[]> query = em.createQuery(hql.toString(), Object[].class)
                .setParameter("team", current.teamId());
        if (workId != null) {
            query.setParameter("work", workId);
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<Object[]> rows = query.setMaxResults(n + 1).getResultList();
        Page<Object[]> page = Page.of(rows, n, r -> cursors.of((Instant) r[4], (UUID) r[0]));
        Map<UUID, List<UUID>> present = organizersOf(page.items().stream().map(r -> (UUID) r[0]).toList());
        return page.map(r -> new ActionItem((UUID) r[0], (UUID) r[1], (String) r[2], (ActionKind) r[3],
                (Instant) r[4], ((Number) r[5]).intValue(), (String) r[6],
                present.getOrDefault((UUID) r[0], List.of()),
                ((Number) r[9]).longValue(), ((Number) r[10]).longValue(), (Instant) r[7], (Instant) r[8]));
    }

    /** The action with its organizers present and whole attendance, by name (erased contacts last). */
    private ActionView view(Action a) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.contact_id, c.full_name, a.first_time, a.notes
                        from attendance a join contact c on c.team_id = a.team_id and c.id = a.contact_id
                        where a.team_id = ?1 and a.action_id = ?2
                        order by c.full_name nulls last, a.contact_id""")
                .setParameter(1, a.teamId)
                .setParameter(2, a.id)
                .getResultList();
        List<AttendanceView> attendance = rows.stream()
                .map(r -> new AttendanceView((UUID) r[0], (String) r[1], (Boolean) r[2], (String) r[3]))
                .toList();
        return ActionView.of(a, organizersOf(List.of(a.id)).getOrDefault(a.id, List.of()), attendance);
    }

    public Versioned<ActionView> create(@NotNull @Valid NewAction request) {
        List<FieldError> errors = new ArrayList<>();
        UUID workId = checkWork(request.workId(), errors);
        List<UUID> present = request.organizerIds() == null
                ? List.of(current.id()) : checkOrganizers(request.organizerIds(), errors);
        if (followUps.beyondReach(request.startsAt())) {
            errors.add(new FieldError("startsAt", FollowUpService.WITHIN_TEN_YEARS));
        }
        String title = title(request.title(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Action a = new Action();
        a.teamId = current.teamId();
        a.workId = workId;
        a.title = title;
        a.kind = request.kind() == null ? ActionKind.OTHER : request.kind();
        a.startsAt = request.startsAt();
        a.durationMinutes = request.durationMinutes();
        a.location = blankToNull(request.location());
        a.createdBy = current.id();
        a.persist();
        em.flush();
        writeOrganizers(a, present);
        audit.record(AuditKind.CREATED, AuditEntity.ACTION, a.id);
        return stored(a);
    }

    public Versioned<ActionView> change(UUID id, Patch<ActionChange> patch, String ifMatch) {
        Action a = require(id);
        ETags.check(ifMatch, a.version);
        Before before = audit.before(a, ActionChange.class).and("organizerIds", () -> organizerIds(a));
        ActionChange c = patch.value();
        List<FieldError> errors = new ArrayList<>();
        UUID workId = patch.has("workId") ? checkWork(c.workId(), errors) : a.workId;
        List<UUID> present = null;
        if (patch.has("organizerIds")) {
            present = checkOrganizers(required(c.organizerIds(), "organizerIds"), errors);
        }
        // the fields an action cannot go without, said in the same answer as the organizers and the work
        // (the edit page said them one round after another)
        missing(patch, "title", c.title(), errors);
        String title = patch.has("title") && c.title() != null ? title(c.title(), errors) : null;
        missing(patch, "kind", c.kind(), errors);
        missing(patch, "startsAt", c.startsAt(), errors);
        missing(patch, "durationMinutes", c.durationMinutes(), errors);
        Instant oldStart = a.startsAt;
        boolean moved = patch.has("startsAt") && c.startsAt() != null && !c.startsAt().equals(oldStart);
        if (moved && followUps.beyondReach(c.startsAt())) {
            errors.add(new FieldError("startsAt", FollowUpService.WITHIN_TEN_YEARS));
        } else if (moved && followUps.answeredBefore(a.id, c.startsAt())) {
            errors.add(new FieldError("startsAt", FollowUpService.ANSWERED_BEFORE_START));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        a.workId = workId;
        if (patch.has("title")) {
            a.title = title;
        }
        if (patch.has("kind")) {
            a.kind = required(c.kind(), "kind");
        }
        if (patch.has("startsAt")) {
            a.startsAt = required(c.startsAt(), "startsAt");
        }
        if (patch.has("durationMinutes")) {
            a.durationMinutes = required(c.durationMinutes(), "durationMinutes");
        }
        if (patch.has("location")) {
            a.location = blankToNull(c.location());
        }
        if (present != null) {
            writeOrganizers(a, present);
        }
        // a save that changed nothing writes nothing: no event, the same time and version
        if (!audit.changed(AuditKind.CHANGED, AuditEntity.ACTION, a.id, before).isEmpty()) {
            a.updatedAt = Instant.now();
        }
        em.flush();
        if (moved) {
            followUps.followTheAction(a.id, oldStart);
        }
        return stored(a);
    }

    /**
     * The longest attendance list: a march's, all checked in at the door in one request. Capped so
     * that one request stays well inside its transaction's minute on a small machine.
     */
    static final int MOST_ATTENDING = 5000;

    /** An action's title at most, in characters (the column's check; ActionJson's @Size says the same). */
    static final int TITLE = 200;

    /**
     * The title as every name is read (Text.name): one of only control characters was trimmed to nothing and refused
     * by the column's check as a bare 409, one of a no-break or zero-width space alone stored (a walk). Refused, it is
     * said with the other fields' refusals, in one answer; null then.
     */
    private static String title(String typed, List<FieldError> errors) {
        try {
            return Text.name("title", typed, TITLE);
        } catch (ProblemException refused) {
            errors.addAll(refused.errors());
            return null;
        }
    }

    /**
     * Replaces the whole attendance. Every item is checked before anything is written, so a
     * bad list leaves the attendance (and the contacts) exactly as they were.
     */
    public Versioned<ActionView> replaceAttendance(UUID id, @NotNull List<@Valid AttendanceItem> items, String ifMatch) {
        if (items.size() > MOST_ATTENDING) {
            throw Problems.badRequest("An attendance list holds at most " + MOST_ATTENDING
                    + " people; this one has " + items.size());
        }
        Action action = require(id);
        ETags.check(ifMatch, action.version);

        // 1. check every item; a contact lookup that fails becomes a 400 on that item. The listed
        // contacts are held in one statement, in id order (ContactService.knownAll); someone erased
        // since they came stays on the list as they are (their attendance counts in the figures),
        // without words, and can no longer be added
        Map<UUID, Attendance> existing = new HashMap<>();
        for (Attendance row : Attendance.<Attendance>list("actionId", action.id)) {
            existing.put(row.contactId, row);
        }
        Map<UUID, Known> live = contacts.knownAll(items.stream()
                .filter(item -> item != null && item.contactId() != null).map(AttendanceItem::contactId).toList());
        Set<UUID> erased = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, Known> known = new HashMap<>();
        Map<UUID, Integer> seen = new HashMap<>();
        Map<ContactService.NewPersonKey, Integer> seenNew = new HashMap<>();
        Map<Integer, UUID> unknown = new java.util.TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            AttendanceItem item = items.get(i);
            if (item == null) {
                errors.add(new FieldError("[" + i + "]", "must be an object"));
                continue;
            }
            if ((item.contactId() == null) == (item.newContact() == null)) {
                errors.add(new FieldError("[" + i + "].contactId",
                        "give either a contactId or a newContact (someone checked in at the door), exactly one"));
                continue;
            }
            if (item.contactId() == null) {
                // someone new at the door: the contact rules of every door (ContactFields), named in the item
                for (FieldError f : item.newContact().fields().problems(validator, NewContact.FIELDS)) {
                    errors.add(new FieldError("[" + i + "].newContact." + f.field(), f.message()));
                }
                // the same new person twice in one list, as they would be stored, is a double tap, not two people
                // (a walk: two contacts, each a first-timer with a follow-up), as a contactId listed twice is
                Integer twice = seenNew.putIfAbsent(contacts.keyOf(item.newContact().fullName(),
                        item.newContact().phone(), item.newContact().email()), i);
                if (twice != null) {
                    errors.add(new FieldError("[" + i + "].newContact", "this new person is already listed at [" + twice + "]"));
                }
                continue;
            }
            Integer earlier = seen.putIfAbsent(item.contactId(), i);
            if (earlier != null) {
                errors.add(new FieldError("[" + i + "].contactId", "this contact is already listed at [" + earlier + "]"));
                continue;
            }
            if (live.containsKey(item.contactId())) {
                known.put(i, live.get(item.contactId()));
            } else if (existing.containsKey(item.contactId())) {
                erased.add(item.contactId());
                known.put(i, new Known(item.contactId(), null, null));
                if (item.notes() != null && !item.notes().isBlank()) {
                    errors.add(new FieldError("[" + i + "].notes", "this contact was erased; their attendance keeps no notes"));
                }
            } else {
                unknown.put(i, item.contactId());
            }
        }
        // picked from the door's search, then erased: said as that, not as an id never seen (the probe); the
        // ids no live contact answered to, looked at in one statement (a list may hold thousands)
        Set<UUID> gone = contacts.erasedAmong(unknown.values());
        unknown.forEach((i, contactId) -> {
            if (gone.contains(contactId)) {
                errors.add(new FieldError("[" + i + "].contactId", "this person was erased; they can no longer be checked in"));
            } else {
                errors.add(new FieldError("[" + i + "].contactId", "no contact with that id in your team"));
            }
        });
        if (!errors.isEmpty()) {
            // in the list's order, as each item was checked (the unknown ids are said after the loop): stable
            errors.sort(java.util.Comparator.comparingInt(ActionService::itemOf));
            throw Problems.invalid(errors);
        }

        // 2. who already had an action before this one: they are not first-timers by default
        Set<UUID> veterans = attendedBefore(action.startsAt, seen.keySet());

        // 3. write: update kept rows, add new ones, remove the rest
        Set<UUID> kept = new HashSet<>();
        // a list sent back as stored writes nothing: no event, the same time and version, as a PATCH
        // that changes nothing (the walk: a Remove for someone not on the list wrote both)
        boolean changed = false;
        List<Known> becameFirstTimers = new ArrayList<>();
        // no longer a first-timer here: taken off the list, or firstTime changed to false
        List<UUID> leftFirstTime = new ArrayList<>();
        // everyone taken off, first time or not: a follow-up may name this list, moved here from an earlier one
        List<UUID> takenOff = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AttendanceItem item = items.get(i);
            Known contact = item.newContact() != null
                    ? contacts.createAtDoor(item.newContact().fullName(), item.newContact().phone(),
                            item.newContact().email())
                    : known.get(i);
            kept.add(contact.id());
            Attendance row = existing.get(contact.id());
            boolean wasFirstTime = row != null && row.firstTime;
            if (row == null) {
                row = new Attendance();
                row.teamId = action.teamId;
                row.actionId = action.id;
                row.contactId = contact.id();
                row.recordedBy = current.id();
                row.firstTime = item.firstTime() != null ? item.firstTime() : !veterans.contains(contact.id());
                row.persist();
                metrics.checkedIn(row.firstTime);
                changed = true;
            } else if (item.firstTime() != null && row.firstTime != item.firstTime()) {
                row.firstTime = item.firstTime();
                changed = true;
            }
            if (wasFirstTime && !row.firstTime) {
                leftFirstTime.add(contact.id());
            }
            String notes = blankToNull(item.notes());
            changed |= !java.util.Objects.equals(row.notes, notes);
            row.notes = notes;
            if (row.firstTime && !wasFirstTime && !erased.contains(contact.id())) {
                becameFirstTimers.add(contact);
            }
        }
        for (Attendance row : existing.values()) {
            if (!kept.contains(row.contactId)) {
                if (row.firstTime) {
                    leftFirstTime.add(row.contactId);
                }
                takenOff.add(row.contactId);
                row.delete();
                changed = true;
            }
        }
        if (!changed) {
            return stored(action);
        }

        // 4. a first-timer by mistake is owed no after-action follow-up: the one their check-in
        // opened goes, unless they are still a newcomer (FollowUpService.dropAfterAction: then it
        // moves to their first remaining action, earlier or later) or it was changed by hand
        followUps.dropAfterAction(action.id, leftFirstTime, takenOff);

        // 5. the heat rule: first-timers are followed up within the team's heat window
        if (!becameFirstTimers.isEmpty()) {
            Map<UUID, UUID> assigneeByContact = new LinkedHashMap<>();
            for (Known c : becameFirstTimers) {
                // the owner, or who checked them in when there is none or the owner was deactivated
                assigneeByContact.put(c.id(), organizers.assignableOrCaller(c.ownerId()));
            }
            followUps.openAfterAction(assigneeByContact, action.id);
        }

        // the attendance is part of the action's representation, so its ETag moves too
        action.updatedAt = Instant.now();
        audit.record(AuditKind.ATTENDANCE_CHANGED, AuditEntity.ACTION, action.id);
        em.flush();
        return stored(action);
    }

    /** Who of these came to an action of the team before this one: not first-timers by the design's rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> cameBefore(ActionView action, Set<UUID> contactIds) {
        return attendedBefore(action.startsAt(), contactIds);
    }

    private Set<UUID> attendedBefore(Instant startsAt, Set<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("""
                        select distinct a.contact_id
                        from attendance a join action x on x.team_id = a.team_id and x.id = a.action_id
                        where a.team_id = :team and a.contact_id in (:contacts) and x.starts_at < :at""")
                .setParameter("team", current.teamId())
                .setParameter("contacts", contactIds)
                .setParameter("at", startsAt)
                .getResultList();
        return new HashSet<>(rows);
    }

    private UUID checkWork(UUID workId, List<FieldError> errors) {
        if (workId == null) {
            return null;
        }
        try {
            return works.require(workId).id();
        } catch (ProblemException e) {
            errors.add(new FieldError("workId", "no work with that id in your team"));
            return null;
        }
    }

    /** A field the change sets to nothing, as {@code Patch.required} would refuse it. */
    private static void missing(Patch<ActionChange> patch, String field, Object value, List<FieldError> errors) {
        FieldError emptied = patch.emptied(field, value);
        if (emptied != null) {
            errors.add(emptied);
        }
    }

    /**
     * The organizers a change names, by the change's own rule (at least one, each of the team): public for
     * the edit page, which says it with the form's other mistakes rather than once they are mended (the walk).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void organizersThere(List<UUID> ids) {
        List<FieldError> errors = new ArrayList<>();
        checkOrganizers(ids == null ? List.of() : ids, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }

    private List<UUID> checkOrganizers(List<UUID> ids, List<FieldError> errors) {
        if (ids.isEmpty()) {
            // an action nobody was at: its minutes and first-timers left every organizer's report without a word
            // (the edit page's boxes all unticked dropped them)
            errors.add(new FieldError("organizerIds", "must name at least one organizer who was there"));
            return List.of();
        }
        Set<UUID> present = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (id == null) {
                errors.add(new FieldError("organizerIds[" + i + "]", "must be an organizer id"));
                continue;
            }
            try {
                present.add(organizers.find(id).view().id());
            } catch (ProblemException e) {
                errors.add(new FieldError("organizerIds[" + i + "]", "no organizer with that id in your team"));
            }
        }
        return List.copyOf(present);
    }

    /** action_organizer has no entity (it is a plain link table that needs team_id): kept with SQL. */
    private void writeOrganizers(Action a, List<UUID> present) {
        em.createNativeQuery("delete from action_organizer where action_id = ?1")
                .setParameter(1, a.id).executeUpdate();
        for (UUID organizerId : present) {
            em.createNativeQuery("insert into action_organizer (action_id, organizer_id, team_id) values (?1, ?2, ?3)")
                    .setParameter(1, a.id).setParameter(2, organizerId).setParameter(3, a.teamId)
                    .executeUpdate();
        }
    }

    /** Who is present at the action, as stored (a set: their order means nothing). */
    private Set<UUID> organizerIds(Action a) {
        return Set.copyOf(organizersOf(List.of(a.id)).getOrDefault(a.id, List.of()));
    }

    private Map<UUID, List<UUID>> organizersOf(List<UUID> actionIds) {
        Map<UUID, List<UUID>> present = new HashMap<>();
        if (actionIds.isEmpty()) {
            return present;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select action_id, organizer_id from action_organizer
                        where team_id = :team and action_id in (:ids) order by organizer_id""")
                .setParameter("team", current.teamId())
                .setParameter("ids", actionIds)
                .getResultList();
        for (Object[] r : rows) {
            present.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
        }
        return present;
    }

    /** The list item a field error names ("[3].contactId": 3). */
    private static int itemOf(FieldError e) {
        String field = e.field();
        int close = field.indexOf(']');
        return field.startsWith("[") && close > 1 ? Integer.parseInt(field.substring(1, close)) : -1;
    }
}
