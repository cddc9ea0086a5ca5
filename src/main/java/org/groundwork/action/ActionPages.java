package org.groundwork.action;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.action.ActionJson.ActionChange;
import org.groundwork.action.ActionJson.ActionItem;
import org.groundwork.action.ActionJson.ActionView;
import org.groundwork.action.ActionJson.AttendanceItem;
import org.groundwork.action.ActionJson.AttendanceView;
import org.groundwork.action.ActionJson.NewAction;
import org.groundwork.action.ActionJson.NewContact;
import org.groundwork.contact.ContactJson.ContactView;
import org.groundwork.contact.ContactQuery;
import org.groundwork.contact.ContactService;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.OrganizerJson;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.followup.FollowUpService;
import org.groundwork.platform.Ids;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.web.Form;
import org.groundwork.web.HtmxAnswers;
import org.groundwork.web.FormErrors;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.Forms;
import org.groundwork.web.Option;
import org.groundwork.work.WorkService;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Actions: create one, correct its details, and check people in at the door from a phone. Checking in replaces the
 * whole attendance through the same service the API uses, so the heat rule runs the same way:
 * a first-timer is in their organizer's Today list at once.
 */
@Path("/actions")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ActionPages {

    static final int SEARCH_SIZE = 10;

    /** The edit form's fields, named as the API's PATCH names them ("organizerIds[2]" is said under organizerIds). */
    static final Map<String, String> FIELDS = FormErrors.names("title", "kind", "startsAt", "durationMinutes",
            "location", "workId", "organizerIds");
    /** What the edit form saved ({@link Form#saved}): the check-in page it goes back to says so. */
    static final String DETAILS = "details";
    /** The check-in page's parameter naming who was just checked in, for its notice (only someone on its list). */
    static final String CHECKED_IN = "checkedIn";
    /** With {@link #CHECKED_IN}: they were on the list before the tap ({@code saved=before}); the page says so. */
    static final String BEFORE = "before";

    @Inject
    FollowUpService followUps;
    @Inject
    ActionService actions;
    @Inject
    ContactService contacts;
    @Inject
    WorkService works;
    @Inject
    CurrentOrganizer current;
    @Inject
    OrganizerService organizers;
    @Inject
    Patches patches;

    /**
     * A search result at the door, whether they are already checked in, and whether "first time
     * at an action" starts ticked: only for someone with no earlier attendance (the organizer can change it).
     */
    public record Found(ContactView contact, boolean checkedIn, boolean firstTime) {
    }

    /**
     * What the door learnt about a person typed in as new: {@code known} is a contact with the
     * same phone or email ({@code by}) and the same name, checked in, {@code wasHere} whether they
     * were checked in already. To ask "same person or someone else?", {@code sameName} lists the
     * contacts to choose from: first {@code sharing}, one with the same phone ({@code by})
     * under another name (a household shares a phone), then those with the same name.
     */
    public record Door(ContactView known, String by, boolean wasHere, List<ContactView> sameName, ContactView sharing) {
        static final Door NONE = new Door(null, null, false, List.of(), null);

        /** How many are listed for their name alone. */
        public int sameNames() {
            return sameName.size() - (sharing == null ? 0 : 1);
        }
    }

    /** An organizer of the team on the edit form, and whether the form has them present. */
    public record Present(String id, String name, boolean ticked) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ActionItem> actions, String nextCursor, List<Option> kinds,
                                            List<Option> works, Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance checkIn(ActionView action, String workName, String q, List<Found> found,
                                               Door door, ContactView checkedIn, Removal removal, Map<String, String> form,
                                               Map<String, String> errors, boolean redrawSearch);

        static native TemplateInstance edit(ActionView action, List<Option> kinds, List<Option> works,
                                            List<Present> organizers, Map<String, String> form,
                                            Map<String, String> errors, Map<String, Form.Typed> youTyped);

        static native TemplateInstance checkIn$found(ActionView action, String q, List<Found> found,
                                                     Door door, ContactView checkedIn, Map<String, String> errors,
                                                     boolean redrawSearch);
    }

    /**
     * What the create and the edit form both ask, each field read once; {@code typed} is the time as
     * typed, on the team's clocks, and {@code startsAt} that moment.
     */
    private record Details(String title, ActionKind kind, LocalDateTime typed, Instant startsAt, Integer minutes,
                           String location, UUID workId) {
    }

    private Details details(Form form) {
        String title = form.text("title");
        ActionKind kind = form.word(ActionKind.class, "kind");
        LocalDateTime local = form.dateTime("startsAt", current.team().zone());
        Integer minutes = form.whole("durationMinutes");
        String location = form.optional("location");
        UUID work = form.id("workId");
        // the organizer types the time as on the team's clocks
        Instant at = local == null ? null : local.atZone(current.team().zone()).toInstant();
        return new Details(title, kind, local, at, minutes, location, work);
    }

    @GET
    public Object list(@QueryParam("cursor") String cursor, @QueryParam(Form.KEY) String key) {
        // the new-action form's one-time key is in the address, so Back and submit again creates it once
        Response keyed = Form.keyedPage(key, "/actions", "cursor", cursor);
        if (keyed != null) {
            return keyed;
        }
        return list(cursor, Map.of("kind", "picket", "durationMinutes", "120", Form.KEY, key), Map.of());
    }

    private TemplateInstance list(String cursor, Map<String, String> form, Map<String, String> errors) {
        Page<ActionItem> page = actions.list(null, 50, cursor);
        return Templates.list(page.items(), page.nextCursor(), Forms.options(ActionKind.class), workOptions(), form, errors);
    }

    private List<Option> workOptions() {
        return works.list(true, Page.MAX_LIMIT, null).items().stream()
                .map(w -> new Option(w.id().toString(), w.name())).toList();
    }

    /** The active works, and the action's own if it was made inactive since: saving keeps it. */
    private List<Option> workOptions(UUID kept) {
        List<Option> options = new ArrayList<>(workOptions());
        if (kept != null && options.stream().noneMatch(o -> o.value().equals(kept.toString()))) {
            options.add(new Option(kept.toString(), works.find(kept).view().name()));
        }
        return options;
    }

    @POST
    public Object create() {
        // once per one-time key: Back and submit again, or a double click, does not create it twice
        Form form = Form.posted().names("organizerIds=form").once();
        Details d = details(form);
        NewAction action = new NewAction(d.workId(), d.title(), d.kind(), d.startsAt(), d.minutes(), d.location(), null);
        return form.checks(action).submit(() -> actions.create(action),
                a -> Form.seeOther("/actions/" + a.view().id()), () -> list(null, form.values(), form.errors()));
    }

    @GET
    @Path("/{id}")
    public Object checkIn(@PathParam("id") String id, @QueryParam("q") String q,
                                    @QueryParam("known") String known, @QueryParam("by") String by,
                                    @QueryParam("was") String was, @QueryParam(CHECKED_IN) String checkedIn,
                                    @QueryParam("remove") String remove, @QueryParam("kept") String kept,
                                    @QueryParam("removed") String removed,
                                    @HeaderParam("HX-Request") String htmx,
                                    @HeaderParam(HtmxAnswers.REFUSAL_SHOWN) String refusalShown) {
        ActionView view = actions.find(Ids.parse(id, "action")).view();
        // a search longer than the contacts' search takes (sent by hand: the box stops at it) is a 400
        // with the message beside the box, as the contacts list says it
        Form search = Form.of(Map.of()).names("q");
        List<Found> found = search.attempt(() -> search(view, q)).orElse(List.of());
        if (htmx != null) {
            // the search's box drawn again (out of band) when its words are refused now or were before
            boolean redraw = !search.errors().isEmpty() || refusalShown != null;
            return search.drawn(Templates.checkIn$found(view, q, found, Door.NONE, null, search.errors(), redraw));
        }
        // Remove asks first, in the person's row (the walk: one tap at the door took a first-timer off the list, and
        // the follow-up after their first action with them, without a word); someone not on the list: no question
        return search.drawn(page(view, q, found, door(view, known, by, was),
                onList(view, checkedIn, CHECKED_IN), removal(view, remove, kept, removed), Map.of("firstTime", "true"),
                search.errors()));
    }

    /**
     * Where Remove stands in the list, read from the address: asking about a person on the list ({@code remove}),
     * kept after the question ({@code kept}: the focus back on their Remove), or taken off ({@code removed}: said,
     * and the notice takes the focus, their row being gone). Each only while it is so: someone not on the list is
     * asked nothing, and one back on it (another phone) is not said to be off it.
     */
    private Removal removal(ActionView view, String remove, String kept, String removed) {
        UUID asking = listed(view, Ids.filter(remove, "remove"));
        UUID keeping = listed(view, Ids.filter(kept, "kept"));
        UUID gone = Ids.filter(removed, "removed");
        String said = null;
        if (gone != null && listed(view, gone) == null) {
            try {
                String name = contacts.view(gone).fullName();
                said = PageLanguage.people().checkin_removed(name == null ? PageLanguage.people().contact_deleted() : name);
            } catch (ProblemException notTheTeams) {
                // an id of no contact of the team: nothing to say
            }
        }
        return new Removal(asking, keeping, said, asking != null && followUps.goesWithThem(view.id(), asking));
    }

    private static UUID listed(ActionView view, UUID contact) {
        return contact != null && view.lists(contact) ? contact : null;
    }

    /**
     * Remove's step in the list: whose question is shown (and whether their follow-up after this action goes with
     * them, which the question then says), whose Remove keeps the focus, what a removal said.
     */
    public record Removal(UUID asking, UUID kept, String said, boolean followUpGoes) {

        static final Removal NONE = new Removal(null, null, null, false);

        public boolean asks(UUID contact) {
            return contact.equals(asking);
        }

        public boolean keeps(UUID contact) {
            return contact.equals(kept);
        }
    }

    // ---- an action typed in wrong (its title, time, place, who was there): corrected from its page ----

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        Versioned<ActionView> stored = actions.find(Ids.parse(id, "action"));
        return edit(stored.view(), values(stored), Map.of(), Map.of());
    }

    /** What is stored, as the edit form shows it, with the version it was read at (sent back as If-Match). */
    private Map<String, String> values(Versioned<ActionView> stored) {
        ActionView a = stored.view();
        return Form.asRead(Forms.values(
                "title", a.title(),
                "kind", a.kind().word(),
                "startsAt", shown(a.startsAt()),
                "durationMinutes", Integer.toString(a.durationMinutes()),
                "location", a.location(),
                "workId", a.workId() == null ? null : a.workId().toString(),
                "organizerIds", joined(a.organizerIds()),
                Form.VERSION, Long.toString(stored.version())));
    }

    /**
     * Saves the form as a change of every field on it, through the service the API's PATCH uses
     * (which checks, scopes to the team and audits only what changed), at the version the form was
     * read: a change made meanwhile is shown, not overwritten.
     */
    @POST
    @Path("/{id}/edit")
    public Object change(@PathParam("id") String id) {
        UUID action = Ids.parse(id, "action");
        // another team's action, or none: a 404 page before anything is read
        ActionView before = actions.find(action).view();
        Form form = Form.posted().names(FIELDS);
        Details d = details(form);
        // the ticked boxes, kept as one value so a conflict can show what was ticked
        List<UUID> present = form.ids("organizerIds");
        form.also("organizerIds", joined(present));
        ActionChange change = new ActionChange(d.workId(), d.title(), d.kind(), d.startsAt(), d.minutes(),
                d.location(), present);
        // the time only when it was changed here (sent otherwise than drawn, and than stored): the form shows it to
        // the minute on the team's clocks, and saving that back would drop its seconds (or, in the hour the clocks
        // go back, move it an hour; or, the team's zone changed meanwhile, move it by the zones' difference)
        Set<String> fields = form.saves(Set.of("title", "kind", "durationMinutes"), Set.of("location", "workId"));
        // the organizers only when the ticks changed: saving a title must not drop someone the boxes
        // could not show
        if (!joined(present).equals(joined(before.organizerIds()))) {
            fields.add("organizerIds");
        }
        if (!form.sentAsDrawn("startsAt") && (d.typed() == null || !d.typed().toString().equals(shown(before.startsAt())))) {
            fields.add("startsAt");
        }
        return form.checks(change, () -> {
                    if (fields.contains("organizerIds")) {
                        actions.organizersThere(change.organizerIds());
                    }
                })
                // saved meanwhile (another phone, the API): the form comes back with what is stored now,
                // at its version, and what was typed under each field that differs
                .onConflict(() -> values(actions.find(action)))
                .submit(() -> actions.change(action, patches.of(change, fields), form.version()),
                        saved -> Form.seeOther(Form.saved("/actions/" + action, DETAILS)),
                        () -> edit(before, form.values(), form.errors(), form.youTyped()));
    }

    private TemplateInstance edit(ActionView action, Map<String, String> form, Map<String, String> errors,
                                  Map<String, Form.Typed> youTyped) {
        String ticked = form.get("organizerIds");
        // the team's organizers by name, and anyone present beyond the list's first page, so every
        // organizer of the action has a box
        List<OrganizerJson.OrganizerView> people = new ArrayList<>(organizers.list(Page.MAX_LIMIT, null).items());
        for (UUID present : action.organizerIds()) {
            if (people.stream().noneMatch(o -> o.id().equals(present))) {
                people.add(organizers.find(present).view());
            }
        }
        List<Present> team = people.stream()
                .sorted(Comparator.comparing(OrganizerJson.OrganizerView::displayName, String.CASE_INSENSITIVE_ORDER))
                .map(o -> new Present(o.id().toString(), o.displayName(),
                        ticked != null && ticked.contains(o.id().toString())))
                .toList();
        // after a conflict, the boxes ticked in this tab are said by the organizers' names
        Map<String, Form.Typed> typed = new HashMap<>(youTyped);
        Form.Typed ids = youTyped.get("organizerIds");
        if (ids != null && ids.value() != null) {
            typed.put("organizerIds", new Form.Typed(team.stream().filter(p -> ids.value().contains(p.id()))
                    .map(Present::name).collect(Collectors.joining(", "))));
        }
        return Templates.edit(action, Forms.options(ActionKind.class), workOptions(action.workId()), team, form,
                errors, typed);
    }

    /** Organizer ids as one form value: in order, so the same people read as the same value. */
    private static String joined(List<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().distinct().collect(Collectors.joining(","));
    }

    /** A time as the form shows it: to the minute, on the team's clocks. */
    private String shown(Instant at) {
        return LocalDateTime.ofInstant(at, current.team().zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** The notice after a match at the door: only about someone who is on this action's list. */
    private Door door(ActionView view, String known, String by, String was) {
        ContactView person = onList(view, known, "known");
        if (person == null) {
            return Door.NONE;
        }
        return new Door(person, "email".equals(by) ? "email" : "phone", "here".equals(was), List.of(), null);
    }

    /**
     * The person a notice of the check-in page names ({@code parameter} of its address), or null: a
     * notice names only someone on this action's list, so an address made by hand shows no one else
     * (another team's contact, someone never checked in here). Not an id at all: a 400 naming it.
     * Someone erased since (their row stays on the list, nameless) is named by no notice: the door's
     * address still opens the page.
     */
    private ContactView onList(ActionView view, String text, String parameter) {
        UUID id = Ids.filter(text, parameter);
        if (id == null || view.attendance().stream().noneMatch(att -> id.equals(att.contactId()) && att.fullName() != null)) {
            return null;
        }
        return contacts.view(id);
    }

    @POST
    @Path("/{id}/attendance")
    public Object add(@PathParam("id") String id) {
        Form form = Form.posted();
        UUID contact = chosen(form);
        // "First time at an action" is a checkbox, read as every page's checkbox is (Form.ticked: sent
        // at all, whatever its value, never through the NUL rule); the same-person button sends
        // "byHistory" instead: the first time or not then follows their earlier attendance (the design's rule)
        Boolean first = form.ticked("byHistory") ? null : form.ticked("firstTime");
        // the search, sent along, is only for this page drawn again on a refusal: once checked in, the page
        // comes back with an empty box holding the focus, for the next person at the door, and says who is in
        String q = form.search("q");
        // someone on the list already (another phone checked them in, or this page was drawn before): said so,
        // not "is checked in" as if this tap had done it (the walk)
        return replace(id, form, Map.of(), q, added -> checkedIn(contact)
                + (added.contains(contact) ? "" : "&" + Form.SAVED + "=" + BEFORE), current -> {
            if (current.stream().noneMatch(i -> contact.equals(i.contactId()))) {
                current.add(new AttendanceItem(contact, null, first, null));
            }
        });
    }

    @POST
    @Path("/{id}/attendance/new")
    public Object addNew(@PathParam("id") String id) {
        Form form = Form.posted();
        String fullName = form.text("fullName");
        String phone = form.text("phone");
        String email = form.text("email");
        boolean firstTime = form.ticked("firstTime");
        // "someone else", answered to the question below: added as a new person, whoever shares their
        // name, phone or email
        boolean someoneElse = Form.posted().ticked("someoneElse"); // not drawn again
        if (someoneElse) {
            // no lookup stops a second one: sent twice (a double tap, Back and resend) it made two people of
            // the same name (the walk). Its form holds a one-time key, drawn with the question below
            form.once();
        }
        NewContact person = new NewContact(fullName == null ? null : fullName.trim(), Forms.blankToNull(phone),
                Forms.blankToNull(email));
        // a NUL character and the contact rules (ContactFields), all said at once in Add contact's words
        // (with the length typed): no one is looked up or checked in
        if (!form.checks(person.fields()).checked()) {
            return replace(id, form, form.values(), null, added -> "", current -> { });
        }
        // the same email, or the same phone number (the import's digits rule) under the same name (or
        // none typed): this person is known already. An email is one person's; a phone is often a
        // household's, so under another name it is asked about below
        List<ContactView> sameName = someoneElse ? List.of() : contacts.sameName(fullName, SEARCH_SIZE);
        // of a household's contacts, the one with the name typed
        ContactService.SamePerson same = someoneElse ? null : contacts.samePerson(phone, email,
                sameName.stream().map(ContactView::id).collect(Collectors.toSet()));
        if (same != null && ("email".equals(same.by()) || Forms.blankToNull(fullName) == null
                || sameName.stream().anyMatch(c -> c.id().equals(same.contact().id())))) {
            ActionView action = actions.find(Ids.parse(id, "action")).view();
            UUID known = same.contact().id();
            boolean here = action.lists(known);
            String notice = "?known=" + known + "&by=" + same.by() + "&was=" + (here ? "here" : "added");
            if (here) {
                return Form.seeOther("/actions/" + action.id() + notice);
            }
            // the known person is checked in; whether it is their first time comes from their history
            return replace(id, form, form.values(), null, added -> notice, current ->
                    current.add(new AttendanceItem(known, null, null, null)));
        }
        // the phone under another name, or only the name: ask before checking in someone else or
        // making a second contact
        if (same != null || !sameName.isEmpty()) {
            List<ContactView> choices = new ArrayList<>();
            if (same != null) {
                choices.add(same.contact());
            }
            sameName.stream().filter(c -> same == null || !c.id().equals(same.contact().id())).forEach(choices::add);
            ActionView view = actions.find(Ids.parse(id, "action")).view();
            Map<String, String> asked = new HashMap<>(form.values());
            asked.put(Form.KEY, Form.newKey()); // for "someone else": one new person per question answered
            return page(view, null, List.of(), new Door(null, same == null ? null : same.by(), false, choices,
                    same == null ? null : same.contact()), asked, Map.of());
        }
        // the new person, as made: the page says they are in, with the focus back in the search box
        return replace(id, form, form.values(), null, added -> added.isEmpty() ? "" : checkedIn(added.get(0)), current ->
                current.add(new AttendanceItem(null, person, firstTime, null)));
    }

    @POST
    @Path("/{id}/attendance/remove")
    public Object remove(@PathParam("id") String id) {
        Form form = Form.posted();
        UUID contact = chosen(form);
        // the page after says who was taken off, the notice taking the focus their row had
        return replace(id, form, Map.of(), null, added -> "?removed=" + contact, current -> {
            // not on the list (taken off in another tab, or never on it): said, not "taken off" (the walk)
            if (!current.removeIf(i -> contact.equals(i.contactId()))) {
                form.error(FormErrors.FORM, PageLanguage.people().checkin_not_on_list());
            }
        });
    }

    /** The person a check-in or removal button names (a hidden field): missing or unreadable, the form says so. */
    private static UUID chosen(Form form) {
        UUID contact = form.id("contactId", FormErrors.FORM);
        if (contact == null) {
            form.error(FormErrors.FORM, PageLanguage.msg().form_choose_from_list());
        }
        return contact;
    }

    /** The check-in page's query naming who was just checked in (its notice, and the focus in the search box). */
    private static String checkedIn(UUID contact) {
        return "?" + CHECKED_IN + "=" + contact;
    }

    /**
     * Reads the attendance, changes it, and writes it back whole with the action's version as
     * If-Match: two phones checking people in at once cannot silently undo each other. Saved, the
     * check-in page follows with {@code query} of the people the change put on the list (a new
     * person's id is known only once they are made).
     */
    private Object replace(String id, Form form, Map<String, String> redraw, String q,
                           java.util.function.Function<List<UUID>, String> query,
                           java.util.function.Consumer<List<AttendanceItem>> change) {
        Versioned<ActionView> stored = actions.find(Ids.parse(id, "action"));
        ActionView view = stored.view();
        UUID action = view.id();
        List<AttendanceItem> items = new ArrayList<>();
        for (AttendanceView att : view.attendance()) {
            items.add(new AttendanceItem(att.contactId(), null, att.firstTime(), att.notes()));
        }
        if (form.valid()) {
            change.accept(items);
        }
        Map<String, String> names = new HashMap<>(FormErrors.names("newContact.fullName=fullName",
                "newContact.phone=phone", "newContact.email=email", "notes=form"));
        for (int i = 0; i <= items.size(); i++) {
            names.put("[" + i + "].contactId", FormErrors.FORM);
            names.put("[" + i + "].newContact.fullName", "fullName");
            names.put("[" + i + "].newContact.phone", "phone");
            names.put("[" + i + "].newContact.email", "email");
        }
        return form.names(names)
                .onConflict(p -> page(actions.find(action).view(), q, search(view, q), Door.NONE, redraw,
                        form.error(FormErrors.FORM, PageLanguage.people().checkin_conflict()).errors()))
                .submit(() -> actions.replaceAttendance(action, items, "\"" + stored.version() + "\""),
                        saved -> Form.seeOther("/actions/" + action + query.apply(added(view, saved.view()))),
                        () -> page(actions.find(action).view(), q, search(view, q), Door.NONE, redraw,
                                form.errors()));
    }

    /** Who is on the list after a change and was not before it. */
    private static List<UUID> added(ActionView before, ActionView after) {
        Set<UUID> were = before.attendance().stream().map(AttendanceView::contactId).collect(Collectors.toSet());
        return after.attendance().stream().map(AttendanceView::contactId).filter(c -> !were.contains(c)).toList();
    }

    private TemplateInstance page(ActionView view, String q, List<Found> found, Door door,
                                  Map<String, String> form, Map<String, String> errors) {
        return page(view, q, found, door, null, form, errors);
    }

    /**
     * The check-in page; {@code checkedIn}: who was just checked in ({@link #CHECKED_IN}), which it says.
     * After its details were saved it says so too ({@link #DETAILS}, read by the template from the address).
     */
    private TemplateInstance page(ActionView view, String q, List<Found> found, Door door, ContactView checkedIn,
                                  Map<String, String> form, Map<String, String> errors) {
        return page(view, q, found, door, checkedIn, Removal.NONE, form, errors);
    }

    /** {@code removal}: Remove's question in a person's row, the focus kept after it, or the removal said ({@link Removal}). */
    private TemplateInstance page(ActionView view, String q, List<Found> found, Door door, ContactView checkedIn,
                                  Removal removal, Map<String, String> form, Map<String, String> errors) {
        String workName = view.workId() == null ? null : works.require(view.workId()).name();
        return Templates.checkIn(view, workName, q, found, door, checkedIn, removal, form, errors, false);
    }

    private List<Found> search(ActionView view, String q) {
        String words = ContactQuery.search(q);
        if (words == null) { // nothing typed that shows (a no-break space too): no one, not the first page of everyone
            return List.of();
        }
        Set<UUID> here = view.attendance().stream().map(AttendanceView::contactId).collect(Collectors.toSet());
        List<ContactView> people = contacts.list(new ContactQuery(null, null, null, null, null, words),
                SEARCH_SIZE, null).items();
        Set<UUID> cameBefore = actions.cameBefore(view, people.stream().map(ContactView::id).collect(Collectors.toSet()));
        return people.stream()
                .map(c -> new Found(c, here.contains(c.id()), !cameBefore.contains(c.id()))).toList();
    }
}
