package org.groundwork.conversation;

import org.groundwork.followup.FollowUpJson.FollowUpFilter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.contact.ContactJson.ContactView;
import org.groundwork.contact.ContactService;
import org.groundwork.conversation.ConversationJson.NewConversation;
import org.groundwork.conversation.ConversationJson.NextStep;
import org.groundwork.followup.FollowUpService;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Log conversation": one one-to-one with a contact, with an optional next step and the
 * contact's open follow-ups it completes (ticked by hand, never completed silently).
 */
@Path("/conversations")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConversationPages {

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(ContactView contact, List<Completable> openFollowUps, List<Option> channels,
                                           List<Option> works, Map<String, String> form, Map<String, String> errors);
    }

    /** An open follow-up this conversation may complete, worded, and whether it is ticked. */
    public record Completable(String id, String label, boolean ticked) {
    }

    @GET
    @Path("/new")
    public TemplateInstance form(@QueryParam("contact") String contact, @QueryParam("followUp") String followUp) {
        // coming from a follow-up in Today, that one is ticked: the organizer sees it and can untick it
        List<String> ticked = followUp == null || followUp.isBlank() ? List.of() : List.of(followUp.trim());
        // "when" starts at now on the team's clocks; yesterday's door-knocking is logged by changing it
        String now = LocalDateTime.now(current.team().zone()).truncatedTo(ChronoUnit.MINUTES).toString();
        return render(Ids.parse(contact, "contact"), Map.of("channel", "in-person", "occurredAt", now), ticked, Map.of());
    }

    @POST
    public Object log() {
        Form form = Form.posted().names(FIELDS);
        UUID contact = Ids.parse(form.text("contactId"), "contact");
        Integer minutes = form.whole("durationMinutes");
        LocalDateTime when = form.dateTime("occurredAt");
        Channel how = form.word(Channel.class, "channel");
        UUID work = form.id("workId");
        LocalDate due = form.date("nextStepDueOn");
        String purpose = form.optional("nextStepPurpose");
        List<String> ticked = form.all("complete");
        List<UUID> completeIds = form.ids("complete");
        // no next step unless one of its two fields is filled in; then both must be
        NextStep next = due == null && purpose == null ? null : new NextStep(due, purpose);
        // typed as on the team's clocks; left empty, it is now
        Instant at = when == null ? null : when.atZone(current.team().zone()).toInstant();
        NewConversation conversation = new NewConversation(contact, null, work, at, minutes, how,
                form.optional("summary"), form.optional("issues"), form.optional("commitments"),
                form.ticked("politicalDiscussion"), next, completeIds);
        return form.submit(() -> conversations.create(conversation), "/contacts/" + contact + "#timeline",
                () -> render(contact, form.values(), ticked, form.errors()));
    }

    private TemplateInstance render(UUID contactId, Map<String, String> form, List<String> complete,
                                    Map<String, String> errors) {
        ContactView contact = contacts.view(contactId);
        List<Completable> open = followUps.list(FollowUpFilter.openOf(contactId), Page.MAX_LIMIT, null).items()
                .stream()
                .map(f -> new Completable(f.id().toString(), PageLanguage.people().timeline_follow_up_due(Labels.day(f.dueOn()))
                        + (f.purpose() == null ? "" : ": " + f.purpose()), complete.contains(f.id().toString())))
                .toList();
        List<Option> workOptions = works.list(true, Page.MAX_LIMIT, null).items().stream()
                .map(w -> new Option(w.id().toString(), w.name())).toList();
        return Templates.log(contact, open, Forms.options(Channel.class), workOptions, form, errors);
    }
}
