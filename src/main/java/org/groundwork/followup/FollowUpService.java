package org.groundwork.followup;

import org.groundwork.contact.ContactService.Known;
import org.groundwork.platform.TeamScoped;
import org.groundwork.platform.Versioned;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.groundwork.audit.Audit;
import org.groundwork.audit.AuditEntity;
import org.groundwork.audit.AuditKind;
import org.groundwork.audit.Before;
import org.groundwork.contact.Contact;
import org.groundwork.contact.ContactService;
import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.followup.FollowUpJson.FollowUpFilter;
import org.groundwork.followup.FollowUpJson.CoolingContact;
import org.groundwork.followup.FollowUpJson.FollowUpChange;
import org.groundwork.followup.FollowUpJson.FollowUpView;
import org.groundwork.followup.FollowUpJson.NewFollowUp;
import org.groundwork.followup.FollowUpJson.Queue;
import org.groundwork.followup.FollowUpJson.QueueContact;
import org.groundwork.followup.FollowUpJson.QueueItem;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Organizer;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.organizer.Role;
import org.groundwork.organizer.Team;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patch;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Word;
import org.groundwork.platform.BusinessMetrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.groundwork.platform.Patch.required;

/** Follow-ups and the queue built from them. */
@ApplicationScoped
@Transactional
public class FollowUpService {

    /** The queue shows the near future, not the whole year. */
    static final int UPCOMING_MAX = 100;
    static final int COOLING_MAX = 100;

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    ContactService contacts;
    @Inject
    OrganizerService organizers;
    @Inject
    Audit audit;
    @Inject
    BusinessMetrics metrics;

    /** The purpose the app writes on an after-action follow-up; pages say it in their language (FollowUpWords). */
    public static final String AFTER_ACTION_PURPOSE = "Follow up after their first action";

    /**
     * When an after-action follow-up is due: the team's heat window's days after its action's day in
     * the team's time zone. The one copy of the rule, as SQL over an action row ({@code %s}: its alias),
     * so the statements that open, keep and move these follow-ups ask the same; {@link #heatWindow}
     * gives it the team's zone and window.
     */
    static final String AFTER_ACTION_DUE = "((%1$s.starts_at at time zone :zone)::date + :heat)";

    private static Query heatWindow(Query query, Team team) {
        return query.setParameter("zone", team.timeZone).setParameter("heat", team.heatWindowDays);
    }

    /**
     * The heat rule: opens an after-action follow-up for each first-timer (contact → assignee)
     * unless one is already open for them, due as {@link #AFTER_ACTION_DUE} says after the action.
     * The partial unique index makes "unless" hold under
     * concurrent check-ins too. One statement for the whole list: a statement per person made
     * Hibernate flush and dirty-check every row of the check-in before each, and a list of 3,000
     * people at the door ran past the transaction's minute. Returns how many were opened.
     */
    public int openAfterAction(Map<UUID, UUID> assigneeByContact, UUID actionId) {
        List<UUID> opened = insertAfterAction(current.team(), current.id(), assigneeByContact, actionId);
        for (UUID id : opened) {
            audit.record(AuditKind.CREATED, AuditEntity.FOLLOW_UP, id);
            metrics.followUpOpened(FollowUpReason.AFTER_ACTION);
        }
        if (opened.size() < assigneeByContact.size()) {
            moveToAnEarlierFirstAction(assigneeByContact.keySet(), actionId);
        }
        return opened.size();
    }

    /**
     * A first-timer checked in at an action earlier than the one their open after-action follow-up is about (a
     * meeting of the night before, recorded after the march): that follow-up moves to this action, due as one opened
     * here would be, as taking them off a list moves it to their first remaining action ({@link #dropAfterAction}).
     * It had stayed due by the later action, while the reports' heat window, counted from their first action, closed
     * before that day, so a talk on the day Today asked for counted as not in time (a walk). Not one changed by hand
     * (what the organizer chose stays), nor when this action already has another after-action follow-up of theirs,
     * of any status (it would ask for that talk a second time), nor when this action's heat window does not reach the
     * later one's day (someone with a history there, as a list's move judges it). The move is audited as a list's
     * move is.
     */
    private void moveToAnEarlierFirstAction(Collection<UUID> firstTimers, UUID actionId) {
        lockOpenAfterAction(firstTimers); // in dropAfterAction's order: two lists saved at once cannot deadlock
        @SuppressWarnings("unchecked")
        List<Object[]> moved = (List<Object[]>) heatWindow(em.createNativeQuery("""
                        with k as (
                            select f.id, f.due_on as was from follow_up f
                                 join action old on old.team_id = f.team_id and old.id = f.source_action_id
                                 join action s on s.team_id = f.team_id and s.id = :action
                            where f.team_id = :team and f.contact_id = any (string_to_array(:people, ',')::uuid[])
                              and f.status = 'open' and f.reason = 'after-action'
                              and (s.starts_at, s.id) < (old.starts_at, old.id)
                              -- still a newcomer at the later action, as a list's move asks; else the later one stays
                              -- theirs, as it was opened
                              and %3$s
                              and not %4$s
                              and %2$s)
                        update follow_up f
                        set source_action_id = s.id, due_on = %1$s, updated_at = now(), version = f.version + 1
                        from k, action s
                        where f.id = k.id and s.team_id = f.team_id and s.id = :action
                        returning f.id, f.due_on <> k.was""".formatted(AFTER_ACTION_DUE.formatted("s"), UNCHANGED,
                        REACHES.formatted(AFTER_ACTION_DUE.formatted("s"), "old"), ANOTHER_AT.formatted("s"))),
                current.team())
                .setParameter("team", current.teamId())
                .setParameter("people", String.join(",", firstTimers.stream().map(UUID::toString).toList()))
                .setParameter("action", actionId)
                .getResultList();
        for (Object[] r : moved) {
            auditMoved(uuid(r[0]), (Boolean) r[1]);
        }
    }

    /** A follow-up moved to another action by the rule: one event naming sourceActionId (UNCHANGED counts them). */
    private void auditMoved(UUID id, boolean dueMoved) {
        if (dueMoved) {
            audit.changed(AuditKind.CHANGED, AuditEntity.FOLLOW_UP, id, "dueOn", SOURCE_ACTION);
        } else {
            audit.changed(AuditKind.CHANGED, AuditEntity.FOLLOW_UP, id, SOURCE_ACTION);
        }
    }

    /**
     * {@link #openAfterAction} for the demo team's seed, where no one is logged in: {@code by} opens
     * them. Seed data like the rest of the demo (no trail event, no metric), yet the same follow-ups
     * the rule opens: its purpose, its action and its due day, so a change of the rule is the demo's too.
     */
    public void openAfterActionAs(Team team, UUID by, Map<UUID, UUID> assigneeByContact, UUID actionId) {
        insertAfterAction(team, by, assigneeByContact, actionId);
    }

    private List<UUID> insertAfterAction(Team team, UUID by, Map<UUID, UUID> assigneeByContact, UUID actionId) {
        if (assigneeByContact.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        List<String> assignees = new ArrayList<>();
        assigneeByContact.forEach((contact, assignee) -> {
            ids.add(Ids.next().toString());
            contacts.add(contact.toString());
            assignees.add(assignee.toString());
        });
        @SuppressWarnings("unchecked")
        List<UUID> opened = heatWindow(em.createNativeQuery("""
                        insert into follow_up (id, team_id, contact_id, assignee_id, due_on, purpose, reason, status,
                                               source_action_id, created_by, created_at, updated_at, version)
                        select f.id, s.team_id, f.contact_id, f.assignee_id, %s, :purpose, 'after-action', 'open',
                               s.id, :by, now(), now(), 0
                        from unnest(string_to_array(:ids, ',')::uuid[], string_to_array(:contacts, ',')::uuid[],
                                    string_to_array(:assignees, ',')::uuid[]) as f(id, contact_id, assignee_id)
                             join action s on s.team_id = :team and s.id = :action
                        on conflict (contact_id) where status = 'open' and reason = 'after-action' do nothing
                        returning id""".formatted(AFTER_ACTION_DUE.formatted("s")), UUID.class), team)
                .setParameter("ids", String.join(",", ids))
                .setParameter("team", team.id)
                .setParameter("contacts", String.join(",", contacts))
                .setParameter("assignees", String.join(",", assignees))
                .setParameter("action", actionId)
                .setParameter("by", by)
                .setParameter("purpose", AFTER_ACTION_PURPOSE)
                .getResultList();
        return opened;
    }

    /**
     * The heat rule undone. Of the people an attendance replace took off a list as first-timers or said
     * were not first-timers after all ({@code leftFirstTime}: all their after-action follow-ups are
     * looked at), and of everyone it took off ({@code takenOff}: only a follow-up that names this very
     * list, moved here from an earlier one), those who are no longer newcomers get their open
     * after-action follow-up dropped, as an erasure drops one that no longer applies, if a check-in
     * opened it (it names its action) and nobody changed it since (not rescheduled, reassigned,
     * reworded, or closed and reopened by hand; what the organizer did stays). Those still newcomers
     * who are on the follow-up's action no more have it moved to their first remaining action, later or
     * earlier (it is owed after the first action they came to, whichever that is now): it names that
     * action and is due as one opened there would be ({@link #AFTER_ACTION_DUE}), so Today does not
     * show a follow-up "after" an action they did not come to, due at another time. Someone still on the follow-up's action (only "not the first time"
     * there now) keeps it where it is: they came.
     * <p>
     * A newcomer still is someone whose first remaining action (the earliest list they are on, a
     * "not the first time" on {@code actionId} itself not counting) has its heat window reaching the
     * action that opened the follow-up: it began that action's day, later, or at most the heat
     * window's days before. So someone checked in at the wrong action first, then at the right one
     * (whose history then said "not the first"), keeps it when taken off the wrong list, moved to the
     * right one; and so does a first-timer of the day before (moved back to that day's action, due
     * sooner, perhaps late: the heat section shows it marked late). Someone on no list, or whose first action is older (people with a history, ticked "first time" by mistake: on
     * another list, yet never a first-timer), loses it. Measured from the follow-up's own action, not
     * the list they left: an earlier action's follow-up is theirs however long ago that was. When that
     * first remaining action already has another after-action follow-up of theirs, of any status (its
     * talk open, had, or given up), this one is dropped instead of moved: moved there it would ask for
     * that talk a second time (a first-timer of the day before, ticked "first time" again by mistake).
     * <p>
     * "Nobody changed it": its version counts only these moves (each one an event naming
     * {@code sourceActionId}, which no one can change by hand). A move changes the follow-up, so its
     * version (the ETag) moves too, and a follow-up moved and then taken off that list as well is
     * still the rule's to drop. One statement; runs after the attendance is written, which it reads.
     * Returns how many were dropped or moved.
     */
    public int dropAfterAction(UUID actionId, Collection<UUID> leftFirstTime, Collection<UUID> takenOff) {
        if (leftFirstTime.isEmpty() && takenOff.isEmpty()) {
            return 0;
        }
        em.flush();
        // two lists replaced at once (the person taken off both) would each judge from its own snapshot:
        // one moves the follow-up to the other's list while the other, not yet seeing the move, passes it
        // by, and it stays open "after" a list they are on no more. Their open after-action follow-ups
        // are locked first, in one order; the statement below, begun after, sees what the other committed.
        Set<UUID> people = new TreeSet<>(leftFirstTime);
        people.addAll(takenOff);
        lockOpenAfterAction(people);
        @SuppressWarnings("unchecked")
        List<Object[]> changed = (List<Object[]>) heatWindow(em.createNativeQuery("""
                        with k as (
                            select f.id, f.version, f.due_on, n.id as first_id,
                                   %1$s as first_due,
                                   coalesce(%3$s, false)
                                     and not (n.id <> f.source_action_id and %4$s) as newcomer,
                                   not exists (select 1 from attendance o where o.team_id = f.team_id
                                                 and o.action_id = f.source_action_id and o.contact_id = f.contact_id) as gone
                            from follow_up f
                                 join action s on s.team_id = f.team_id and s.id = f.source_action_id
                                 left join lateral (select x.id, x.starts_at
                                                    from attendance a join action x on x.team_id = a.team_id and x.id = a.action_id
                                                    where a.team_id = f.team_id and a.contact_id = f.contact_id
                                                      and (a.first_time or a.action_id <> :action)
                                                    order by x.starts_at, x.id limit 1) n on true
                            where f.team_id = :team
                              and (f.contact_id = any (string_to_array(:leftFirst, ',')::uuid[])
                                   or f.source_action_id = :action
                                      and f.contact_id = any (string_to_array(:takenOff, ',')::uuid[]))
                              and f.status = 'open' and f.reason = 'after-action'
                              and %2$s)
                        update follow_up f
                        set status = case when k.newcomer then f.status else 'dropped' end,
                            closed_at = case when k.newcomer then f.closed_at else now() end,
                            source_action_id = case when k.newcomer then k.first_id else f.source_action_id end,
                            due_on = case when k.newcomer then k.first_due else f.due_on end,
                            updated_at = now(), version = f.version + 1
                        from k
                        where f.id = k.id and f.status = 'open' and f.version = k.version
                          and (not k.newcomer or k.gone)
                        returning f.id, k.newcomer, f.due_on <> k.due_on""".formatted(AFTER_ACTION_DUE.formatted("n"),
                        UNCHANGED, REACHES.formatted(AFTER_ACTION_DUE.formatted("n"), "s"), ANOTHER_AT.formatted("n"))),
                current.team())
                .setParameter("team", current.teamId())
                .setParameter("leftFirst", String.join(",", leftFirstTime.stream().map(UUID::toString).toList()))
                .setParameter("takenOff", String.join(",", takenOff.stream().map(UUID::toString).toList()))
                .setParameter("action", actionId)
                .getResultList();
        for (Object[] r : changed) {
            UUID id = uuid(r[0]);
            if (!(Boolean) r[1]) {
                audit.changed(AuditKind.CHANGED, AuditEntity.FOLLOW_UP, id, "status");
            } else {
                auditMoved(id, (Boolean) r[2]);
            }
        }
        return changed.size();
    }

    /** The field a move names in the audit trail (dropAfterAction counts these events). */
    static final String SOURCE_ACTION = "sourceActionId";

    /** The field a follow-up's event names when its action's date moved it ({@link #followTheAction}). */
    static final String ACTION_MOVED = "actionStartsAt";

    /**
     * The field a follow-up's event names when the deletion of the conversation that completed it reopened it
     * ({@link #reopenCompletedBy}): that completion undone, with the reopening, is no change by hand.
     */
    static final String COMPLETION_UNDONE = "completedByConversationId";

    /**
     * "Nobody changed it" (dropAfterAction), of follow-up {@code f}: its version counts only the rule's own moves, to
     * another action's list or with its action's date, and twice each completion by a conversation deleted since (the
     * completion and its undoing: a walk saw a follow-up so reopened kept for good as if changed by hand).
     */
    private static final String UNCHANGED = """
            f.version = (select count(*) + count(*) filter (where '%3$s' = any (e.fields)) from audit_event e
                         where e.team_id = f.team_id and e.entity_id = f.id and e.kind = 'changed'
                           and ('%1$s' = any (e.fields) or '%2$s' = any (e.fields) or '%3$s' = any (e.fields)))"""
            .formatted(SOURCE_ACTION, ACTION_MOVED, COMPLETION_UNDONE);

    /**
     * A newcomer still, of the first-time action whose due day is %1$s and the later action aliased %2$s: that heat
     * window reaches the later action's day (a list's move, {@link #dropAfterAction}, and an earlier check-in,
     * {@link #moveToAnEarlierFirstAction}, judge alike).
     */
    private static final String REACHES = "%1$s >= (%2$s.starts_at at time zone :zone)::date";

    /**
     * Follow-up {@code f}'s person has another after-action follow-up about the action aliased %1$s, of any status:
     * moved there, it would ask for that talk a second time.
     */
    private static final String ANOTHER_AT = """
            exists (select 1 from follow_up d where d.team_id = f.team_id and d.contact_id = f.contact_id
                      and d.reason = 'after-action' and d.source_action_id = %1$s.id and d.id <> f.id)""";

    /**
     * These people's open after-action follow-ups locked, in id order, before a statement judges them: two lists
     * saved at once (a person on both) each wait for the other's move and then see it, and never deadlock.
     */
    private void lockOpenAfterAction(Collection<UUID> people) {
        em.createNativeQuery("""
                        select f.id from follow_up f
                        where f.team_id = :team and f.contact_id = any (string_to_array(:people, ',')::uuid[])
                          and f.status = 'open' and f.reason = 'after-action'
                        order by f.id for update""")
                .setParameter("team", current.teamId())
                .setParameter("people", String.join(",", people.stream().map(UUID::toString).toList()))
                .getResultList();
    }

    /**
     * An action's date corrected: its first-timers' open after-action follow-ups that nobody changed by hand move by
     * as many days as the action's day moved (in the team's time zone). They had stayed due by the old date, days
     * before the action they are about (the walk). Moved by the days, not opened again: a heat window changed since
     * keeps the window they were opened with, as a change of the window moves no open follow-up. One changed by hand
     * (rescheduled, reassigned, reworded) keeps what the organizer chose. Runs after the action's new date is
     * written, which it reads.
     */
    public void followTheAction(UUID actionId, Instant oldStart) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<UUID> moved = em.createNativeQuery("""
                        with d as (
                            select s.id, (s.starts_at at time zone :zone)::date
                                         - (cast(:old as timestamptz) at time zone :zone)::date as days
                            from action s where s.team_id = :team and s.id = :action)
                        update follow_up f
                        set due_on = f.due_on + d.days, updated_at = now(), version = f.version + 1
                        from d
                        where d.days <> 0 and f.team_id = :team and f.source_action_id = d.id
                          and f.status = 'open' and f.reason = 'after-action' and %s
                        returning f.id""".formatted(UNCHANGED), UUID.class)
                .setParameter("zone", current.team().timeZone)
                .setParameter("old", oldStart)
                .setParameter("team", current.teamId())
                .setParameter("action", actionId)
                .getResultList();
        for (UUID id : moved) {
            audit.changed(AuditKind.CHANGED, AuditEntity.FOLLOW_UP, id, "dueOn", ACTION_MOVED);
        }
    }

    /**
     * The save's rule ({@link #beforeItsAction}) kept when a date moves afterwards: an action's new start after a
     * conversation that completed one of its after-action follow-ups would leave that follow-up done by a conversation
     * before the action (the walk). The action's change says {@link #ANSWERED_BEFORE_START} on its date; reopening the
     * follow-up first lets the date move. The action is held first ({@link #heldStart}), then the talks are read
     * in a statement of their own: a conversation saved, moved or completing meanwhile holds it too, so one of the
     * two waits and then sees the other (the review: each had read the other's old value).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean answeredBefore(UUID actionId, Instant startsAt) {
        em.createNativeQuery("select 1 from action where team_id = :team and id = :action for no key update")
                .setParameter("team", current.teamId()).setParameter("action", actionId).getResultList();
        return !em.createNativeQuery("""
                        select f.id from follow_up f
                             join conversation c on c.team_id = f.team_id and c.id = f.completed_by_conversation_id
                        where f.team_id = :team and f.source_action_id = :action and f.reason = 'after-action'
                          and f.status = 'done' and c.occurred_at < :startsAt
                        limit 1""")
                .setParameter("team", current.teamId()).setParameter("action", actionId)
                .setParameter("startsAt", startsAt)
                .getResultList().isEmpty();
    }

    public static final String ANSWERED_BEFORE_START = "a conversation before this time completed a follow-up after this action;"
            + " a conversation before an action does not complete it: reopen that follow-up first";

    /**
     * {@link #answeredBefore} from the conversation's side: its new time before an action it answered. The actions
     * are held (FOR SHARE, as {@link #heldStart}) as their starts are read, so a correction of the action's date at
     * the same moment waits for this one or this one for it (a row read FOR SHARE after a wait is read as committed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refuseAnswerBeforeItsAction(UUID conversationId, UUID contactId, Instant occurredAt) {
        @SuppressWarnings("unchecked")
        List<java.time.OffsetDateTime> starts = em.createNativeQuery("""
                        select s.starts_at from follow_up f
                             join action s on s.team_id = f.team_id and s.id = f.source_action_id
                        where f.team_id = :team and f.contact_id = :contact and f.completed_by_conversation_id = :conversation
                          and f.reason = 'after-action' and f.status = 'done'
                        order by s.id
                        for share of s""", java.time.OffsetDateTime.class)
                .setParameter("team", current.teamId()).setParameter("contact", contactId)
                .setParameter("conversation", conversationId).getResultList();
        if (starts.stream().anyMatch(start -> occurredAt.isBefore(start.toInstant()))) {
            throw Problems.invalid("occurredAt", ANSWER_BEFORE_ACTION);
        }
    }

    public static final String ANSWER_BEFORE_ACTION = "this conversation completed a follow-up about an action that began after"
            + " this time; a conversation before it does not complete it: reopen that follow-up first";

    /**
     * Whether taking the person off this action's list takes their follow-up after it with them (dropped, or moved
     * to the action they came to first): it is open, about this action, and nobody changed it ({@link #dropAfterAction}).
     * Remove's question says so only then (the walk: it said so of one handed to a colleague, which stays).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean goesWithThem(UUID actionId, UUID contactId) {
        return !em.createNativeQuery("""
                        select f.id from follow_up f
                        where f.team_id = :team and f.contact_id = :contact and f.source_action_id = :action
                          and f.status = 'open' and f.reason = 'after-action'""" + " and " + UNCHANGED)
                .setParameter("team", current.teamId()).setParameter("contact", contactId).setParameter("action", actionId)
                .getResultList().isEmpty();
    }

    /** A conversation's next step: a follow-up for the conversation's organizer. Returns its id. */
    public UUID openNextStep(UUID contactId, UUID assigneeId, LocalDate dueOn, String purpose, UUID conversationId) {
        FollowUp f = new FollowUp();
        f.teamId = current.teamId();
        f.contactId = contactId;
        f.assigneeId = assigneeId;
        f.dueOn = dueOn;
        f.purpose = purpose;
        f.reason = FollowUpReason.NEXT_STEP;
        f.sourceConversationId = conversationId;
        f.createdBy = current.id();
        f.persist();
        audit.record(AuditKind.CREATED, AuditEntity.FOLLOW_UP, f.id);
        metrics.followUpOpened(f.reason);
        em.flush();
        return f.id;
    }

    /**
     * Completes exactly the follow-ups a conversation names: each must be open and about the
     * conversation's contact, else a 400 on that list entry (the caller's transaction then
     * stores nothing). Others of the contact stay open: completing is never silent. An after-action follow-up asks
     * for a talk after its action: a conversation {@code occurredAt} before the action began does not complete it
     * (the conversation form ticks it for a first-timer, and a call logged days late, dated before the action, had
     * closed it while the movement report said the first-timer was not followed up: the review).
     */
    public List<UUID> completeByConversation(UUID contactId, List<UUID> ids, UUID conversationId, Instant occurredAt) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<FollowUp> toClose = new ArrayList<>();
        LinkedHashSet<UUID> seen = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (!seen.add(id)) {
                continue;
            }
            String field = "completeFollowUpIds[" + i + "]";
            FollowUp f = TeamScoped.find(FollowUp.class, id).filter(mine -> mine.contactId.equals(contactId))
                    .orElseThrow(() -> Problems.invalid(field, "no open follow-up of this contact with that id in your team"));
            if (f.status != FollowUpStatus.OPEN) {
                throw Problems.invalid(field, "this follow-up is already " + f.status.word());
            }
            if (before(f.reason, f.sourceActionId, occurredAt, true)) {
                throw Problems.invalid(field, "this follow-up is about an action that began after this conversation; a conversation before it does not complete it");
            }
            toClose.add(f);
        }
        Instant now = Instant.now();
        for (FollowUp f : toClose) {
            f.status = FollowUpStatus.DONE;
            f.completedByConversationId = conversationId;
            f.closedAt = now;
            f.updatedAt = now;
            audit.changed(AuditKind.CHANGED, AuditEntity.FOLLOW_UP, f.id, "status");
            metrics.followUpDone(f.reason);
        }
        em.flush();
        return List.copyOf(seen);
    }

    /**
     * A conversation deleted (logged by mistake, or with the wrong person): the follow-ups it completed were
     * waiting for a talk that, as the record now says, did not happen, and had left every queue without a word
     * (the walk). They are open again, in their organizers' queues with their dates (overdue when past; a
     * deactivated organizer's in the caller's), each change in the trail. Not for an erased person (nothing more is written about them), nor an after-action
     * follow-up whose person is off its action's list now or has another one open (one at a time, the heat rule's
     * index): those stay closed. Before the conversation's row goes, whose foreign key forgets the link. How many were reopened.
     */
    public int reopenCompletedBy(UUID conversationId) {
        List<FollowUp> completed = em.createQuery("""
                select f from FollowUp f, Contact c
                where f.completedByConversationId = :conversation and f.status = :done
                  and c.id = f.contactId and c.erasedAt is null
                order by f.id""", FollowUp.class)
                .setParameter("conversation", conversationId).setParameter("done", FollowUpStatus.DONE)
                .getResultList();
        Instant now = Instant.now();
        int reopened = 0;
        for (FollowUp f : completed) {
            if (f.reason == FollowUpReason.AFTER_ACTION && (!onItsActionsList(f) || anotherOpenAfterAction(f))) {
                continue;
            }
            // back in a queue someone works: a deactivated organizer's goes to whoever deleted the talk, as a
            // follow-up the rules open does (OrganizerService.assignableOrCaller)
            UUID assignee = organizers.assignableOrCaller(f.assigneeId);
            boolean handed = !assignee.equals(f.assigneeId);
            f.assigneeId = assignee;
            f.status = FollowUpStatus.OPEN;
            f.closedAt = null;
            f.completedByConversationId = null;
            f.updatedAt = now;
            audit.changed(AuditKind.CHANGED, AuditEntity.FOLLOW_UP, f.id, handed
                    ? new String[]{"status", COMPLETION_UNDONE, "assigneeId"} : new String[]{"status", COMPLETION_UNDONE});
            reopened++;
        }
        em.flush();
        return reopened;
    }

    /**
     * Whether the person of an after-action follow-up is still on its action's list: taken off it (or the action
     * deleted), the follow-up no longer applies, as the heat rule undone drops an open one ({@link #dropAfterAction});
     * reopened, Today had asked for a talk "after" an action they were not at (the walk).
     */
    private boolean onItsActionsList(FollowUp f) {
        // held (FOR SHARE): a removal from the list under way is waited for and then seen, rather than passed by
        // while its own clean-up (dropAfterAction) sees this follow-up still done
        return f.sourceActionId != null && !em.createNativeQuery("""
                        select 1 from attendance
                        where team_id = ?1 and action_id = ?2 and contact_id = ?3
                        for share""")
                .setParameter(1, f.teamId).setParameter(2, f.sourceActionId).setParameter(3, f.contactId)
                .getResultList().isEmpty();
    }

    /**
     * Whether a conversation at {@code at} comes before the action an after-action follow-up is about, so does not
     * answer it (the heat rule asks for a conversation after the action): the save's rule and the form's tick.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean beforeItsAction(FollowUpReason reason, UUID sourceActionId, Instant at) {
        return before(reason, sourceActionId, at, false);
    }

    /** {@link #beforeItsAction}'s one rule; {@code hold}: the action's start read held ({@link #heldStart}), for a save. */
    private boolean before(FollowUpReason reason, UUID sourceActionId, Instant at, boolean hold) {
        return reason == FollowUpReason.AFTER_ACTION && sourceActionId != null
                && at.isBefore(hold ? heldStart(sourceActionId) : actionStart(sourceActionId));
    }

    /**
     * An action's start, read with the action held FOR SHARE until the transaction ends: a save that decides from it
     * (a conversation completing the follow-up after it) and a correction of the action's date ({@link #answeredBefore},
     * which holds it FOR NO KEY UPDATE) take turns, so neither decides from the other's old value (a row read FOR
     * SHARE after a wait is read as committed).
     */
    private Instant heldStart(UUID actionId) {
        return start(actionId, " for share");
    }

    private Instant actionStart(UUID actionId) {
        return start(actionId, "");
    }

    private Instant start(UUID actionId, String lock) {
        return ((java.time.OffsetDateTime) em.createNativeQuery("select starts_at from action where id = ?1 and team_id = ?2"
                + lock, java.time.OffsetDateTime.class).setParameter(1, actionId).setParameter(2, current.teamId())
                .getSingleResult()).toInstant();
    }

    /** How far ahead a follow-up can be due: further is a mistyped year. */
    static final int FURTHEST_YEARS = 10;
    public static final String WITHIN_TEN_YEARS = "must be within ten years from today";

    /**
     * A follow-up due more than ten years from today (the team's) is a mistyped year, 2126 for 2026 (a walk), made or
     * moved: by the API, by Today's Reschedule, as a conversation's next step. Only the past differs between them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void withinReach(LocalDate dueOn, String field) {
        if (dueOn != null && beyondReach(dueOn)) {
            throw Problems.invalid(field, WITHIN_TEN_YEARS);
        }
    }

    /**
     * An action starting further ahead than a follow-up may be due: the same mistyped year, and its first-timers'
     * follow-ups would be due then (a walk moved a past action with eighteen people checked in to 2199).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean beyondReach(java.time.Instant startsAt) {
        return beyondReach(startsAt.atZone(current.team().zone()).toLocalDate());
    }

    private boolean beyondReach(LocalDate day) {
        return day.isAfter(LocalDate.now(current.team().zone()).plusYears(FURTHEST_YEARS));
    }

    public Versioned<FollowUpView> create(@NotNull @Valid NewFollowUp req) {
        withinReach(req.dueOn(), "dueOn");
        Known contact = contacts.namedIn("contactId", req.contactId());
        FollowUp f = new FollowUp();
        f.teamId = current.teamId();
        f.contactId = contact.id();
        f.assigneeId = req.assigneeId() == null ? current.id() : assigneeInBody(req.assigneeId());
        f.dueOn = req.dueOn();
        f.purpose = req.purpose();
        f.reason = req.reason() == null ? FollowUpReason.OTHER : req.reason();
        f.createdBy = current.id();
        if (f.reason == FollowUpReason.AFTER_ACTION) {
            oneOpenAfterAction(f);
        }
        f.persist();
        audit.record(AuditKind.CREATED, AuditEntity.FOLLOW_UP, f.id);
        metrics.followUpOpened(f.reason);
        em.flush();
        return stored(f);
    }

    /** One follow-up of the team with its version (the ETag), or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<FollowUpView> find(UUID id) {
        return stored(load(id));
    }

    private FollowUp load(UUID id) {
        return TeamScoped.require(FollowUp.class, id, "follow-up");
    }

    private Versioned<FollowUpView> stored(FollowUp f) {
        Contact contact = Contact.findById(f.contactId);
        return new Versioned<>(FollowUpView.of(f, contact == null ? null : contact.fullName), f.version);
    }

    /** A step on Today on a follow-up that is someone else's now ({@link #step}). */
    public static final String HANDED_SINCE = "This follow-up was handed to another organizer since the page was drawn;"
            + " nothing was changed";

    /**
     * A step on Today (done, drop, reschedule), taken on a page drawn while the follow-up was open: refused when
     * it was closed since (another phone, a colleague who logged the conversation), so a follow-up done is not
     * made dropped, a dropped one done, nor a closed one's date moved; and when it was handed to another organizer
     * since (this one in another tab, a coordinator): Today is one's own queue, and a stale tab had closed or moved
     * what was now a colleague's (a walk). The same step again (a double tap, a hand-over to the one it went to)
     * finds it so already and changes nothing. The API's PATCH may change a closed one (it sends If-Match for that).
     */
    public Versioned<FollowUpView> step(UUID id, Patch<FollowUpChange> patch) {
        return step(id, patch, null);
    }

    /** A Reschedule on Today whose date was changed since its page showed {@code dueSeen} ({@link #step}). */
    public static final String DATE_CHANGED_SINCE = "This follow-up's date was changed to {day} since the page was drawn"
            + " (in another tab, or by another organizer); nothing was changed: choose the date again if yours is still right";

    /**
     * {@link #step(UUID, Patch)}; a Reschedule from a page that showed the date {@code dueSeen} (null: not said) is
     * refused when the date was changed since to another than the one asked for: a stale tab's date had replaced a
     * colleague's without a word (a walk). Sent again from the date now, it is saved.
     */
    public Versioned<FollowUpView> step(UUID id, Patch<FollowUpChange> patch, LocalDate dueSeen) {
        // steps on one follow-up take turns, each reading what the one before it left: a double tap's second Done
        // had met the first's new version and was said as "someone changed this" (a walk), and a Done racing a
        // Drop, or two hand-overs, as that instead of "closed since" or "handed since"
        em.createNativeQuery("select 1 from follow_up where id = ?1 and team_id = ?2 for no key update")
                .setParameter(1, id).setParameter(2, current.teamId()).getResultList();
        FollowUp f = load(id);
        FollowUpStatus after = patch.has("status") ? patch.value().status() : FollowUpStatus.OPEN;
        if (f.status != FollowUpStatus.OPEN) {
            Contact contact = Contact.findById(f.contactId);
            if (contact == null || contact.erased()) {
                // the erasure dropped it: said as that, not as a colleague's step (the probe), also to a Drop,
                // which found it "dropped already" and said nothing
                throw Problems.conflict("This person was erased since the page was drawn, and their follow-ups with them; nothing was changed");
            }
            if (f.status != after) {
                throw Problems.conflict("This follow-up was closed (done or dropped) since the page was drawn; nothing was changed");
            }
        }
        boolean handedAgain = patch.has("assigneeId") && f.assigneeId.equals(patch.value().assigneeId());
        if (!f.assigneeId.equals(current.id()) && !handedAgain) {
            throw Problems.conflict(HANDED_SINCE);
        }
        if (dueSeen != null && patch.has("dueOn") && !dueSeen.equals(f.dueOn) && !f.dueOn.equals(patch.value().dueOn())) {
            throw Problems.conflict("dueOn", DATE_CHANGED_SINCE.replace("{day}", f.dueOn.toString()));
        }
        return change(id, patch, null);
    }

    public Versioned<FollowUpView> change(UUID id, Patch<FollowUpChange> patch, String ifMatch) {
        FollowUp f = load(id);
        ETags.check(ifMatch, f.version);
        Before before = audit.before(f, FollowUpChange.class);
        FollowUpChange p = patch.value();
        boolean words = patch.has("purpose") && p.purpose() != null;
        boolean reopens = patch.has("status") && p.status() == FollowUpStatus.OPEN && f.status != FollowUpStatus.OPEN;
        if (words || reopens) {
            // an erasure cleared the purpose and dropped the follow-up: neither comes back. Held as a new
            // follow-up holds its contact (ContactService.known), so a racing erasure waits or wins
            try {
                contacts.known(f.contactId);
            } catch (ProblemException e) {
                throw Problems.conflict("This contact was erased; their follow-ups keep no purpose and are not reopened");
            }
        }
        if (patch.has("dueOn")) {
            LocalDate dueOn = required(p.dueOn(), "dueOn");
            // rescheduling into the past is a slip of the date picker (2019 for 2029), never a plan, and so is
            // a century ahead (withinReach); a date left as it was passes, so an overdue follow-up can still
            // be sent back whole
            if (!dueOn.equals(f.dueOn)) {
                // a closed follow-up's date is what it was due on when it was done or dropped: the movement
                // report counts it overdue (or not) by that date at the end of past periods, so moving it
                // afterwards would rewrite them. Reopened in the same PATCH, it is a plan again
                boolean staysClosed = f.status != FollowUpStatus.OPEN
                        && !(patch.has("status") && p.status() == FollowUpStatus.OPEN);
                if (staysClosed) {
                    throw Problems.conflict("dueOn", "This follow-up is closed (done or dropped): its date is kept as it was;"
                            + " reopen it (status open) to move it");
                }
                if (dueOn.isBefore(LocalDate.now(current.team().zone()))) {
                    throw Problems.invalid("dueOn", "must be today or later in the team's time zone");
                }
                withinReach(dueOn, "dueOn");
            }
            f.dueOn = dueOn;
        }
        // an assignee sent back as stored is no new assignment: one deactivated since does not stop an edit
        if (patch.has("assigneeId") && !required(p.assigneeId(), "assigneeId").equals(f.assigneeId)) {
            f.assigneeId = assigneeInBody(p.assigneeId());
        }
        if (patch.has("purpose")) {
            f.purpose = p.purpose();
        }
        if (patch.has("status")) {
            FollowUpStatus status = required(p.status(), "status");
            if (status != f.status) {
                if (status == FollowUpStatus.OPEN) {
                    if (f.reason == FollowUpReason.AFTER_ACTION) {
                        oneOpenAfterAction(f);
                    }
                    // reopened: no longer closed, and no longer completed by that conversation
                    f.closedAt = null;
                    f.completedByConversationId = null;
                } else {
                    // closed now, or closed another way: a done follow-up then dropped kept the conversation that
                    // had completed it and the time it did (the walk); it is closed as dropped, now
                    f.closedAt = Instant.now();
                    f.completedByConversationId = null;
                }
                f.status = status;
                if (status == FollowUpStatus.DONE) {
                    metrics.followUpDone(f.reason);
                }
            }
        }
        // a save that changed nothing writes nothing: no event, the same time and version
        if (!audit.changed(AuditKind.CHANGED, AuditEntity.FOLLOW_UP, f.id, before).isEmpty()) {
            f.updatedAt = Instant.now();
        }
        em.flush();
        return stored(f);
    }

    /**
     * For a page of contacts: each one's next open follow-up date, in one query (the contacts
     * list shows it per row, and must not ask once per row).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, LocalDate> nextDueOn(java.util.Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, LocalDate> next = new HashMap<>();
        em.createQuery("""
                        select f.contactId, min(f.dueOn) from FollowUp f
                        where f.teamId = :team and f.status = :open and f.contactId in :contacts
                        group by f.contactId""", Object[].class)
                .setParameter("team", current.teamId())
                .setParameter("open", FollowUpStatus.OPEN)
                .setParameter("contacts", contactIds)
                .getResultList()
                .forEach(r -> next.put((UUID) r[0], (LocalDate) r[1]));
        return next;
    }

    /** Open first (the default), then by id: ids are time-ordered, so this is creation order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FollowUpView> list(FollowUpFilter filter, int n, String cursor) {
        FollowUpStatus wanted = filter.status() == null ? FollowUpStatus.OPEN : filter.status();
        Cursor.List cursors = Cursor.of(current.teamId(), "followups", wanted, filter.assignee(), filter.contact());
        UUID after = cursors.id(cursor);
        StringBuilder q = new StringBuilder("""
                select f, k.fullName from FollowUp f join Contact k on k.id = f.contactId
                where f.teamId = :team and f.status = :status""");
        Map<String, Object> params = new HashMap<>();
        params.put("team", current.teamId());
        params.put("status", wanted);
        if (TeamScoped.filter(Organizer.class, filter.assignee(), "assignee", "organizer") != null) {
            q.append(" and f.assigneeId = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (TeamScoped.filter(Contact.class, filter.contact(), "contact", "contact") != null) {
            q.append(" and f.contactId = :contact");
            params.put("contact", filter.contact());
        }
        if (after != null) {
            q.append(" and f.id > :after");
            params.put("after", after);
        }
        q.append(" order by f.id");
        TypedQuery<Object[]> query = em.createQuery(q.toString(), Object[].class);
        params.forEach(query::setParameter);
        List<FollowUpView> rows = query.setMaxResults(n + 1).getResultList().stream()
                .map(r -> FollowUpView.of((FollowUp) r[0], (String) r[1]))
                .toList();
        return Page.of(rows, n, v -> cursors.of(v.id()));
    }

    /**
     * The queue of one organizer (default the caller; others' only for coordinators and admins).
     * Two queries: the open follow-ups through the queue index, and the cooling contacts.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Queue queue(UUID organizer) {
        UUID organizerId = current.id();
        if (organizer != null) {
            Organizer o = TeamScoped.filtering(Organizer.class, organizer, "organizer", "organizer");
            if (!o.id.equals(current.id()) && !current.has(Role.COORDINATOR)) {
                throw Problems.forbidden("Only coordinators and admins see another organizer's queue");
            }
            organizerId = o.id;
        }
        Team team = current.team();
        LocalDate today = LocalDate.now(team.zone());

        List<QueueItem> heat = new ArrayList<>();
        List<QueueItem> overdue = new ArrayList<>();
        List<QueueItem> dueToday = new ArrayList<>();
        List<QueueItem> upcoming = new ArrayList<>();
        for (Object[] r : openFollowUps(organizerId, today)) {
            QueueItem item = new QueueItem(uuid(r[0]), uuid(r[1]),
                    new QueueContact(uuid(r[1]), (String) r[2], Word.parse(Level.class, (String) r[3], "engagementLevel"),
                            Word.parse(Position.class, (String) r[4], "position"), (String) r[5]),
                    date(r[6]), (String) r[7], Word.parse(FollowUpReason.class, (String) r[8], "reason"));
            if (item.reason() == FollowUpReason.AFTER_ACTION) {
                heat.add(item);
            } else if (item.dueOn().isBefore(today)) {
                overdue.add(item);
            } else if (item.dueOn().isEqual(today)) {
                dueToday.add(item);
            } else {
                upcoming.add(item);
            }
        }
        return new Queue(today, heat, overdue, dueToday, upcoming, cooling(organizerId, team));
    }

    /**
     * One statement, both halves ranging over follow_up_queue_idx: everything hot or due by
     * today, plus the next {@value #UPCOMING_MAX} upcoming ones. Contacts that must not be
     * contacted, or are erased, never show.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> openFollowUps(UUID organizerId, LocalDate today) {
        String columns = """
                select f.id, f.contact_id, c.full_name, c.engagement_level, c.position, c.phone,
                       f.due_on, f.purpose, f.reason
                from follow_up f join contact c on c.id = f.contact_id
                where f.assignee_id = ?1 and f.status = 'open' and f.team_id = ?2
                  and c.erased_at is null and not c.do_not_contact""";
        return em.createNativeQuery("(" + columns + " and (f.reason = 'after-action' or f.due_on <= ?3))"
                        + " union all (" + columns + " and f.reason <> 'after-action' and f.due_on > ?3"
                        + " order by f.due_on, f.id limit " + UPCOMING_MAX + ")"
                        + " order by 7, 1")
                .setParameter(1, organizerId)
                .setParameter(2, current.teamId())
                .setParameter(3, today)
                .getResultList();
    }

    /** The cooling list's statement; CoolingPlanTest asks PostgreSQL for the plan of this very text. */
    static final String COOLING_SQL = """
            select c.id, c.full_name, c.engagement_level, c.position, c.phone, c.last_conversation_at
            from contact c
            where c.owner_id = ?1 and c.team_id = ?2 and c.erased_at is null and not c.do_not_contact
              and coalesce(c.last_conversation_at, c.created_at) < ?3
              and not exists (select from follow_up f where f.contact_id = c.id and f.status = 'open')
            order by c.owner_id, c.engagement_level = 'cadre', coalesce(c.last_conversation_at, c.created_at),
                     c.id
            limit\s""" + COOLING_MAX;

    /**
     * Contacts of this owner nobody has talked to for the cooling period and nobody owes a talk.
     * The order is that of contact_cooling_idx (V18_2), written as in the index, so PostgreSQL
     * reads the owner's contacts in it and stops at the last one listed instead of sorting them all.
     */
    @SuppressWarnings("unchecked")
    private List<CoolingContact> cooling(UUID ownerId, Team team) {
        Instant cutoff = Instant.now().minus(team.coolingDays, ChronoUnit.DAYS);
        List<Object[]> rows = em.createNativeQuery(COOLING_SQL)
                .setParameter(1, ownerId)
                .setParameter(2, team.id)
                .setParameter(3, cutoff)
                .getResultList();
        return rows.stream()
                .map(r -> new CoolingContact(uuid(r[0]), (String) r[1], Word.parse(Level.class, (String) r[2], "engagementLevel"),
                        Word.parse(Position.class, (String) r[3], "position"), (String) r[4], instant(r[5])))
                .toList();
    }

    /** The database allows one open after-action follow-up per contact; say so plainly. */
    private void oneOpenAfterAction(FollowUp f) {
        if (anotherOpenAfterAction(f)) {
            throw Problems.conflict("This contact already has an open after-action follow-up");
        }
    }

    /** Whether the contact has an open after-action follow-up other than this one (one at a time: the heat rule's index). */
    private boolean anotherOpenAfterAction(FollowUp f) {
        return FollowUp.count("contactId = ?1 and status = ?2 and reason = ?3 and id <> ?4",
                f.contactId, FollowUpStatus.OPEN, FollowUpReason.AFTER_ACTION, f.id) > 0;
    }

    private UUID assigneeInBody(UUID id) {
        return organizers.assignable(id, "assigneeId");
    }

    private static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    private static Instant instant(Object o) {
        if (o == null || o instanceof Instant) {
            return (Instant) o;
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }

    private static LocalDate date(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }
}
