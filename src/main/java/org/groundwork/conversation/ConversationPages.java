package org.groundwork.conversation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.contact.ContactJson.ContactView;
import org.groundwork.contact.ContactService;
import org.groundwork.conversation.ConversationJson.NewConversation;
import org.groundwork.conversation.ConversationJson.NextStep;
import org.groundwork.followup.FollowUpService;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
import org.groundwork.platform.ProblemException;
import org.groundwork.web.FormErrors;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.Forms;
import org.groundwork.web.Labels;
import org.groundwork.web.Option;
import org.groundwork.work.WorkService;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
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
    public Object log(@RestForm String contactId, @RestForm String summary, @RestForm String durationMinutes,
                      @RestForm String occurredAt,
                      @RestForm String channel, @RestForm String workId, @RestForm String issues,
                      @RestForm String commitments, @RestForm String politicalDiscussion,
                      @RestForm String nextStepDueOn, @RestForm String nextStepPurpose,
                      @RestForm List<String> complete) {
        UUID contact = Ids.parse(contactId, "contact");
        List<String> ticked = complete == null ? List.of() : complete;
        Map<String, String> form = Forms.values("summary", summary,
                "occurredAt", occurredAt,
                "durationMinutes", durationMinutes,
                "channel", channel,
                "workId", workId,
                "issues", issues,
                "commitments", commitments,
                "politicalDiscussion", politicalDiscussion,
                "nextStepDueOn", nextStepDueOn,
                "nextStepPurpose", nextStepPurpose);

        FormErrors errors = new FormErrors();
        Integer minutes = Forms.whole(durationMinutes, "durationMinutes", errors);
        LocalDateTime when = Forms.dateTime(occurredAt, "occurredAt", errors);
        Channel how = Forms.word(Channel.class, channel, "channel", errors);
        UUID work = Forms.id(workId, "workId", errors);
        LocalDate due = Forms.date(nextStepDueOn, "nextStepDueOn", errors);
        List<UUID> completeIds = new ArrayList<>();
        for (String id : ticked) {
            UUID parsed = Forms.id(id, "complete", errors);
            if (parsed != null) {
                completeIds.add(parsed);
            }
        }
        if (!errors.isEmpty()) {
            return render(contact, form, ticked, errors.map());
        }
        // no next step unless one of its two fields is filled in; then both must be
        NextStep next = due == null && Forms.blankToNull(nextStepPurpose) == null ? null
                : new NextStep(due, Forms.blankToNull(nextStepPurpose));
        try {
            // typed as on the team's clocks; left empty, it is now
            Instant at = when == null ? null : when.atZone(current.team().zone()).toInstant();
            conversations.create(new NewConversation(contact, null, work, at, minutes, how,
                    Forms.blankToNull(summary), Forms.blankToNull(issues), Forms.blankToNull(commitments),
                    politicalDiscussion != null, next, completeIds));
        } catch (ProblemException | ConstraintViolationException e) {
            if (e instanceof ProblemException p && p.status() == 404) {
                throw p;
            }
            return render(contact, form, ticked, FormErrors.of(e, FIELDS).map());
        }
        return Response.seeOther(URI.create("/contacts/" + contact + "#timeline")).build();
    }

    private TemplateInstance render(UUID contactId, Map<String, String> form, List<String> complete,
                                    Map<String, String> errors) {
        ContactView contact = contacts.view(contactId);
        List<Completable> open = followUps.list("open", null, contactId.toString(), Page.MAX_LIMIT, null).items()
                .stream()
                .map(f -> new Completable(f.id().toString(), PageLanguage.people().timeline_follow_up_due(Labels.day(f.dueOn()))
                        + (f.purpose() == null ? "" : ": " + f.purpose()), complete.contains(f.id().toString())))
                .toList();
        List<Option> workOptions = works.list("true", Page.MAX_LIMIT, null).items().stream()
                .map(w -> new Option(w.id.toString(), w.name)).toList();
        return Templates.log(contact, open, Forms.options(Channel.class), workOptions, form, errors);
    }
}
