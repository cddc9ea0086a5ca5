package org.groundwork.contact;

import org.groundwork.platform.Versioned;
import org.groundwork.followup.FollowUpJson.FollowUpFilter;
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
import org.groundwork.contact.ContactJson.ContactChange;
import org.groundwork.contact.ContactJson.ContactView;
import org.groundwork.contact.ContactJson.AttendanceLine;
import org.groundwork.contact.ContactJson.ConversationLine;
import org.groundwork.contact.ContactJson.FollowUpLine;
import org.groundwork.contact.ContactJson.LevelChangeLine;
import org.groundwork.contact.ContactJson.LevelChangeView;
import org.groundwork.contact.ContactJson.TimelineItem;
import org.groundwork.contact.ContactJson.Filter;
import org.groundwork.contact.ContactJson.NewContact;
import org.groundwork.contact.ContactJson.NewLevel;
import org.groundwork.followup.FollowUpJson.FollowUpView;
import org.groundwork.followup.FollowUpService;
import org.groundwork.organization.OrganizationService;
import org.groundwork.organization.UnitJson.UnitView;
import org.groundwork.organization.UnitService;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.OrganizerChoices;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.organizer.Role;
import org.groundwork.platform.Text;
import org.groundwork.platform.Ids;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.web.Form;
import org.groundwork.web.FilterBoxes;
import org.groundwork.web.FormErrors;
import org.groundwork.web.HtmxAnswers;
import org.groundwork.web.MsgPeople;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.Forms;
import org.groundwork.web.Labels;
import org.groundwork.web.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/** The contacts pages: find people, add one, and see what happened with a person. */
@Path("/contacts")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ContactPages {

    static final int PAGE_SIZE = 50;
    /** People per page of the list: 20 cards keep a phone's page short; "More contacts" adds the next 20. */
    static final int LIST_SIZE = 20;
    /** What the erase form did ({@link Form#saved}): the list it goes back to says so. */
    static final String ERASED = "erased";
    /** What the level form saved ({@link Form#saved}): the contact's page says the level they are now at. */
    static final String LEVEL = "level";
    /** What the edit form saved ({@link Form#saved}): the contact's page says the details were saved. */
    static final String DETAILS = "details";
    /** A tie's Remove that found it gone already: the contact's page says so beside the ties. */
    static final String TIE_GONE = "tie-gone";
    /** A level change's Delete that found it gone already: the contact's page says so on the timeline. */
    static final String LEVEL_CHANGE_GONE = "level-change-gone";
    /** What Add contact, a tie's Add and its Remove did: the contact's page says so (they said nothing, a walk). */
    static final String ADDED = "contact-added";
    static final String TIE_ADDED = "tie-added";
    static final String TIE_REMOVED = "tie-removed";
    /** People a tie's search shows: enough to pick from on a phone; more means typing more of the name. */
    static final int TIE_MATCHES = 20;

    @Inject
    ContactService contacts;
    @Inject
    FollowUpService followUps;
    @Inject
    OrganizationService organizations;
    @Inject
    UnitService units;
    @Inject
    OrganizerService organizers;
    @Inject
    OrganizerChoices organizerChoices;
    @Inject
    CurrentOrganizer current;
    @Inject
    Patches patches;
    @Inject
    TieService ties;

    /** One line of the list: the contact with their next open follow-up. */
    public record Row(ContactView contact, LocalDate nextFollowUp) {
    }

    /**
     * One line of the timeline, already worded; a conversation also says who talked with the
     * person, for which work, what they care about and what they committed to.
     */
    public record Line(String kind, Instant at, String title, String text, String who, String work, String issues,
                       String commitments, String edit) {
        Line(String kind, Instant at, String title, String text) {
            this(kind, at, title, text, null, null, null, null, null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Filter filter, String query, List<Row> rows, String nextCursor,
                                            boolean continued, boolean canExport, Choices choices,
                                            Map<String, String> errors, boolean redrawFilters);

        static native TemplateInstance list$results(Filter filter, String query, List<Row> rows, String nextCursor,
                                                    boolean continued, boolean canExport, Choices choices,
                                                    Map<String, String> errors, boolean redrawFilters);

        static native TemplateInstance add(Map<String, String> form, Choices choices, ContactService.SamePerson same,
                                           Map<String, String> errors);

        static native TemplateInstance unitField(UnitChoices units, Map<String, String> errors);

        static native TemplateInstance edit(ContactView contact, Map<String, String> form, Choices choices,
                                            Map<String, String> errors, Map<String, Form.Typed> youTyped);

        static native TemplateInstance levelChange(ContactView contact, LevelChangeView change, String title,
                                                   Map<String, String> errors);

        static native TemplateInstance show(ContactView contact, String unitName, String ownerName,
                                            List<OpenFollowUp> openFollowUps, List<Line> timeline,
                                            String timelineCursor, List<Option> levels, List<TieJson.TieView> ties,
                                            List<Option> tieKinds, TieSearch tieSearch, Map<String, String> form,
                                            Map<String, String> errors, boolean redrawSearch);

        static native TemplateInstance show$tieFound(ContactView contact, TieSearch tieSearch, Map<String, String> form,
                                                     Map<String, String> errors, boolean redrawSearch);
    }

    /**
     * One of the person's open follow-ups as their page lists it: whether it is overdue, and whose queue it is in
     * (the page said neither: an overdue one in a colleague's queue read as the organizer's own, a walk).
     */
    record OpenFollowUp(FollowUpView it, boolean late, String queue) {
    }

    /**
     * The people a tie's search found: the words typed, at most {@link #TIE_MATCHES} of them (the
     * contact's own organization's first) and whether there are more.
     */
    public record TieSearch(String q, List<TieMatch> found, boolean more, boolean onlyThemselves) {
        static final TieSearch NONE = new TieSearch(null, List.of(), false, false);
    }

    /** One person a tie's search found; the id as the form sends it back, to keep the choice ticked. */
    public record TieMatch(String id, String fullName, Level engagementLevel, String organizationName) {
        static TieMatch of(ContactView c) {
            return new TieMatch(c.id().toString(), c.fullName(), c.engagementLevel(), c.organizationName());
        }
    }

    /** The select lists the forms need: a few queries, not one per row. */
    public record Choices(List<Option> levels, List<Option> positions, List<Option> organizations,
                          List<Option> owners, UnitChoices units) {
    }

    /** The units of the organization on the form: top-level units alone, a unit with units inside it as a group. */
    public record UnitChoices(boolean organizationChosen, List<UnitGroup> groups, String value) {
    }

    /** A group of the unit select: label null for a unit with nothing inside it. */
    public record UnitGroup(String label, List<Option> options) {
    }

    /** The list's filters: every organizer, so a deactivated one's people can still be found. */
    Choices choices(String organizationId, String unitId) {
        return choices(organizationId, unitId, organizerChoices.everyone());
    }

    /** A form's, which hands the person to an owner: {@link OrganizerChoices#toHandTo}. */
    Choices choicesToAssign(String organizationId, String unitId, String owner) {
        return choices(organizationId, unitId, organizerChoices.toHandTo(owner));
    }

    /** The add form's: its empty owner reads "Me", so the organizer is not listed a second time by name. */
    private Choices choicesToAdd(String organizationId, String unitId, String owner) {
        return choices(organizationId, unitId, organizerChoices.othersToHandTo(owner));
    }

    private Choices choices(String organizationId, String unitId, List<Option> owners) {
        List<Option> orgs = organizations.list(null, Page.MAX_LIMIT, null).items().stream()
                .map(o -> new Option(o.id().toString(), o.name())).toList();
        return new Choices(Forms.options(Level.class), Forms.options(Position.class), orgs, owners,
                unitChoices(organizationId, unitId));
    }

    /** The units of the organization typed or stored; none when it is blank, unreadable or not the team's. */
    UnitChoices unitChoices(String organizationId, String unitId) {
        UUID org = Forms.id(organizationId, "organizationId", new FormErrors());
        String value = unitId == null ? "" : unitId.trim();
        if (org == null || !organizations.isInTeam(org)) {
            return new UnitChoices(false, List.of(), value);
        }
        List<UnitView> list = units.list(org);
        List<UnitGroup> groups = new ArrayList<>();
        for (UnitView top : list) {
            if (top.parentId() != null) {
                continue;
            }
            List<Option> inside = list.stream().filter(u -> top.id().equals(u.parentId()))
                    .map(u -> new Option(u.id().toString(), top.name() + " · " + u.name())).toList();
            Option itself = new Option(top.id().toString(), top.name());
            if (inside.isEmpty()) {
                groups.add(new UnitGroup(null, List.of(itself)));
            } else {
                List<Option> options = new ArrayList<>();
                options.add(itself);
                options.addAll(inside);
                groups.add(new UnitGroup(top.name(), options));
            }
        }
        return new UnitChoices(true, groups, value);
    }

    /** With htmx, the unit select is redrawn for the organization just chosen on the form. */
    @GET
    @Path("/unit-field")
    public TemplateInstance unitField(@QueryParam("organizationId") String organizationId,
                                      @QueryParam("unitId") String unitId) {
        return Templates.unitField(unitChoices(organizationId, unitId), Map.of());
    }

    @GET
    @FilterBoxes({"q", "level", "position", "organization", "owner", "tag"})
    public Object list(@QueryParam("q") String q, @QueryParam("level") String level,
                                 @QueryParam("position") String position, @QueryParam("organization") String organization,
                                 @QueryParam("owner") String owner, @QueryParam("tag") String tag,
                                 @QueryParam("cursor") String cursor,
                                 @HeaderParam("HX-Request") String htmx,
                                 @HeaderParam(HtmxAnswers.REFUSAL_SHOWN) String refusalShown) {
        Filter filter = new Filter(level, position, owner, organization, tag, q);
        // a filter the service refuses (a malformed owner, a stale cursor) is said above the results
        Form search = Form.filters(Map.of()).names("level", "position", "owner", "organization", "tag", "q", "cursor=form");
        Optional<Page<ContactView>> found = search.attempt(() -> {
            ContactQuery.search(q); // longer than the search box takes: said beside it, not run
            return contacts.list(ContactQuery.of(filter), LIST_SIZE, cursor);
        });
        List<Row> rows = found.map(this::rows).orElse(List.of());
        String next = found.map(Page::nextCursor).orElse(null);
        Map<String, String> errors = search.errors();
        // htmx asks for the results only, as the search box is typed in; plain browsers get the page
        // "More contacts" (htmx, with a cursor): the first row added takes the focus, as Today's next item does
        if (htmx != null) {
            // the boxes drawn again (out of band) when a filter is refused now or was before: their marks go with it
            boolean redraw = !errors.isEmpty() || refusalShown != null;
            return search.drawn(Templates.list$results(filter, query(filter), rows, next, cursor != null, canExport(),
                    redraw ? choices(null, null) : null, errors, redraw));
        }
        // a later page opened without script: its first row takes the focus, and it leads back to the first page
        return search.drawn(Templates.list(filter, query(filter), rows, next, cursor != null, canExport(),
                choices(null, null), errors, false));
    }

    private List<Row> rows(Page<ContactView> page) {
        Map<UUID, LocalDate> due = followUps.nextDueOn(page.items().stream().map(ContactView::id).toList());
        return page.items().stream().map(c -> new Row(c, due.get(c.id()))).toList();
    }

    /** Exports hand the team's people out: coordinators and admins only, as the API says. */
    private boolean canExport() {
        return current.has(Role.COORDINATOR);
    }

    /** The filters as a query string, for the next page and the export of the same people. */
    static String query(Filter filter) {
        StringBuilder query = new StringBuilder();
        param(query, "q", filter.q());
        param(query, "level", filter.level());
        param(query, "position", filter.position());
        param(query, "organization", filter.organization());
        param(query, "owner", filter.owner());
        param(query, "tag", filter.tag());
        return query.toString();
    }

    private static void param(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    @GET
    @Path("/new")
    public Object add(@QueryParam(Form.KEY) String key) {
        // the form's one-time key is in its address, so Back and submit again adds the person once
        Response keyed = Form.keyedPage(key, "/contacts/new");
        if (keyed != null) {
            return keyed;
        }
        return Templates.add(Map.of("engagementLevel", "new", "position", "base", Form.KEY, key), choicesToAdd(null, null, null),
                null, Map.of());
    }

    @POST
    public Object create() {
        // once per one-time key: Back and submit again, or a double click, does not add them twice
        Form form = Form.posted().once();
        NewContact contact = new NewContact(form.text("fullName"), form.optional("phone"), form.optional("email"),
                form.id("organizationId"), form.word(Position.class, "position"), form.word(Level.class, "engagementLevel"),
                form.id("ownerId"), form.list("tags"), form.ticked("doNotContact"), form.text("notes"), form.id("unitId"));
        // read first: a tick given with another field's refusal is kept on the form drawn again
        boolean someoneElse = form.ticked("someoneElse");
        // a person's own fields are checked by their one copy of the rules (ContactFields), as the service does
        return form.checks(new ContactFields(contact.fullName(), contact.phone(), contact.email(), contact.notes()),
                        () -> ContactFields.tags(contact.tags()))
                .submit(() -> {
                    // someone already known by this email, phone or very name: said, not made twice without a word
                    // (a second "Priya Shah" was added: the walk); "someone else" ticked adds them anyway. Asked
                    // with the key claimed, so a form sent again is answered as the first time, not asked about
                    // the person it added
                    ContactService.Added added = contacts.addUnlessKnown(contact, someoneElse);
                    if (added.same() != null) {
                        throw Form.instead(() -> Templates.add(form.values(), choicesToAdd(form.text("organizationId"),
                                form.text("unitId"), form.text("ownerId")), added.same(), form.errors()));
                    }
                    return added.added();
                }, stored -> Form.seeOther(Form.saved("/contacts/" + stored.view().id(), ADDED)),
                () -> Templates.add(form.values(), choicesToAdd(form.text("organizationId"), form.text("unitId"),
                        form.text("ownerId")), null,
                        form.errors()));
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        Versioned<ContactView> stored = contacts.find(Ids.parse(id, "contact"));
        return edit(stored, Map.of());
    }

    private TemplateInstance edit(Versioned<ContactView> stored, Map<String, String> errors) {
        Map<String, String> form = values(stored);
        return Templates.edit(stored.view(), form,
                choicesToAssign(form.get("organizationId"), form.get("unitId"), form.get("ownerId")), errors, Map.of());
    }

    /** What is stored, as the details form shows it. */
    private static Map<String, String> values(Versioned<ContactView> stored) {
        ContactView c = stored.view();
        return Form.asRead(Forms.values("fullName", c.fullName(),
                "phone", c.phone(),
                "email", c.email(),
                "position", c.position().word(),
                "organizationId", c.organizationId() == null ? null : c.organizationId().toString(),
                "unitId", c.unitId() == null ? null : c.unitId().toString(),
                "ownerId", c.ownerId() == null ? null : c.ownerId().toString(),
                "tags", String.join(", ", c.tags()),
                "notes", c.notes(),
                "doNotContact", c.doNotContact() ? "true" : null,
                Form.VERSION, Long.toString(stored.version())));
    }

    /**
     * Saves the details form. The version the form was read at goes as If-Match, so an edit
     * made meanwhile (on another phone, by the API) is not overwritten without a word.
     * The level is not on this form: it changes with a reason, on the contact's page.
     */
    @POST
    @Path("/{id}/edit")
    public Object change(@PathParam("id") String id) {
        UUID contact = Ids.parse(id, "contact");
        Form form = Form.posted();
        ContactChange change = new ContactChange(form.text("fullName"), form.optional("phone"), form.optional("email"),
                form.id("organizationId"), form.word(Position.class, "position"), form.id("ownerId"), form.list("tags"),
                form.ticked("doNotContact"), form.text("notes"), form.id("unitId"));
        form.need("position", PageLanguage.msg().form_choose_from_list());
        // the tags only when they were changed here: the form shows them joined with commas, and a tag stored
        // through the API with a comma in it came back as two on a save of the notes (the walk)
        Set<String> fields = form.saves(Set.of("fullName", "position"),
                Set.of("phone", "email", "organizationId", "unitId", "ownerId", "notes", "tags"), "doNotContact");
        if (form.sentAsDrawn("tags")) {
            fields.remove("tags");
        }
        // the service's view of the change: a phone sent back as stored is not checked again
        return form.checks(contacts.checked(contact, change), () -> {
                    if (fields.contains("tags")) {
                        contacts.checkTags(contact, change.tags());
                    }
                })
                // saved meanwhile (another tab, another phone): what was typed comes back at the version
                // stored now, with what is saved beside each field that differs; saving again is a choice
                .onConflict(() -> values(contacts.find(contact)))
                .submit(() -> contacts.change(contact, patches.of(change, fields), form.version()),
                        Form.saved("/contacts/" + contact, DETAILS),
                        // the contact is read only to draw the form again, not on every save; the units offered
                        // are those of the organization the form now shows (after a save made meanwhile, the
                        // one stored now), so the unit the other save chose is among them and stays chosen
                        () -> Templates.edit(contacts.view(contact), form.values(),
                                choicesToAssign(form.values().get("organizationId"), form.values().get("unitId"),
                                        form.values().get("ownerId")),
                                form.errors(), form.youTyped()));
    }

    /**
     * Erasure from the page: the words about the person go for good, the anonymous figures stay
     * (as DELETE /api/v1/contacts/{id}). The box must be ticked: there is no undo.
     */
    @POST
    @Path("/{id}/erase")
    public Object erase(@PathParam("id") String id) {
        UUID contact = Ids.parse(id, "contact");
        if (!Form.posted().ticked("confirm")) {
            Versioned<ContactView> stored = contacts.find(contact);
            return Form.refused(edit(stored, Map.of("confirm", PageLanguage.people().contact_erase_tick())));
        }
        contacts.erase(contact, null);
        // the person's page is gone with their data: back to the list, which says it was done
        return Form.seeOther(Form.saved("/contacts", ERASED));
    }

    @GET
    @Path("/{id}")
    public Object show(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                       @QueryParam("tieSearch") String tieSearch, @HeaderParam("HX-Request") String htmx,
                       @HeaderParam(HtmxAnswers.REFUSAL_SHOWN) String refusalShown) {
        UUID contact = Ids.parse(id, "contact");
        // htmx asks for the tie search's matches only, as its box is typed in (the words sent, if only
        // an empty box); plain browsers, and any other htmx request, get the page
        if (htmx != null && tieSearch != null) {
            ContactView view = contacts.find(contact).view();
            Map<String, String> errors = new HashMap<>();
            TieSearch matches = tieSearch(view, tieSearch, errors);
            // the search's box drawn again (out of band) when its words are refused now or were before
            TemplateInstance found = Templates.show$tieFound(view, matches, Map.of(), errors,
                    !errors.isEmpty() || refusalShown != null);
            return errors.isEmpty() ? found : Form.refused(found);
        }
        TemplateInstance page = show(contact, cursor, tieSearch, Map.of(), Map.of());
        // a search too long to run is said on the tie form, and the page is a 400 as a refused form is
        return tieSearchRefused(tieSearch) != null ? Form.refused(page) : page;
    }

    @POST
    @Path("/{id}/level")
    public Object changeLevel(@PathParam("id") String id) {
        UUID contact = Ids.parse(id, "contact");
        // "already at that level" names no field: it is about the level chosen
        Form form = Form.posted().refusalsOn("level");
        NewLevel change = new NewLevel(form.word(Level.class, "level"), form.text("reason"), null);
        // the page asks for the reason (the API keeps it optional, for scripts and back-filling)
        form.need("reason", PageLanguage.people().contact_reason_missing());
        // the level the form was drawn with (a tampered one is none): the service says a change made since
        String drawnWith = form.hidden("from");
        Level seen = Forms.word(Level.class, drawnWith, "from", new FormErrors()); // a word no level has: none
        return form.checks(change, () -> contacts.levelAsSeen(contact, seen, change.level()))
                .submit(() -> contacts.changeLevel(contact, change, seen),
                Form.saved("/contacts/" + contact + "#timeline", LEVEL),
                // drawn again from the level now: a change made since has been said (with the form's other
                // mistakes, or by the call), so sent again it is recorded
                () -> {
                    form.values().remove("from");
                    return show(contact, null, null, form.values(), form.errors());
                });
    }

    private List<OpenFollowUp> openFollowUps(UUID contact) {
        List<FollowUpView> open = followUps.list(FollowUpFilter.openOf(contact), Page.MAX_LIMIT, null).items().stream()
                .sorted(FollowUpView.SOONEST_DUE).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        // the assignees by name, each read once: a person's open follow-ups are a few, in one or two queues
        Map<UUID, String> names = new HashMap<>();
        java.time.LocalDate today = java.time.LocalDate.now(current.team().zone());
        MsgPeople words = PageLanguage.people();
        return open.stream().map(f -> new OpenFollowUp(f, f.dueOn().isBefore(today),
                current.id().equals(f.assigneeId()) ? words.contact_follow_up_yours()
                        : words.contact_follow_up_theirs(names.computeIfAbsent(f.assigneeId(),
                        id -> organizers.find(id).view().displayName())))).toList();
    }

    private TemplateInstance show(UUID id, String cursor, String tieSearch, Map<String, String> form,
                                  Map<String, String> errors) {
        ContactView contact = contacts.find(id).view();
        List<OpenFollowUp> open = openFollowUps(id);
        Page<TimelineItem> timeline = contacts.timeline(id, PAGE_SIZE, cursor);
        List<Line> lines = timeline.items().stream().map(item -> line(id, item)).toList();
        Map<String, String> values = new HashMap<>(form);
        values.putIfAbsent("level", contact.engagementLevel().word());
        values.putIfAbsent("from", contact.engagementLevel().word());
        Map<String, String> said = new HashMap<>(errors);
        TieSearch found = tieSearch(contact, tieSearch, said);
        List<Option> kinds = Forms.options(TieKind.class);
        // the unit and the owner by name: who the person works beside, and whose person they are
        String unit = contact.unitId() == null ? null
                : units.fullName(contact.organizationId(), contact.unitId());
        String owner = contact.ownerId() == null ? null : organizers.find(contact.ownerId()).view().displayName();
        return Templates.show(contact, unit, owner, open, lines, timeline.nextCursor(), Forms.options(Level.class),
                ties.list(id), kinds, found, values, said, false);
    }

    /**
     * Why the words cannot be searched (longer than the box takes), said on the tie search's field, or
     * null: the contacts list's own check ({@link ContactQuery#search}), so one rule and one message.
     */
    private static String tieSearchRefused(String words) {
        Form search = Form.of(Map.of()).names("q=tieSearch");
        search.attempt(() -> ContactQuery.search(words));
        return search.errors().get("tieSearch");
    }

    /**
     * The people of the whole team matching the words (the contacts list's search, {@link ContactQuery#q}),
     * the contact's own organization's first, the contact left out. Two searches of a few rows each:
     * the organization's, then the team's.
     */
    private TieSearch tieSearch(ContactView contact, String words, Map<String, String> errors) {
        if (Text.showsNothing(words)) { // a no-break space too: the box left blank
            return TieSearch.NONE;
        }
        String q = words.trim();
        String refused = tieSearchRefused(q);
        if (refused != null) {
            // only a search sent by hand is this long (the box's maxlength stops a typed one); the words
            // kept for the form again are cut at the rule's length, never inside an emoji (its half was a "?")
            errors.putIfAbsent("tieSearch", refused);
            return new TieSearch(q.substring(0, q.offsetByCodePoints(0, ContactQuery.Q_MAX)), List.of(), false, false);
        }
        Map<UUID, ContactView> found = new java.util.LinkedHashMap<>();
        if (contact.organizationId() != null) {
            ContactQuery near = new ContactQuery(null, null, null, contact.organizationId(), null, q);
            contacts.list(near, TIE_MATCHES + 1, null).items().forEach(c -> found.put(c.id(), c));
        }
        // the contact itself may be one of them: one more row, so "more" is still told right
        contacts.list(new ContactQuery(null, null, null, null, null, q), TIE_MATCHES + 2, null).items()
                .forEach(c -> found.putIfAbsent(c.id(), c));
        // their own name alone found: said as that, not "no one found" (the walk: a tie is with someone else)
        boolean themselves = found.remove(contact.id()) != null && found.isEmpty();
        List<TieMatch> matches = found.values().stream().limit(TIE_MATCHES).map(TieMatch::of).toList();
        return new TieSearch(q, matches, found.size() > TIE_MATCHES, themselves);
    }

    @POST
    @Path("/{id}/ties")
    public Object addTie(@PathParam("id") String id) {
        UUID contact = Ids.parse(id, "contact");
        // a tie they already have is about the person chosen: said there
        Form form = Form.posted().names("kind=tieKind").refusalsOn("otherContactId");
        TieJson.NewTie tie = new TieJson.NewTie(form.id("otherContactId"), form.word(TieKind.class, "tieKind"),
                form.text("note"));
        // the words searched come back with the form, so a refusal shows the same people to choose from
        String search = form.search("tieSearch");
        form.need("otherContactId", PageLanguage.people().contact_choose_person())
                .need("tieKind", PageLanguage.people().contact_choose_tie());
        // refused (no one chosen, not a person of the team, a tie they have): a 400, said by the field
        return form.checks(tie).submit(() -> ties.add(contact, tie), Form.saved("/contacts/" + contact + "#ties", TIE_ADDED),
                () -> show(contact, null, search, form.values(), form.errors()));
    }

    @POST
    @Path("/{id}/ties/{tieId}/remove")
    public Response removeTie(@PathParam("id") String id, @PathParam("tieId") String tieId) {
        UUID contact = Ids.parse(id, "contact");
        UUID tie = Ids.parse(tieId, "tie"); // a mangled address stays the 404 of any page's
        try {
            ties.remove(contact, tie);
        } catch (ProblemException p) {
            if (!Problems.isNotFound(p, "tie")) {
                throw p; // the person themself gone: their own page says so
            }
            // removed already (a double tap, a stale tab, a colleague): what Remove asked for is so; said beside the
            // ties rather than a bare "No tie with that id in your team" page that lost the person (the walk)
            return Form.seeOther(Form.saved("/contacts/" + contact + "#ties", TIE_GONE));
        }
        return Form.seeOther(Form.saved("/contacts/" + contact + "#ties", TIE_REMOVED));
    }

    // ---- a level change recorded by mistake: deleted from the contact's timeline ------------

    @GET
    @Path("/{id}/level-changes/{changeId}/delete")
    public Object levelChange(@PathParam("id") String id, @PathParam("changeId") String changeId) {
        UUID contact = Ids.parse(id, "contact");
        LevelChangeView change = levelChangeOrGone(contact, changeId);
        return change == null ? goneFromTimeline(contact) : levelChange(change, Map.of());
    }

    /** Deleting needs the box ticked (as DELETE /api/v1/contacts/{id}/level-changes/{changeId}). */
    @POST
    @Path("/{id}/level-changes/{changeId}/delete")
    public Object deleteLevelChange(@PathParam("id") String id, @PathParam("changeId") String changeId) {
        UUID contact = Ids.parse(id, "contact");
        LevelChangeView change = levelChangeOrGone(contact, changeId);
        if (change == null) {
            return goneFromTimeline(contact);
        }
        Form form = Form.posted();
        if (!form.ticked("confirm")) {
            return Form.refused(levelChange(change, Map.of("confirm", PageLanguage.people().level_change_delete_tick())));
        }
        return form.submit(() -> contacts.deleteLevelChange(contact, change.id()), "/contacts/" + contact + "#timeline",
                () -> levelChange(change, form.errors()));
    }

    /**
     * The level change, or null when it was deleted already (a double click, Back to its page, a stale tab, a
     * colleague): what Delete asks for is so, and the timeline says it rather than a bare 404 page (the walks), as a
     * tie's Remove does. A mangled id stays the 404 of any page's; the person themself gone, their own page's.
     */
    private LevelChangeView levelChangeOrGone(UUID contact, String changeId) {
        UUID change = Ids.parse(changeId, "level change");
        try {
            return contacts.levelChange(contact, change);
        } catch (ProblemException p) {
            if (!Problems.isNotFound(p, "level change")) {
                throw p;
            }
            return null;
        }
    }

    private static Response goneFromTimeline(UUID contact) {
        return Form.seeOther(Form.saved("/contacts/" + contact + "#timeline", LEVEL_CHANGE_GONE));
    }

    private TemplateInstance levelChange(LevelChangeView change, Map<String, String> errors) {
        ContactView contact = contacts.find(change.contactId()).view();
        return Templates.levelChange(contact, change, levelTitle(change.fromLevel(), change.toLevel()), errors);
    }

    /** A level change as the timeline and its delete page say it; no from level: the level added with. */
    private static String levelTitle(Level from, Level to) {
        return from == null ? PageLanguage.people().timeline_added_as(levelWords(to))
                : PageLanguage.people().timeline_level_changed(levelWords(from), levelWords(to));
    }

    private static Line line(UUID contact, TimelineItem item) {
        Instant at = item.at();
        String type = item.type();
        // Java 17: no patterns in switch yet; the four kinds are the sealed interface's whole list
        if (item instanceof ConversationLine c) {
            return new Line(type, at,
                    PageLanguage.people().timeline_conversation() + words(" · ", "channel", c.channel()) + " · "
                            + PageLanguage.msg().minutes_short(String.valueOf(c.durationMinutes()))
                            // ticked on the log form: shown where the talk is, not only on its edit form (the walk)
                            + (Boolean.TRUE.equals(c.politicalDiscussion())
                            ? " · " + PageLanguage.people().conversation_politics() : ""),
                    text(c.summary()), c.organizerName(), c.workName(), c.issues(), c.commitments(),
                    "/conversations/" + c.id() + "/edit");
        }
        if (item instanceof AttendanceLine a) {
            return new Line(type, at,
                    PageLanguage.people().action_at_capital(String.valueOf(a.actionTitle()))
                            + (Boolean.TRUE.equals(a.firstTime()) ? " · " + PageLanguage.people().checkin_first_time_mark() : ""),
                    text(a.notes()));
        }
        if (item instanceof LevelChangeLine l) {
            // the level the contact was added with is not a change: nothing to delete
            String delete = l.fromLevel() == null ? null : "/contacts/" + contact + "/level-changes/" + l.id() + "/delete";
            return new Line(type, at, levelTitle(l.fromLevel(), l.toLevel()),
                    text(LevelReasons.shown(l.reason())),
                    null, null, null, null, delete);
        }
        FollowUpLine f = (FollowUpLine) item;
        return new Line(type, at,
                PageLanguage.people().timeline_follow_up_due(Labels.day(f.dueOn()))
                        + " · " + Labels.word("follow_up_status", String.valueOf(f.status())).toLowerCase(PageLanguage.current()),
                text(org.groundwork.followup.FollowUpWords.purpose(f.reason(), f.purpose())));
    }

    private static String words(String prefix, String group, String word) {
        return word == null ? "" : prefix + Labels.word(group, word).toLowerCase(PageLanguage.current());
    }

    private static String levelWords(Level level) {
        return Labels.inSentence(level);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
