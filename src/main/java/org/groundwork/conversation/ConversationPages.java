package org.groundwork.conversation;

import org.groundwork.followup.FollowUpJson.FollowUpFilter;
import org.groundwork.followup.FollowUpJson.FollowUpView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.contact.ContactJson.ContactView;
import org.groundwork.contact.ContactService;
import org.groundwork.conversation.ConversationJson.ConversationChange;
import org.groundwork.conversation.ConversationJson.ConversationView;
import org.groundwork.conversation.ConversationJson.NewConversation;
import org.groundwork.conversation.ConversationJson.NextStep;
import org.groundwork.followup.FollowUpReason;
import org.groundwork.followup.FollowUpService;
import org.groundwork.followup.FollowUpWords;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.platform.Versioned;
import org.groundwork.web.Form;
import org.groundwork.web.FormErrors;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.Forms;
import org.groundwork.web.Labels;
import org.groundwork.web.Option;
import org.groundwork.work.WorkService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "Log conversation": one one-to-one with a contact, with an optional next step and the
 * contact's open follow-ups it completes (ticked by hand, never completed silently).
 */
@Path("/conversations")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConversationPages {

    /** What the edit form of an erased person's conversation says once saved ({@link Form#saved}). */
    static final String CHANGED = "changed";

    /** What the log form saved ({@link Form#saved}): the contact's page says so. */
    static final String LOGGED = "conversation";

    /** A conversation deleted ({@link Form#saved}); with a follow-up it had completed open again, the other word. */
    static final String DELETED = "conversation-deleted";
    static final String DELETED_REOPENED = "conversation-deleted-reopened";

    /** The API's field names for what this form calls otherwise. */
    static final Map<String, String> FIELDS = FormErrors.names("contactId=form", "workId", "durationMinutes",
            "channel", "summary", "issues", "commitments", "occurredAt", "nextStep.dueOn=nextStepDueOn",
            "nextStep.purpose=nextStepPurpose", "completeFollowUpIds=complete");

    @Inject
    ConversationService conversations;
    @Inject
    ContactService contacts;
    @Inject
    CurrentOrganizer current;
    @Inject
    FollowUpService followUps;
    @Inject
    WorkService works;
    @Inject
    Patches patches;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(ContactView contact, List<Completable> openFollowUps, List<Option> channels,
                                           List<Option> works, Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance edit(ConversationView conversation, List<Option> channels, List<Option> works,
                                            Map<String, String> form, Map<String, String> errors,
                                            Map<String, Form.Typed> youTyped);
    }

    /** An open follow-up this conversation may complete, worded, and whether it is ticked. */
    public record Completable(String id, String label, boolean ticked) {
    }

    @GET
    @Path("/new")
    public Object form(@QueryParam("contact") String contact, @QueryParam("followUp") String followUp,
                       @QueryParam(Form.KEY) String key) {
        UUID contactId = Ids.parse(contact, "contact");
        // the form's one-time key is in its address, so Back and submit again logs it once
        Response keyed = Form.keyedPage(key, "/conversations/new", "contact", contact, "followUp", followUp);
        if (keyed != null) {
            return keyed;
        }
        // coming from a follow-up in Today, that one is ticked: the organizer sees it and can untick it; so is a
        // first-timer's after-action follow-up, which any conversation after the action answers (render)
        List<String> ticked = followUp == null || followUp.isBlank() ? List.of() : List.of(followUp.trim());
        // "when" starts at now on the team's clocks (when the form's key was made, so Back draws the same
        // time and the form sent again is the same form); yesterday's door-knocking is logged by changing it
        String now = LocalDateTime.ofInstant(Form.keyMadeAt(key), current.team().zone())
                .truncatedTo(ChronoUnit.MINUTES).toString();
        // with what "when" was drawn as (Form.DRAWN), and with which key: sent back so, it is that key's moment whatever
        // the team's zone is then. The key too, since a form drawn again with a new key (sent before, a bad key) still
        // shows the first "when", which is not the new key's moment (the review)
        Map<String, String> values = new HashMap<>(Form.asRead(Map.of("occurredAt", now, Form.KEY, key)));
        values.put("channel", "in-person");
        values.put(Form.KEY, key);
        return render(contactId, values, ticked, Form.keyMadeAt(key).truncatedTo(ChronoUnit.MINUTES), Map.of());
    }

    @POST
    public Object log() {
        // once per one-time key: Back and submit again, or a double click, does not log it twice
        Form form = Form.posted().names(FIELDS).once();
        UUID contact = person(form);
        Integer minutes = form.whole("durationMinutes");
        LocalDateTime when = form.dateTime("occurredAt", current.team().zone());
        Channel how = form.word(Channel.class, "channel");
        UUID work = form.id("workId");
        LocalDate due = form.date("nextStepDueOn");
        String purpose = form.optional("nextStepPurpose");
        List<String> ticked = form.all("complete");
        List<UUID> completeIds = form.ids("complete");
        // no next step unless one of its two fields is filled in; then both must be
        NextStep next = due == null && purpose == null ? null : new NextStep(due, purpose);
        // typed as on the team's clocks; left empty, it is now; left as drawn, the minute the form was opened: read
        // again on the team's clocks, a change of the team's zone meanwhile moved it by the zones' difference (the
        // walk: logged 18 hours ahead), as the edit form's time was (sentAsDrawn there too)
        Instant at = when == null ? null : form.sentAsDrawn("occurredAt") && form.sentAsDrawn(Form.KEY)
                ? form.keyMadeAt().truncatedTo(ChronoUnit.MINUTES) : when.atZone(current.team().zone()).toInstant();
        NewConversation conversation = new NewConversation(contact, null, work, at, minutes, how,
                form.optional("summary"), form.optional("issues"), form.optional("commitments"),
                form.ticked("politicalDiscussion"), next, completeIds);
        // the contact's page says it was logged, above the timeline it lands on
        // the next step's date with the other mistakes, not once they are mended (the walk)
        return form.checks(conversation, () -> conversations.nextStepOnOrAfter(at, next)).submit(() -> conversations.create(conversation),
                Form.saved("/contacts/" + contact + "#timeline", LOGGED),
                () -> render(contact, form.values(), ticked, null, form.errors()));
    }

    /**
     * Whom the posted form is about (its hidden field). Not sent at all, it is a form no page drew (a
     * post with only the CSRF token): a 400 that says so, where it read as "deleted meanwhile" (a
     * walk); an id of no person of the team, or a mangled one, stays the 404 of any page's address.
     */
    private static UUID person(Form form) {
        String sent = form.text("contactId");
        if (sent == null || sent.isBlank()) {
            throw Problems.invalid("contactId", "no contact with that id in your team");
        }
        return Ids.parse(sent, "contact");
    }

    /**
     * The form; {@code drawnAt}: when it was opened (its "when"), null when sent back with mistakes (which keeps the
     * boxes as they were sent). Opened, it ticks the person's open after-action follow-ups too: the heat rule's
     * follow-up asks for a conversation after the action, the movement report and Today's glance count any such
     * conversation as the first-timer followed up, and the follow-up left open said the opposite in the queue (the
     * walk). Not one whose action has not begun yet (checked in early), also when Today's item named it: the save
     * would refuse that tick.
     */
    private TemplateInstance render(UUID contactId, Map<String, String> form, List<String> complete, Instant drawnAt,
                                    Map<String, String> errors) {
        ContactView contact = contacts.view(contactId);
        List<Completable> open = followUps.list(FollowUpFilter.openOf(contactId), Page.MAX_LIMIT, null).items()
                .stream()
                .sorted(FollowUpView.SOONEST_DUE)
                .map(f -> new Completable(f.id().toString(), PageLanguage.people().timeline_follow_up_due(Labels.day(f.dueOn()))
                        + (f.purpose() == null ? "" : ": " + FollowUpWords.shownPurpose(f)),
                        drawnAt == null ? complete.contains(f.id().toString())
                                : (complete.contains(f.id().toString()) || f.reason() == FollowUpReason.AFTER_ACTION)
                                && !followUps.beforeItsAction(f.reason(), f.sourceActionId(), drawnAt)))
                .toList();
        return Templates.log(contact, open, Forms.options(Channel.class), workOptions(), form, errors);
    }

    // ---- a conversation logged wrong: changed or deleted from the contact's timeline ----------

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        return edit(conversations.find(Ids.parse(id, "conversation")), Map.of());
    }

    /** The form with what is stored, at the version it was read (sent back as If-Match). */
    private TemplateInstance edit(Versioned<ConversationView> stored, Map<String, String> errors) {
        ConversationView c = stored.view();
        return Templates.edit(c, Forms.options(Channel.class), workOptions(c.workId()), values(stored), errors, Map.of());
    }

    /** What is stored, as the edit form shows it. */
    private Map<String, String> values(Versioned<ConversationView> stored) {
        ConversationView c = stored.view();
        return Form.asRead(Forms.values(
                "occurredAt", shown(c.occurredAt()),
                "durationMinutes", Integer.toString(c.durationMinutes()),
                "channel", c.channel().word(),
                "workId", c.workId() == null ? null : c.workId().toString(),
                "summary", c.summary(),
                "issues", c.issues(),
                "commitments", c.commitments(),
                "politicalDiscussion", c.politicalDiscussion() ? "true" : null,
                Form.VERSION, Long.toString(stored.version())));
    }

    /**
     * Saves the form as a change of every field on it (the API's PATCH), at the version the form
     * was read: a change made meanwhile is shown, not overwritten.
     */
    @POST
    @Path("/{id}/edit")
    public Object change(@PathParam("id") String id) {
        UUID conversation = Ids.parse(id, "conversation");
        Form form = Form.posted().names(FIELDS);
        Integer minutes = form.whole("durationMinutes");
        LocalDateTime when = form.dateTime("occurredAt", current.team().zone());
        Channel how = form.word(Channel.class, "channel");
        UUID work = form.id("workId");
        Instant at = when == null ? null : when.atZone(current.team().zone()).toInstant();
        ConversationChange change = new ConversationChange(null, null, work, at, minutes, how,
                form.optional("summary"), form.optional("issues"), form.optional("commitments"),
                form.ticked("politicalDiscussion"));
        // the time only when it was changed here (sent otherwise than drawn, and than stored): the form shows it to
        // the minute in the team's zone, and saving that back would drop its seconds (or, in the hour the clocks go
        // back, move it an hour; or, the team's zone changed meanwhile, move it by the zones' difference)
        // deleted since the form was drawn (another tab): submit draws that, with what was typed (the walk: a bare 404)
        ConversationView before = form.stillThere(() -> conversations.find(conversation).view());
        Set<String> fields = form.saves(Set.of("durationMinutes", "channel"),
                Set.of("workId", "summary", "issues", "commitments"), "politicalDiscussion");
        if (before != null && !form.sentAsDrawn("occurredAt")
                && (when == null || !when.toString().equals(shown(before.occurredAt())))) {
            fields.add("occurredAt");
        }
        return form.checks(change)
                // saved meanwhile (another tab, another phone): what was typed comes back at the version
                // stored now, with what is saved beside each field that differs
                .onConflict(() -> values(conversations.find(conversation)))
                .submit(() -> conversations.change(conversation, patches.of(change, fields), form.version()),
                        // back to the person's timeline; an erased person's page is Gone (the walk landed there without a
                        // word): the form again, saying it was saved
                        stored -> Form.seeOther(stored.view().contact().fullName() == null
                                ? Form.saved("/conversations/" + conversation + "/edit", CHANGED)
                                : Form.saved("/contacts/" + stored.view().contactId() + "#timeline", CHANGED)),
                        () -> Templates.edit(before, Forms.options(Channel.class), workOptions(before.workId()),
                                form.values(), form.errors(), form.youTyped()));
    }

    /** Deleting needs the box ticked; its minutes leave the reports (as DELETE /api/v1/conversations/{id}). */
    @POST
    @Path("/{id}/delete")
    public Object delete(@PathParam("id") String id) {
        UUID conversation = Ids.parse(id, "conversation");
        Form form = Form.posted();
        // deleted since the page was drawn (a second tab's delete): submit says so, not a bare "Not found" (the walk)
        Versioned<ConversationView> stored = form.stillThere(() -> conversations.find(conversation));
        if (stored != null && !form.ticked("confirm")) {
            return Form.refused(edit(stored, Map.of("confirm", PageLanguage.people().conversation_delete_tick())));
        }
        String version = form.version();
        return form
                .onConflict(p -> edit(conversations.find(conversation),
                        Map.of(FormErrors.FORM, PageLanguage.people().conversation_changed_meanwhile())))
                // back to the person's timeline; an erased person's page is Gone, so to Today
                // the person's page says it was deleted, and whether a follow-up it completed is open again
                .submit(() -> conversations.delete(conversation, version),
                        reopened -> Form.seeOther(stored == null || stored.view().contact().fullName() == null ? "/"
                                : Form.saved("/contacts/" + stored.view().contactId() + "#timeline",
                                        reopened > 0 ? DELETED_REOPENED : DELETED)),
                        () -> edit(stored, form.errors()));
    }

    /** A time as the form shows it: to the minute, on the team's clocks. */
    private String shown(Instant at) {
        return LocalDateTime.ofInstant(at, current.team().zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private List<Option> workOptions() {
        return works.list(true, Page.MAX_LIMIT, null).items().stream()
                .map(w -> new Option(w.id().toString(), w.name())).toList();
    }

    /** The active works, and the conversation's own if it was made inactive since: saving keeps it. */
    private List<Option> workOptions(UUID kept) {
        List<Option> options = new ArrayList<>(workOptions());
        if (kept != null && options.stream().noneMatch(o -> o.value().equals(kept.toString()))) {
            options.add(new Option(kept.toString(), works.find(kept).view().name()));
        }
        return options;
    }
}
