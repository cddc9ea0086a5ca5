package org.groundwork.conversation;

import org.groundwork.contact.ContactService.Known;
import org.groundwork.platform.TeamScoped;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.groundwork.conversation.ConversationJson.ConversationChange;
import org.groundwork.conversation.ConversationJson.ConversationView;
import org.groundwork.conversation.ConversationJson.CreatedConversation;
import org.groundwork.conversation.ConversationJson.NewConversation;
import org.groundwork.conversation.ConversationJson.NextStep;
import org.groundwork.followup.FollowUpService;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Organizer;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.platform.Cursor;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Page;
import org.groundwork.platform.Versioned;
import org.groundwork.conversation.ConversationJson.ConversationFilter;
import org.groundwork.platform.Patch;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.work.Work;
import org.groundwork.work.WorkService;
import org.groundwork.platform.BusinessMetrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.groundwork.platform.Patch.required;

/** One-to-ones: logging them, their next steps, and the follow-ups they complete. */
@ApplicationScoped
@Transactional
public class ConversationService {

    /** Clocks differ and people log tomorrow's planned call; more than a day ahead is a typo. */
    private static final Duration FUTURE_SLACK = Duration.ofDays(1);

    @Inject
    EntityManager em;
    @Inject
    CurrentOrganizer current;
    @Inject
    ContactService contacts;
    @Inject
    WorkService works;
    @Inject
    FollowUpService followUps;
    @Inject
    OrganizerService organizers;
    @Inject
    Audit audit;
    @Inject
    BusinessMetrics metrics;

    public CreatedConversation create(@NotNull @Valid NewConversation req) {
        Known contact = contacts.namedIn("contactId", req.contactId());
        Conversation c = new Conversation();
        c.teamId = current.teamId();
        c.contactId = contact.id();
        c.organizerId = req.organizerId() == null ? current.id() : organizerInBody(req.organizerId());
        c.workId = workInBody(req.workId());
        c.occurredAt = notTooFarAhead(req.occurredAt() == null ? Instant.now() : req.occurredAt());
        nextStepOnOrAfter(req.occurredAt(), req.nextStep());
        c.durationMinutes = req.durationMinutes();
        c.channel = req.channel() == null ? Channel.IN_PERSON : req.channel();
        c.summary = req.summary();
        c.issues = req.issues();
        c.commitments = req.commitments();
        c.politicalDiscussion = Boolean.TRUE.equals(req.politicalDiscussion());
        // the audit event goes out first (inserts are sent in the order they were persisted): the
        // conversation's insert locks its organizer's summary row for the day (conversation_day,
        // V18_5), which every conversation of that organizer, day, level and position updates, so
        // the fewer statements that follow it before the commit, the shorter concurrent logs wait
        audit.record(AuditKind.CREATED, AuditEntity.CONVERSATION, c.id);
        c.persist();
        // the follow-ups below reference the conversation: it must be in the database first
        em.flush();

        // a bad id here throws, and the transaction takes the conversation back with it
        List<UUID> completed = followUps.completeByConversation(contact.id(), req.completeFollowUpIds(), c.id, c.occurredAt);
        UUID nextStepId = req.nextStep() == null ? null
                : followUps.openNextStep(contact.id(), organizers.assignableOrCaller(c.organizerId), req.nextStep().dueOn(),
                        req.nextStep().purpose(), c.id);
        metrics.conversationLogged();
        return new CreatedConversation(ConversationView.of(c, contact.fullName()), nextStepId, completed);
    }

    /** A conversation of the caller's team with its version (the ETag), or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<ConversationView> find(UUID id) {
        return stored(require(id));
    }

    private Conversation require(UUID id) {
        return TeamScoped.require(Conversation.class, id, "conversation");
    }

    private Versioned<ConversationView> stored(Conversation c) {
        Contact contact = Contact.findById(c.contactId);
        return new Versioned<>(ConversationView.of(c, contact == null ? null : contact.fullName), c.version);
    }

    public Versioned<ConversationView> change(UUID id, Patch<ConversationChange> patch, String ifMatch) {
        Conversation c = require(id);
        ConversationChange p = patch.value();
        boolean words = (patch.has("summary") && p.summary() != null) || (patch.has("issues") && p.issues() != null)
                || (patch.has("commitments") && p.commitments() != null);
        if (words) {
            // before the version: an erasure changes the version too, and "someone else saved this" sent
            // the organizer to a form whose words can never be saved (the walk)
            refuseWordsOfErased(c.contactId);
        }
        ETags.check(ifMatch, c.version);
        Before before = audit.before(c, ConversationChange.class);
        if (patch.has("contactId") && !c.contactId.equals(p.contactId())) {
            throw Problems.invalid("contactId", "cannot change; log a new conversation with the other contact instead");
        }
        if (patch.has("organizerId")) {
            c.organizerId = organizerInBody(required(p.organizerId(), "organizerId"));
        }
        if (patch.has("workId")) {
            c.workId = workInBody(p.workId());
        }
        if (patch.has("occurredAt")) {
            Instant at = notTooFarAhead(required(p.occurredAt(), "occurredAt"));
            if (!at.equals(c.occurredAt)) {
                // the save's rule kept afterwards: a conversation before an action does not complete its follow-up
                followUps.refuseAnswerBeforeItsAction(c.id, c.contactId, at);
            }
            c.occurredAt = at;
        }
        if (patch.has("durationMinutes")) {
            c.durationMinutes = required(p.durationMinutes(), "durationMinutes");
        }
        if (patch.has("channel")) {
            c.channel = required(p.channel(), "channel");
        }
        if (patch.has("summary")) {
            c.summary = p.summary();
        }
        if (patch.has("issues")) {
            c.issues = p.issues();
        }
        if (patch.has("commitments")) {
            c.commitments = p.commitments();
        }
        if (patch.has("politicalDiscussion")) {
            c.politicalDiscussion = required(p.politicalDiscussion(), "politicalDiscussion");
        }
        // a save that changed nothing writes nothing: no event, the same time and version
        if (!audit.changed(AuditKind.CHANGED, AuditEntity.CONVERSATION, c.id, before).isEmpty()) {
            c.updatedAt = Instant.now();
        }
        em.flush();
        return stored(c);
    }

    /** Deletes a conversation logged by mistake; answers how many follow-ups it had completed are open again. */
    public int delete(UUID id, String ifMatch) {
        Conversation c = require(id);
        ETags.check(ifMatch, c.version);
        // the follow-ups it completed are open again (FollowUpService.reopenCompletedBy); those it opened (a next
        // step) stay as they are, their link set to null by the foreign key; the contact's last-conversation time
        // is kept by the summary trigger (V18_5)
        int reopened = followUps.reopenCompletedBy(c.id);
        c.delete();
        em.flush();
        audit.record(AuditKind.DELETED, AuditEntity.CONVERSATION, id);
        return reopened;
    }

    /** Newest first; one query per page, the contact's name joined in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ConversationView> list(ConversationFilter filter, int n, String cursor) {
        Cursor.List cursors = Cursor.of(current.teamId(), "conversations", filter);
        Cursor.Position after = cursors.position(cursor);
        ZoneId zone = current.team().zone();
        StringBuilder q = new StringBuilder("""
                select c, k.fullName from Conversation c join Contact k on k.id = c.contactId
                where c.teamId = :team""");
        Map<String, Object> params = new HashMap<>();
        params.put("team", current.teamId());
        filter(q, params, "contact", TeamScoped.filter(Contact.class, filter.contact(), "contact", "contact"),
                "c.contactId");
        filter(q, params, "organizer", TeamScoped.filter(Organizer.class, filter.organizer(), "organizer", "organizer"),
                "c.organizerId");
        filter(q, params, "work", TeamScoped.filter(Work.class, filter.work(), "work", "work"), "c.workId");
        LocalDate fromDay = filter.from();
        LocalDate toDay = filter.to();
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw Problems.invalid("to", "must not be before from");
        }
        if (fromDay != null) {
            q.append(" and c.occurredAt >= :from");
            params.put("from", fromDay.atStartOfDay(zone).toInstant());
        }
        if (toDay != null) {
            // inclusive: everything before the start of the next day in the team's zone
            q.append(" and c.occurredAt < :to");
            params.put("to", toDay.plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (after != null) {
            q.append(" and ").append(after.olderThan("c.occurredAt", "c.id"));
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        q.append(" order by c.occurredAt desc, c.id desc");
        TypedQuery<Object[]> query = em.createQuery(q.toString(), Object[].class);
        params.forEach(query::setParameter);
        List<ConversationView> rows = query.setMaxResults(n + 1).getResultList().stream()
                .map(r -> ConversationView.of((Conversation) r[0], (String) r[1]))
                .toList();
        return Page.of(rows, n, v -> cursors.of(v.occurredAt(), v.id()));
    }

    private static void filter(StringBuilder q, Map<String, Object> params, String name, UUID value, String column) {
        if (value == null) {
            return;
        }
        params.put(name, value);
        q.append(" and ").append(column).append(" = :").append(name);
    }

    private UUID workInBody(UUID id) {
        if (id == null) {
            return null;
        }
        try {
            return works.require(id).id();
        } catch (ProblemException e) {
            throw Problems.unknownReference("workId", "work");
        }
    }

    private UUID organizerInBody(UUID id) {
        return TeamScoped.find(Organizer.class, id)
                .orElseThrow(() -> Problems.unknownReference("organizerId", "organizer")).id;
    }

    /** Erasure keeps no words of an erased contact's conversations; a patch must not bring them back. */
    private void refuseWordsOfErased(UUID contactId) {
        Contact contact = Contact.findById(contactId);
        if (contact == null || contact.erased()) {
            throw Problems.conflict("This contact was erased; their conversations keep no summary, issues or commitments");
        }
    }

    /**
     * A next step dated before the talk it comes out of is a slip of the date picker, as a reschedule into
     * the past is (FollowUpService), and so is one a century ahead (FollowUpService.withinReach); one logged
     * late may fall before today: it is overdue, and is shown so. {@code occurredAt} null is now. Public for
     * the page, which says it with the form's other mistakes.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void nextStepOnOrAfter(Instant occurredAt, NextStep next) {
        Instant at = occurredAt == null ? Instant.now() : occurredAt;
        if (next != null && next.dueOn() != null && next.dueOn().isBefore(LocalDate.ofInstant(at, current.team().zone()))) {
            throw Problems.invalid("nextStep.dueOn", "must be on or after the day of the conversation");
        }
        followUps.withinReach(next == null ? null : next.dueOn(), "nextStep.dueOn");
    }

    private static Instant notTooFarAhead(Instant at) {
        if (at.isAfter(Instant.now().plus(FUTURE_SLACK))) {
            throw Problems.invalid("occurredAt", "must not be more than a day in the future");
        }
        return at;
    }
}
