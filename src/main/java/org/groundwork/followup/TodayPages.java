package org.groundwork.followup;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.followup.FollowUpJson.FollowUpChange;
import org.groundwork.followup.FollowUpJson.Queue;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Patches;
import org.groundwork.report.ReportJson.Glance;
import org.groundwork.report.ReportService;
import org.groundwork.web.Form;
import org.groundwork.web.PageLanguage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Today: who to talk to next, hottest first. Each follow-up can be marked done, rescheduled
 * or dropped from here; the answer is the page again (post, then redirect).
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TodayPages {

    @Inject
    Patches patches;

    @Inject
    FollowUpService followUps;
    @Inject
    ReportService reports;

    @CheckedTemplate
    static class Templates {
        /**
         * {@code rescheduling}: the follow-up whose reschedule form is shown again with what was
         * {@code typed} and the kind of {@code problem} ("past", or the date parser's message).
         */
        static native TemplateInstance today(Queue queue, Glance glance, String message, UUID rescheduling,
                                             String typed, String problem);
    }

    /**
     * The queue, with the last seven days' figures above it. A refused reschedule is said on its
     * item, with what was typed; above the queue when the item is not in it.
     */
    private TemplateInstance page(String message, UUID rescheduling, String typed, String problem) {
        Queue queue = followUps.queue(null);
        if (rescheduling != null && Stream.of(queue.heat(), queue.overdue(), queue.today(), queue.upcoming())
                .flatMap(List::stream).noneMatch(item -> item.id().equals(rescheduling))) {
            return Templates.today(queue, reports.glance(), "past".equals(problem) ? PageLanguage.people().queue_past()
                    : problem, null, null, null);
        }
        return Templates.today(queue, reports.glance(), message, rescheduling, typed, problem);
    }

    @GET
    public TemplateInstance today() {
        return page(null, null, null, null);
    }

    @POST
    @Path("followups/{id}/done")
    public Object done(@PathParam("id") String id) {
        return change(id, new FollowUpChange(null, null, null, FollowUpStatus.DONE), "status");
    }

    @POST
    @Path("followups/{id}/drop")
    public Object drop(@PathParam("id") String id) {
        return change(id, new FollowUpChange(null, null, null, FollowUpStatus.DROPPED), "status");
    }

    @POST
    @Path("followups/{id}/reschedule")
    public Object reschedule(@PathParam("id") String id) {
        Form form = Form.posted();
        LocalDate date = form.date("dueOn");
        UUID followUp = Ids.parse(id, "follow-up");
        if (date == null) {
            // on that follow-up's form, with what was typed (a six-digit year, say, which the date box takes)
            return page(null, followUp, form.text("dueOn"),
                    form.valid() ? PageLanguage.people().today_choose_date() : form.errors().get("dueOn"));
        }
        if (form.succeeds(() -> followUps.change(followUp, patches.of(new FollowUpChange(date, null, null, null),
                Set.of("dueOn")), null))) {
            return Form.seeOther("/");
        }
        if (!form.errors().containsKey("dueOn")) {
            return page(String.join("; ", form.errors().values()), null, null, null);
        }
        // the service refuses a date before today: say so on that follow-up's form, date kept
        return page(null, followUp, form.text("dueOn"), "past");
    }

    private Object change(String id, FollowUpChange change, String field) {
        UUID followUp = Ids.parse(id, "follow-up");
        Form form = Form.of(Map.of());
        if (form.succeeds(() -> followUps.change(followUp, patches.of(change, Set.of(field)), null))) {
            return Form.seeOther("/");
        }
        return page(String.join("; ", form.errors().values()), null, null, null);
    }
}
