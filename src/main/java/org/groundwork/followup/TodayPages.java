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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.followup.FollowUpJson.FollowUpChange;
import org.groundwork.followup.FollowUpJson.FollowUpView;
import org.groundwork.followup.FollowUpJson.Queue;
import org.groundwork.followup.FollowUpJson.QueueItem;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.OrganizerChoices;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Patches;
import org.groundwork.platform.ProblemException;
import org.groundwork.report.ReportJson.Glance;
import org.groundwork.report.ReportService;
import org.groundwork.web.Form;
import org.groundwork.web.FormErrors;
import org.groundwork.web.Forms;
import org.groundwork.web.Labels;
import org.groundwork.web.MsgPeople;
import org.groundwork.web.Option;
import org.groundwork.web.PageLanguage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Today: who to talk to next, hottest first. Each follow-up can be marked done, rescheduled
 * or dropped (after a confirm step) from here; the answer is the page again (post, then redirect),
 * saying what happened and with the focus on the next follow-up (docs/organizing.md, "Working the queue").
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
    @Inject
    OrganizerChoices organizerChoices;
    @Inject
    OrganizerService organizers;
    @Inject
    CurrentOrganizer current;

    @CheckedTemplate
    static class Templates {
        /**
         * {@code rescheduling}: the follow-up whose reschedule form is shown again with what was
         * {@code typed} and why it was refused ({@code problem}: the refusal's own words, the date parser's or the service's).
         */
        static native TemplateInstance today(Queue queue, Glance glance, String message, UUID rescheduling,
                                             String typed, String problem, Step step, Order order,
                                             List<Option> handTo, Handing handing);
    }

    /**
     * The order of the queue as drawn, for its steps' forms: each open follow-up's Done, Drop and
     * Reschedule carry the follow-up to go on with once it leaves its place (field {@code next}), so a
     * step does not read the queue again to find it; the page drawn after the step reads it once.
     */
    record Order(Map<UUID, UUID> next) {

        /**
         * The one after it in the queue, or the one before it when it is the last; empty when it is
         * the only one, as the field then says: nothing to go on with.
         */
        static Order of(Queue queue) {
            List<UUID> ids = open(queue).map(QueueItem::id).toList();
            Map<UUID, UUID> next = new java.util.HashMap<>();
            for (int at = 0; ids.size() > 1 && at < ids.size(); at++) {
                next.put(ids.get(at), ids.get(at + 1 < ids.size() ? at + 1 : at - 1));
            }
            return new Order(next);
        }

        /** What the item's step forms send as {@code next}: an id, or empty for none. */
        public String nextOf(UUID item) {
            UUID n = next.get(item);
            return n == null ? "" : n.toString();
        }
    }

    /**
     * What the last step on the queue did, for the page drawn after it: {@code said} for the live
     * region ("Done: Ana Pérez"), the follow-up whose first control takes the focus ({@code next}; the
     * message takes it when the queue has none left), the follow-up asking "drop?" ({@code confirming})
     * and the one kept after that question (its fold open, the focus back on its Drop).
     */
    record Step(String said, UUID next, UUID confirming, UUID kept) {

        static final Step NONE = new Step(null, null, null, null);

        public boolean focuses(UUID item) {
            return item.equals(next);
        }

        public boolean confirms(UUID item) {
            return item.equals(confirming);
        }

        public boolean keeps(UUID item) {
            return item.equals(kept);
        }

        /** The message takes the focus when no follow-up does. */
        public boolean focusesSaid() {
            return said != null && next == null && kept == null;
        }
    }

    /**
     * A refused hand-over, said on its item ({@code problem} beside the organizer's select, the fold open and the
     * focus on the select), as a refused reschedule is on its date (the walk: it was said above the whole queue, the
     * fold closed and the focus at the page's top). {@link #NONE}: none.
     */
    record Handing(UUID item, String problem) {

        static final Handing NONE = new Handing(null, null);

        public boolean on(UUID followUp) {
            return followUp.equals(item);
        }
    }

    /**
     * The queue, with the last seven days' figures above it. A refused reschedule is said on its
     * item, with what was typed; above the queue when the item is not in it.
     */
    private TemplateInstance page(String message, UUID rescheduling, String typed, String problem) {
        return page(message, rescheduling, typed, problem, Step.NONE);
    }

    private TemplateInstance page(String message, UUID rescheduling, String typed, String problem, Step asked) {
        return page(message, rescheduling, typed, problem, asked, Handing.NONE);
    }

    private TemplateInstance page(String message, UUID rescheduling, String typed, String problem, Step asked,
                                  Handing handing) {
        Queue queue = followUps.queue(null);
        Step step = asked.next() != null && open(queue).noneMatch(item -> item.id().equals(asked.next()))
                // the follow-up to go on with left the queue meanwhile (it came from the page the step was
                // taken on): the message takes the focus, as when none is left
                ? new Step(asked.said(), null, asked.confirming(), asked.kept()) : asked;
        Order order = Order.of(queue);
        List<Option> handTo = handTo(); // read once: the refused hand-over asks whether anyone is left
        if (step.confirming() != null && open(queue).noneMatch(item -> item.id().equals(step.confirming()))) {
            // Drop asked of a follow-up closed meanwhile (another phone) or not in this queue: said, not a
            // click that seems to do nothing
            return Templates.today(queue, reports.glance(), PageLanguage.people().queue_not_open(), null, null, null,
                    Step.NONE, order, handTo, Handing.NONE);
        }
        if (rescheduling != null && open(queue).noneMatch(item -> item.id().equals(rescheduling))) {
            return Templates.today(queue, reports.glance(), problem, null, null, null, step, order, handTo,
                    Handing.NONE);
        }
        if (handing.item() != null && (open(queue).noneMatch(item -> item.id().equals(handing.item()))
                || handTo.isEmpty())) {
            // not in this queue (closed or handed meanwhile), or no one left to hand it to (its select is not
            // drawn): said above it
            return Templates.today(queue, reports.glance(), handing.problem(), null, null, null, step, order, handTo,
                    Handing.NONE);
        }
        return Templates.today(queue, reports.glance(), message, rescheduling, typed, problem, step, order, handTo,
                handing);
    }

    /** Whom a follow-up may be handed to from the queue: the team's other active organizers (none: no form). */
    private List<Option> handTo() {
        return organizerChoices.othersToHandTo(null);
    }

    /** The open follow-ups in the order the page lists them. */
    private static Stream<QueueItem> open(Queue queue) {
        return Stream.of(queue.heat(), queue.overdue(), queue.today(), queue.upcoming()).flatMap(List::stream);
    }

    /**
     * The queue; after a step on it ({@code did}: done, dropped, rescheduled or kept, on follow-up
     * {@code item}) it says what was done and puts the focus on follow-up {@code next}. Words that
     * cannot be read are ignored: the page is shown as it is.
     */
    @GET
    public TemplateInstance today(@QueryParam("did") String did, @QueryParam("item") String item,
                                  @QueryParam("next") String next) {
        UUID itemId = Forms.id(item, "item", new FormErrors());
        if (did == null || itemId == null) {
            return page(null, null, null, null);
        }
        FollowUpView f;
        try {
            f = followUps.find(itemId).view();
        } catch (ProblemException gone) {
            return page(null, null, null, null);
        }
        MsgPeople words = PageLanguage.people();
        String name = f.contact().fullName() == null ? words.queue_someone() : f.contact().fullName();
        String said = switch (did) {
            case "done" -> words.queue_said_done(name);
            case "dropped" -> words.queue_said_dropped(name);
            case "rescheduled" -> words.queue_said_rescheduled(name, Labels.day(f.dueOn()));
            case "kept" -> words.queue_said_kept(name);
            case "handed" -> words.queue_said_handed(organizers.find(f.assigneeId()).view().displayName(), name);
            default -> null;
        };
        // said only when the follow-up is as the step left it: the address alone (a link, a reload after
        // someone reopened it) says nothing that did not happen
        FollowUpStatus after = switch (did) {
            case "done" -> FollowUpStatus.DONE;
            case "dropped" -> FollowUpStatus.DROPPED;
            default -> FollowUpStatus.OPEN;
        };
        // handed: open, and someone else's now (a reload after they handed it back says nothing)
        if (said == null || f.status() != after || "handed".equals(did) && f.assigneeId().equals(current.id())) {
            return page(null, null, null, null);
        }
        boolean kept = "kept".equals(did) && f.status() == FollowUpStatus.OPEN;
        return page(null, null, null, null, new Step(said, kept ? null : Forms.id(next, "next", new FormErrors()), null,
                kept ? itemId : null));
    }

    @POST
    @Path("followups/{id}/done")
    public Object done(@PathParam("id") String id) {
        return change(id, new FollowUpChange(null, null, null, FollowUpStatus.DONE), "status", "done");
    }

    /** Drop asks first: "Drop the follow-up with Ana Pérez? [Drop] [Keep]" on its item, with or without script. */
    @GET
    @Path("followups/{id}/drop")
    public TemplateInstance confirmDrop(@PathParam("id") String id) {
        return page(null, null, null, null, new Step(null, null, Ids.parse(id, "follow-up"), null));
    }

    @POST
    @Path("followups/{id}/drop")
    public Object drop(@PathParam("id") String id) {
        return change(id, new FollowUpChange(null, null, null, FollowUpStatus.DROPPED), "status", "dropped");
    }

    @POST
    @Path("followups/{id}/reschedule")
    public Object reschedule(@PathParam("id") String id) {
        Form form = Form.posted();
        LocalDate date = form.date("dueOn");
        UUID followUp = Ids.parse(id, "follow-up");
        if (date == null || !form.valid()) {
            // on that follow-up's form, with what was typed (a six-digit year, say, which the date box takes);
            // a date that reads once its NUL is left out is still refused with the NUL's message, not
            // sent on and then said as "that date has passed" (the service was never asked)
            if (form.valid()) {
                form.error("dueOn", PageLanguage.people().today_choose_date());
            }
            return form.drawn(page(null, followUp, form.text("dueOn"), form.errors().get("dueOn")));
        }
        UUID next = next(followUp);
        // the date the page showed; none sent, or not a date (a forged one): not checked, as a forged "next" is none
        LocalDate seen = Forms.date(form.hidden("dueSeen"), "dueSeen", new FormErrors());
        if (form.succeeds(() -> followUps.step(followUp, patches.of(new FollowUpChange(date, null, null, null),
                Set.of("dueOn")), seen))) {
            return said("rescheduled", followUp, next);
        }
        if (!form.errors().containsKey("dueOn")) {
            return form.drawn(page(String.join("; ", form.errors().values()), null, null, null));
        }
        // the service refuses a date before today or a mistyped year a century ahead: said in its own words
        // on that follow-up's form, date kept
        return form.drawn(page(null, followUp, form.text("dueOn"), form.errors().get("dueOn")));
    }

    /**
     * Hands the follow-up to another organizer of the team (field {@code assigneeId}): it leaves this queue for
     * theirs, said as "Handed to Bea: Ana Pérez", the focus on the next one. Refused (none chosen, oneself, a
     * deactivated organizer, one not of the team) beside its select ({@link Handing}).
     */
    @POST
    @Path("followups/{id}/hand")
    public Object hand(@PathParam("id") String id) {
        UUID followUp = Ids.parse(id, "follow-up");
        Form form = Form.posted();
        UUID to = form.id("assigneeId");
        // none chosen, or oneself (the select offers neither): a hand-over to no one else
        form.need("assigneeId", PageLanguage.people().queue_choose_organizer());
        if (current.id().equals(to)) {
            // said as that, not as none chosen (a walk's hand-made post)
            form.error("assigneeId", PageLanguage.people().queue_hand_yourself());
        }
        UUID next = form.valid() ? next(followUp) : null;
        if (form.valid() && form.succeeds(() -> followUps.step(followUp,
                patches.of(new FollowUpChange(null, to, null, null), Set.of("assigneeId"))))) {
            return said("handed", followUp, next);
        }
        String onSelect = form.errors().get("assigneeId");
        return form.drawn(onSelect != null
                ? page(null, null, null, null, Step.NONE, new Handing(followUp, onSelect))
                : page(String.join("; ", form.errors().values()), null, null, null));
    }

    private Object change(String id, FollowUpChange change, String field, String did) {
        UUID followUp = Ids.parse(id, "follow-up");
        UUID next = next(followUp);
        Form form = Form.of(Map.of());
        if (form.succeeds(() -> followUps.step(followUp, patches.of(change, Set.of(field))))) {
            return said(did, followUp, next);
        }
        return form.drawn(page(String.join("; ", form.errors().values()), null, null, null));
    }

    /**
     * The follow-up to go on with once this one leaves its place, as the page the step was taken on
     * drew the queue (its forms' {@code next}, {@link Order}; empty for none; a word that is no id is
     * taken as none). Only a post without the field (a page drawn by an older version still open in a
     * tab, a script) has the queue read for it. Read apart from the step's own form: a forged "next" is
     * no refusal of the step.
     */
    private UUID next(UUID followUp) {
        String sent = Form.posted().text("next");
        if (sent != null) {
            return Forms.id(sent, "next", new FormErrors());
        }
        return Order.of(followUps.queue(null)).next().get(followUp);
    }

    private static Object said(String did, UUID followUp, UUID next) {
        return Form.seeOther("/?did=" + did + "&item=" + followUp + (next == null ? "" : "&next=" + next));
    }
}
