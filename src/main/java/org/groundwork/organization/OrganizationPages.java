package org.groundwork.organization;

import org.groundwork.contact.ContactQuery;
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
import org.groundwork.contact.ContactJson.ContactView;
import org.groundwork.contact.ContactService;
import org.groundwork.contact.Level;
import org.groundwork.organization.ChartJson.Chart;
import org.groundwork.organization.ChartJson.ChartFilter;
import org.groundwork.organization.ChartJson.Column;
import org.groundwork.organization.ChartJson.Leader;
import org.groundwork.organization.OrganizationJson.Merge;
import org.groundwork.organization.OrganizationJson.NewOrganization;
import org.groundwork.organization.OrganizationJson.OrganizationChange;
import org.groundwork.organization.OrganizationJson.OrganizationView;
import org.groundwork.organization.OrganizationJson.Overview;
import org.groundwork.organization.UnitJson.NewUnit;
import org.groundwork.organization.UnitJson.UnitView;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.OrganizerChoices;
import org.groundwork.organizer.Role;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Versioned;
import org.groundwork.web.FilterBoxes;
import org.groundwork.web.Form;
import org.groundwork.web.FormErrors;
import org.groundwork.web.HtmxAnswers;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.Forms;
import org.groundwork.web.MsgPlaces;
import org.groundwork.web.Option;
import org.groundwork.web.Refusals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organizations pages: the list with its people by level, add, rename, merge, the people of
 * one organization and its units, its wall chart and its organic leaders.
 */
@Path("/organizations")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class OrganizationPages {

    /** The notice on the organization merged into ({@code ?saved=merged}). */
    static final String MERGED = "merged";
    /** What a unit's forms saved ({@link Form#saved}): the organization's page says so above its units. */
    static final String UNIT_ADDED = "unit-added";
    static final String UNIT_SAVED = "unit-saved";
    static final String UNIT_REMOVED = "unit-removed";

    static final int PEOPLE_PAGE = 100;
    static final int LEADERS_SHOWN = 100;

    @Inject
    OrganizationService organizations;
    @Inject
    UnitService units;
    @Inject
    WallChart wallChart;
    @Inject
    ContactService contacts;
    @Inject
    OrganizerChoices organizerChoices;
    @Inject
    CurrentOrganizer current;
    @Inject
    Patches patches;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Overview> organizations, String nextCursor, List<Option> kinds,
                                            Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance show(OrganizationView organization, List<UnitRow> units, List<ContactView> people,
                                            String nextCursor, List<Option> kinds, List<Option> unitKinds,
                                            List<Option> parents, List<Option> others, boolean canMerge,
                                            UnitSaid shiftedSaid, Map<String, String> form, Map<String, String> errors,
                                            Map<String, Form.Typed> youTyped);

        static native TemplateInstance chart(Chart chart, List<ColumnView> columns, ChartForm filter,
                                             List<Option> levels, List<Option> owners, Moved moved,
                                             Map<String, String> errors);

        static native TemplateInstance chart$board(Chart chart, List<ColumnView> columns, ChartForm filter,
                                                   List<Option> levels, List<Option> owners, Moved moved,
                                                   Map<String, String> errors);

        static native TemplateInstance move(UUID organizationId, ContactView person, ChartForm filter,
                                            List<Option> places, String current, boolean inChart);

        static native TemplateInstance move$moveform(UUID organizationId, ContactView person, ChartForm filter,
                                                     List<Option> places, String current, boolean inChart);

        static native TemplateInstance leaders(OrganizationView organization, List<Leader> leaders, int shown);

        static native TemplateInstance unit(OrganizationView organization, UnitView unit, String parentName, String inside,
                                            long people,
                                            List<Option> unitKinds, List<Option> destinations, Map<String, String> form,
                                            Map<String, String> errors, Map<String, Form.Typed> youTyped);
    }

    /**
     * What Up or Down did, said above the units; {@code focus}: the words take the focus, when no button of the
     * unit is left to keep it (the unit was removed meanwhile: the focus fell to the page's top, a walk).
     */
    public record UnitSaid(String words, boolean focus) {
    }

    /**
     * A unit on the organization's page: its people (with those of the units inside it), whether it can move, and
     * which of its controls takes the focus ("up", "down", "name"; null for none): after Up or Down, the unit moved
     * keeps it on the same button, or the other one once it reached an end, so a keyboard user moving a unit
     * several places presses the same key again (the walk: the focus went back to the top of the page).
     */
    public record UnitRow(UnitView unit, long people, boolean canMoveUp, boolean canMoveDown, String focus) {

        static UnitRow of(UnitView unit, long people, boolean canMoveUp, boolean canMoveDown, Boolean shiftedUp) {
            String focus = shiftedUp == null ? null
                    : shiftedUp ? (canMoveUp ? "up" : canMoveDown ? "down" : "name")
                    : (canMoveDown ? "down" : canMoveUp ? "up" : "name");
            return new UnitRow(unit, people, canMoveUp, canMoveDown, focus);
        }
    }

    /**
     * The chart's filters as typed, kept in the links and the move forms so a move keeps the view;
     * unit: the one column shown whole ("none" for no unit) or blank; query: the filters without
     * the unit, as a query string; message: "moved" or "refused" (the template words them); refusal: a
     * refused move's own words (the person is in another organization now), null for the template's;
     * focus: what takes the focus when something was refused, one thing in the page ({@link #focus}).
     */
    public record ChartForm(String level, String owner, String quiet, String unit, String query, String message,
                            String refusal, String focus) {
    }

    /**
     * One card as drawn, every value ready ({@link CardWords}): the template reads each from the
     * card itself, not from the page around it, which Qute would look up through every enclosing
     * section for each of 1,000 cards. {@code heat} is the first-timer mark or null; {@code noOwner}
     * is set when nobody owns the person; {@code move} is the move link.
     */
    public record CardView(String id, String name, String levelWord, String level, String position,
                           String ownerInitials, String ownerTitle, String noOwner, String talked, String due,
                           String heat, String move, String moveWord, boolean moved) {
    }

    /**
     * After a move, what the chart's live region says ("Ana Alvarez moved to Night shift.") and
     * whether the message takes the focus: it does when the moved card is not drawn (filtered out or
     * folded); otherwise the card's name does.
     */
    record Moved(String said, boolean takesFocus) {
        static final Moved NONE = new Moved(null, false);
    }

    /** One column as drawn. */
    public record ColumnView(Column column, List<CardView> cards) {
    }

    // ---- list, add --------------------------------------------------------------------------

    /** Organizations by name, a page at a time: a union's campaign can reach hundreds of workplaces. */
    static final int LIST_SIZE = 50;

    @GET
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        return list(cursor, Map.of("kind", "workplace"), Map.of());
    }

    private TemplateInstance list(String cursor, Map<String, String> form, Map<String, String> errors) {
        Page<Overview> page = organizations.overview(LIST_SIZE, cursor);
        return Templates.list(page.items(), page.nextCursor(), Forms.options(OrganizationKind.class), form, errors);
    }

    @POST
    public Object create() {
        Form form = Form.posted();
        NewOrganization organization = new NewOrganization(form.text("name"), form.word(OrganizationKind.class, "kind"));
        return form.checks(organization).submit(() -> organizations.create(organization), o -> Form.seeOther("/organizations/" + o.view().id()),
                () -> list(null, form.values(), form.errors()));
    }

    // ---- one organization -------------------------------------------------------------------

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                 @QueryParam("shifted") String shifted, @QueryParam("dir") String dir) {
        UUID org = Ids.parse(id, "organization");
        Versioned<OrganizationView> stored = organizations.find(org);
        OrganizationView o = stored.view();
        Map<String, String> read = renameRead(stored);
        // after Up or Down (shiftUnit): words that cannot be read are ignored, the page is shown as it is
        UUID moved = Forms.id(shifted, "shifted", new FormErrors());
        Boolean up = "up".equals(dir) ? Boolean.TRUE : "down".equals(dir) ? Boolean.FALSE : null;
        return show(o, cursor, read, Map.of(), moved == null ? null : up, moved, null, Map.of());
    }

    private TemplateInstance show(OrganizationView o, String cursor, Map<String, String> form, Map<String, String> errors) {
        return show(o, cursor, form, errors, null, null, null, Map.of());
    }

    /**
     * The rename form's read: what is stored, the version it was read at (sent as If-Match, so a rename saved
     * meanwhile in another tab is shown, not undone) and what each field held (Form.DRAWN: a rename that
     * meets a merge or another save says only what this tab changed as typed); the add-unit form's kind.
     */
    private static Map<String, String> renameRead(Versioned<OrganizationView> stored) {
        OrganizationView o = stored.view();
        // the add-unit form's default kind with them, drawn as the rest: a value the stored-now map holds and the
        // drawn fields did not would make every save meanwhile look like a change to this form (Form.submit)
        return Form.asRead(Map.of("name", o.name(), "kind", o.kind().word(), "unitKind", "department",
                Form.VERSION, Long.toString(stored.version())));
    }

    /**
     * {@code shiftedUp} and {@code shifted}: the unit Up or Down was pressed on, which keeps the focus; said as moved,
     * or, with {@code unmoved}, the words of why it was not.
     */
    private TemplateInstance show(OrganizationView o, String cursor, Map<String, String> form, Map<String, String> errors,
                                  Boolean shiftedUp, UUID shifted, String unmoved, Map<String, Form.Typed> youTyped) {
        Page<ContactView> people = contacts.list(new ContactQuery(null, null, null, o.id(), null, null),
                PEOPLE_PAGE, cursor);
        List<UnitView> unitList = units.list(o.id());
        List<Option> parents = unitList.stream().filter(u -> u.parentId() == null)
                .map(u -> new Option(u.id().toString(), u.name())).toList();
        List<Option> others = organizations.overview().stream().filter(x -> !x.id().equals(o.id()))
                .map(x -> new Option(x.id().toString(), x.name())).toList();
        Map<UUID, Long> counts = units.people(o.id());
        List<UnitRow> rows = new ArrayList<>();
        UnitSaid said = null;
        for (int i = 0; i < unitList.size(); i++) {
            UnitView u = unitList.get(i);
            boolean moved = shiftedUp != null && u.id().equals(shifted);
            rows.add(UnitRow.of(u, peopleIn(u, unitList, counts), sibling(unitList, i, -1), sibling(unitList, i, 1),
                    moved ? shiftedUp : null));
            if (moved) {
                said = new UnitSaid(unmoved != null ? unmoved
                        : shiftedUp ? PageLanguage.places().unit_said_up(u.name()) : PageLanguage.places().unit_said_down(u.name()),
                        false);
            }
        }
        if (said == null && unmoved != null) {
            said = new UnitSaid(unmoved, true); // the unit is not there any more, nor its buttons
        }
        return Templates.show(o, rows, people.items(), people.nextCursor(), Forms.options(OrganizationKind.class),
                Forms.options(UnitKind.class), parents, others, current.has(Role.COORDINATOR), said, form, errors, youTyped);
    }

    @POST
    @Path("/{id}/rename")
    public Object rename(@PathParam("id") String id) {
        UUID org = Ids.parse(id, "organization");
        Form form = Form.posted();
        OrganizationChange change = new OrganizationChange(form.text("name"), form.word(OrganizationKind.class, "kind"));
        form.also("unitKind", "department");
        // the version the form was read at, as If-Match: a rename saved meanwhile in another tab was undone
        // without a word, its whole name and kind written back (the walk)
        return form.checks(change)
                .onConflict(() -> renameRead(organizations.find(org)))
                .submit(() -> organizations.change(org, patches.of(change, Set.of("name", "kind")), form.version()),
                        "/organizations/" + org,
                        () -> show(organizations.find(org).view(), null, form.values(), form.errors(), null, null, null,
                                form.youTyped()));
    }

    @POST
    @Path("/{id}/merge")
    public Object merge(@PathParam("id") String id) {
        UUID org = Ids.parse(id, "organization");
        Form form = Form.posted();
        UUID into = form.id("intoOrganizationId");
        form.need("intoOrganizationId", PageLanguage.places().org_choose_merge());
        // a merge is not undone: asked as an erasure is (the walk merged at one click, and was told nothing)
        if (!form.ticked("confirm")) {
            form.error("confirm", PageLanguage.places().org_merge_tick());
        }
        return form.submit(() -> organizations.merge(org, new Merge(into), null), Form.saved("/organizations/" + into, MERGED), () -> {
            Versioned<OrganizationView> stored = organizations.find(org);
            OrganizationView o = stored.view();
            String typed = form.text("intoOrganizationId");
            Map<String, String> read = renameRead(stored);
            read.put("intoOrganizationId", typed == null ? "" : typed);
            // the tick kept when the refusal was not for it (no organization chosen, a change under way)
            if (form.ticked("confirm")) {
                read.put("confirm", "true");
            }
            return show(o, null, read, form.errors());
        });
    }

    @POST
    @Path("/{id}/units")
    public Object addUnit(@PathParam("id") String id) {
        UUID org = Ids.parse(id, "organization");
        Form form = Form.posted().names("name=unitName", "kind=unitKind", "position=form");
        NewUnit unit = new NewUnit(form.text("unitName"), form.word(UnitKind.class, "unitKind"), form.id("parentId"), null);
        return form.checks(unit).submit(() -> units.create(org, unit), Form.saved("/organizations/" + org, UNIT_ADDED), () -> {
            Versioned<OrganizationView> stored = organizations.find(org);
            Map<String, String> values = new java.util.HashMap<>(form.values());
            values.putAll(renameRead(stored));
            values.putAll(Forms.values("unitKind", form.values().get("unitKind"))); // as typed, not the read's default
            return show(stored.view(), null, values, form.errors());
        });
    }

    /** Whether unit i has a sibling (same parent) before (step -1) or after (+1) it in the list's order. */
    private static boolean sibling(List<UnitView> list, int i, int step) {
        UUID parent = list.get(i).parentId();
        for (int j = i + step; j >= 0 && j < list.size(); j += step) {
            UUID p = list.get(j).parentId();
            if (parent == null ? p == null : parent.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** The people of a unit and of the units inside it. */
    private static long peopleIn(UnitView u, List<UnitView> list, Map<UUID, Long> counts) {
        long n = counts.getOrDefault(u.id(), 0L);
        for (UnitView child : list) {
            if (u.id().equals(child.parentId())) {
                n += counts.getOrDefault(child.id(), 0L);
            }
        }
        return n;
    }

    // ---- one unit: rename, reorder, remove ---------------------------------------------------

    @GET
    @Path("/{id}/units/{unitId}")
    public TemplateInstance unit(@PathParam("id") String id, @PathParam("unitId") String unitId) {
        UUID org = Ids.parse(id, "organization");
        Versioned<UnitView> stored = units.find(org, Ids.parse(unitId, "unit"));
        return unitPage(org, stored.view(), unitRead(stored), Map.of());
    }

    /**
     * The unit's rename form's read: what is stored, the version it was read at (If-Match: a rename saved
     * meanwhile is shown, not undone) and what each field held (Form.DRAWN: a rename that meets the
     * unit's removal or another save shows only what this tab changed).
     */
    private static Map<String, String> unitRead(Versioned<UnitView> stored) {
        UnitView u = stored.view();
        return Form.asRead(Map.of("unitName", u.name(), "unitKind", u.kind().word(),
                Form.VERSION, Long.toString(stored.version())));
    }

    private TemplateInstance unitPage(UUID org, UnitView u, Map<String, String> form, Map<String, String> errors) {
        return unitPage(org, u, form, errors, Map.of());
    }

    private TemplateInstance unitPage(UUID org, UnitView u, Map<String, String> form, Map<String, String> errors,
                                      Map<String, Form.Typed> youTyped) {
        OrganizationView o = organizations.find(org).view();
        List<UnitView> unitList = units.list(org);
        String parentName = null;
        List<Option> destinations = new ArrayList<>();
        for (UnitView other : unitList) {
            if (other.id().equals(u.parentId())) {
                parentName = other.name();
            }
            // the people can go anywhere but into the unit removed or the units inside it
            if (!other.id().equals(u.id()) && !u.id().equals(other.parentId())) {
                String parent = other.parentId() == null ? null : unitList.stream()
                        .filter(x -> x.id().equals(other.parentId())).map(UnitView::name).findFirst().orElse(null);
                destinations.add(new Option(other.id().toString(), parent == null ? other.name() : parent + " · " + other.name()));
            }
        }
        // the units inside it, which go with it: named where removing is asked, and only when there are some (the
        // walk: a top unit with none inside was said to take "the units inside it" with it)
        String inside = String.join(", ", unitList.stream().filter(x -> u.id().equals(x.parentId()))
                .map(UnitView::name).toList());
        return Templates.unit(o, u, parentName, inside.isEmpty() ? null : inside, peopleIn(u, unitList, units.people(org)),
                Forms.options(UnitKind.class), destinations, form, errors, youTyped);
    }

    @POST
    @Path("/{id}/units/{unitId}/rename")
    public Object renameUnit(@PathParam("id") String id, @PathParam("unitId") String unitId) {
        UUID org = Ids.parse(id, "organization");
        UUID unit = Ids.parse(unitId, "unit");
        Form form = Form.posted().names("name=unitName", "kind=unitKind");
        // a blank kind is refused by the service, as the API refuses "kind": null
        UnitJson.UnitChange change = new UnitJson.UnitChange(form.text("unitName"), form.word(UnitKind.class, "unitKind"),
                null, null);
        // the version the form was read at, as If-Match: a rename or kind saved meanwhile in another tab
        // was written back over without a word (the walk)
        return form.checks(change)
                .onConflict(() -> unitRead(units.find(org, unit)))
                .submit(() -> units.change(org, unit, patches.of(change, Set.of("name", "kind")), form.version()),
                // no #unit-…: the notice's autofocus takes the focus, and scrolls to it; with an address naming a
                // fragment the browser skips autofocus (as after Up and Down, above)
                Form.saved("/organizations/" + org, UNIT_SAVED),
                () -> unitPage(org, units.find(org, unit).view(), form.values(), form.errors(), form.youTyped()));
    }

    /** Up or down one place among the unit's siblings: the order of the wall chart's columns. */
    @POST
    @Path("/{id}/units/{unitId}/{direction:up|down}")
    public Object shiftUnit(@PathParam("id") String id, @PathParam("unitId") String unitId,
                              @PathParam("direction") String direction) {
        UUID org = Ids.parse(id, "organization");
        UUID unit = Ids.parse(unitId, "unit");
        boolean up = "up".equals(direction);
        Form form = Form.posted();
        // said only when it moved: a stale tab's Up on the first unit moved nothing (the review); a refusal (an import
        // making places) is said where a move is, the focus kept on the button, not an error page in place of the
        // organization's (the walk); so is the unit removed since the page was drawn, with the units as they are now
        // (it was the "deleted" page, as if the organization were gone: session 48's walk)
        form.on(p -> Problems.isNotFound(p, "unit"), p -> unmoved(org, up, unit, PageLanguage.places().unit_gone()));
        // moved: the page says so and its autofocus puts the focus on the unit's button, which scrolls to it; an
        // address ending in #unit-… would have the browser skip that autofocus, leaving the focus on the body
        // without scripts (session 50's walk). Not moved: the address scrolls to the unit
        return form.submit(() -> units.shift(org, unit, up),
                moved -> Form.seeOther("/organizations/" + org + (moved ? "?shifted=" + unit + "&dir=" + direction
                        : "#unit-" + unit)),
                () -> unmoved(org, up, unit, form.errors().get(FormErrors.FORM)));
    }

    /** The organization's page again after an Up or Down that moved nothing, with why. */
    private TemplateInstance unmoved(UUID org, boolean up, UUID unit, String why) {
        Versioned<OrganizationView> stored = organizations.find(org);
        return show(stored.view(), null, renameRead(stored), Map.of(), up, unit, why, Map.of());
    }

    /** Removes a unit; its people (and those of the units inside it) go to "no unit" or to the unit chosen. */
    @POST
    @Path("/{id}/units/{unitId}/remove")
    public Object removeUnit(@PathParam("id") String id, @PathParam("unitId") String unitId) {
        UUID org = Ids.parse(id, "organization");
        UUID unit = Ids.parse(unitId, "unit");
        Form form = Form.posted();
        UUID to = form.id("moveTo");
        return form.submit(() -> units.delete(org, unit, null, to), Form.saved("/organizations/" + org, UNIT_REMOVED), () -> {
            Versioned<UnitView> stored = units.find(org, unit);
            Map<String, String> read = unitRead(stored);
            read.putAll(Forms.values("moveTo", form.text("moveTo")));
            return unitPage(org, stored.view(), read, form.errors());
        });
    }

    // ---- the wall chart ---------------------------------------------------------------------

    @GET
    @Path("/{id}/chart")
    @FilterBoxes({"level", "owner", "quiet", "unit"})
    public Object chart(@PathParam("id") String id, @QueryParam("level") String level,
                        @QueryParam("owner") String owner, @QueryParam("quiet") String quiet,
                        @QueryParam("unit") String unit, @QueryParam("moved") String moved,
                        @QueryParam("stayed") String stayed, @HeaderParam("HX-Request") String htmx) {
        UUID org = Ids.parse(id, "organization");
        return chart(org, level, owner, quiet, unit, moved == null ? null : stayed != null ? "stayed" : "moved", null,
                Forms.id(moved, "moved", new FormErrors()), htmx != null);
    }

    /**
     * The chart with its filters, or, when one cannot be read or names nothing of this organization
     * (a link edited by hand, a unit removed since), a 400 with the filter's message and what was
     * typed kept in its box, and no cards: a chart that quietly dropped the filter would show
     * everyone as if they matched. Under htmx the message is said in the board it swaps.
     */
    private Object chart(UUID org, String level, String owner, String quiet, String unit, String message,
                         String refusal, UUID moved, boolean fragment) {
        Form asked = Form.filters(Forms.values("level", blank(level), "owner", blank(owner), "quiet", blank(quiet),
                "unit", blank(unit))).names("level", "owner", "quiet", "unit");
        Level l = asked.word(Level.class, "level");
        boolean noOwner = "none".equals(asked.text("owner"));
        UUID ownerId = noOwner ? null : asked.id("owner");
        Integer days = asked.whole("quiet");
        boolean noUnit = "none".equals(asked.text("unit"));
        UUID unitId = noUnit ? null : asked.id("unit");
        Optional<Chart> filtered = asked.attempt(() -> wallChart.chart(org, new ChartFilter(l, ownerId, noOwner, days,
                unitId, noUnit)));
        // refused: the organization's heading around the message, without its columns
        Chart chart = filtered.orElseGet(() -> wallChart.heading(org));
        String shown = !chart.whole() ? "" : noUnit ? "none" : unitId.toString();
        Map<String, String> typed = asked.values();
        String focus = focus(asked.errors(), message, fragment);
        ChartForm form = new ChartForm(typed.get("level"), typed.get("owner"), typed.get("quiet"), shown,
                query(typed.get("level"), typed.get("owner"), typed.get("quiet")), message, refusal, focus);
        List<Option> owners = new ArrayList<>();
        owners.add(new Option("none", PageLanguage.people().owner_none()));
        owners.addAll(organizerChoices.everyone());
        // the move link keeps the filters and the column shown
        String tail = (form.query().isEmpty() ? "" : "&" + form.query()) + (shown.isEmpty() ? "" : "&unit=" + shown);
        List<ColumnView> columns = filtered.isEmpty() ? List.of()
                : new CardWords(PageLanguage.people(), PageLanguage.places(), tail, moved).columns(chart.columns());
        Moved said = "moved".equals(message) || "stayed".equals(message)
                ? moved(org, moved, chart, columns, focus == null, "stayed".equals(message)) : Moved.NONE;
        if (fragment) {
            return asked.drawn(Templates.chart$board(chart, columns, form, Forms.options(Level.class), owners, said,
                    asked.errors()));
        }
        return asked.drawn(Templates.chart(chart, columns, form, Forms.options(Level.class), owners, said,
                asked.errors()));
    }

    /** The chart's refused filters in the page's order: each has its box but the unit (a column's link). */
    private static final List<String> FILTERS = List.of("level", "owner", "quiet", "unit");

    /**
     * What takes the focus when the chart says a refusal, one thing (one {@code autofocus} in the page): the
     * first refused filter's box, the unit's message (it has no box), else a refused move's message ("refused");
     * null when nothing was refused. Under htmx the filters' boxes are not drawn again: only the board's messages.
     */
    static String focus(Map<String, String> errors, String message, boolean fragment) {
        for (String name : fragment ? List.of("unit") : FILTERS) {
            if (errors.containsKey(name)) {
                return name;
            }
        }
        return "refused".equals(message) ? "refused" : null;
    }

    /**
     * Who moved where, said after a move. Only someone of this organization is named, as the check-in page's
     * notices do; an address naming no one of it (edited by hand, a person erased or moved away since) says
     * nothing: it said "Moved." (the walk, {@code ?moved=garbage}). The message takes the focus when the card
     * is not drawn, unless a refusal has it ({@code mayFocus} false). stayed: Move pressed on the unit they were in,
     * said as that (it said "moved to", a walk).
     */
    private Moved moved(UUID org, UUID moved, Chart chart, List<ColumnView> columns, boolean mayFocus, boolean stayed) {
        boolean drawn = columns.stream().flatMap(c -> c.cards().stream()).anyMatch(CardView::moved);
        MsgPlaces words = PageLanguage.places();
        ContactView person;
        try {
            person = moved == null ? null : contacts.view(moved);
        } catch (ProblemException gone) {
            person = null;
        }
        if (person == null || !org.equals(person.organizationId())) {
            return Moved.NONE;
        }
        UUID unitId = person.unitId();
        if (unitId == null) {
            // "moved to No unit." read as a unit's name, capital and all (a walk): said as a sentence says it
            return new Moved(stayed ? words.chart_said_stayed_none(person.fullName())
                    : words.chart_said_moved_none(person.fullName()), mayFocus && !drawn);
        }
        String unit = chart.columns().stream()
                .filter(c -> unitId.equals(c.unitId())).map(Column::label).findFirst()
                .orElseGet(() -> units.list(org).stream().filter(u -> u.id().equals(unitId)).map(UnitView::name)
                        .findFirst().orElse(words.chart_no_unit()));
        return new Moved(stayed ? words.chart_said_stayed(person.fullName(), unit)
                : words.chart_said_moved(person.fullName(), unit), mayFocus && !drawn);
    }

    /** The move form of one card: its own page without script, a fragment into the card with htmx. */
    @GET
    @Path("/{id}/move")
    public Object moveForm(@PathParam("id") String id, @QueryParam("contactId") String contactId,
                           @QueryParam("level") String level, @QueryParam("owner") String owner,
                           @QueryParam("quiet") String quiet, @QueryParam("unit") String unit,
                           @HeaderParam("HX-Request") String htmx) {
        UUID org = Ids.parse(id, "organization");
        UUID contact = Ids.parse(contactId == null ? "" : contactId.trim(), "contact");
        ContactView person;
        if (htmx != null) {
            // a person now in another organization (a stale chart): the 409 said on the board drawn again, as a
            // refused move is (its message takes the focus), rather than an error page in place of the chart
            Form asked = Form.of(Map.of()).names("contactId");
            Optional<ContactView> found = asked.attempt(() -> contacts.inOrganization(org, contact));
            if (found.isEmpty()) {
                // erased since the chart was drawn: said as that (the walk: the card's Move said the unit was wrong)
                String why = asked.errors().get("contactId");
                if (why == null && asked.refusedAsErased()) {
                    why = Refusals.said(Problems.ERASED);
                }
                return HtmxAnswers.into("#board", asked.drawn(chart(org, level, owner, quiet, unit, "refused", why, null, true)));
            }
            person = found.get();
        } else {
            // the same 409 as an error page that says so (problem+json to a client that does not ask for HTML)
            person = contacts.inOrganization(org, contact);
        }
        List<Option> places = new ArrayList<>();
        places.add(new Option("", PageLanguage.places().chart_no_unit()));
        List<UnitView> unitList = units.list(org);
        Map<UUID, String> names = new java.util.HashMap<>();
        unitList.forEach(u -> names.put(u.id(), u.name()));
        unitList.forEach(u -> places.add(new Option(u.id().toString(),
                u.parentId() == null ? u.name() : names.get(u.parentId()) + " · " + u.name())));
        ChartForm filter = new ChartForm(blank(level), blank(owner), blank(quiet), blank(unit), query(level, owner, quiet),
                null, null, null);
        String currentUnit = person.unitId() == null ? "" : person.unitId().toString();
        // opened on its own (a new tab, no script), the form posts as a plain form: its htmx target, the chart's
        // board, is not on this page, and the move did nothing (the walk)
        return htmx != null ? Templates.move$moveform(org, person, filter, places, currentUnit, true)
                : Templates.move(org, person, filter, places, currentUnit, false);
    }

    private static String blank(String s) {
        return s == null ? "" : s.trim();
    }

    /** Moves a person to another unit (or none) from the chart, and shows the chart again with the same filters. */
    @POST
    @Path("/{id}/move")
    public Object move(@PathParam("id") String id) {
        UUID org = Ids.parse(id, "organization");
        organizations.find(org);
        Form form = Form.posted();
        // a form field, not an address: missing or unreadable, the chart again saying so (a 400), not "Nothing here"
        UUID contact = form.id("contactId");
        form.need("contactId", PageLanguage.msg().form_choose_from_list());
        UUID unit = form.id("unitId");
        // the chart's filters, drawn into the form by the page: not words the organizer wrote
        String level = form.hidden("level");
        String owner = form.hidden("owner");
        String quiet = form.hidden("quiet");
        String shownUnit = form.hidden("unit");
        String q = query(level, owner, quiet);
        String u = shownUnit == null || shownUnit.isBlank() ? ""
                : "&unit=" + URLEncoder.encode(shownUnit.trim(), StandardCharsets.UTF_8);
        // refused: the chart again with its filters, saying why (a person now in another organization by
        // name, the service's 409; else the unit's refusal, in the words the other unit forms say it); another
        // team's organization stays the service's 404
        return form.submit(() -> contacts.moveWithin(org, contact, unit),
                changed -> Form.seeOther("/organizations/" + org + "/chart?moved=" + contact + (changed ? "" : "&stayed=true")
                        + (q.isEmpty() ? "" : "&" + q) + u + "#card-" + contact),
                () -> chart(org, level, owner, quiet, shownUnit, "refused", moveRefusal(form, unit), null, false));
    }

    /**
     * Why a move was refused; a unit chosen from the page and removed since is said as Up and Down say it
     * (the walk: "no unit of the contact's organization with that id", an id the organizer never saw).
     * A removed unit's id is one no other team's unit has either (ids are never reused).
     */
    private String moveRefusal(Form form, UUID unit) {
        String said = form.errors().getOrDefault("contactId", form.errors().get("unitId"));
        // another organization's unit of the team (a crafted form) keeps the words every unit field says it in;
        // an id no unit of the team has (removed, or another team's) is said as removed
        if (!form.errors().containsKey("contactId") && form.errors().containsKey("unitId") && unit != null
                && !units.exists(unit)) {
            return PageLanguage.places().unit_gone();
        }
        return said;
    }

    // ---- organic leaders --------------------------------------------------------------------

    @GET
    @Path("/{id}/leaders")
    public TemplateInstance leaders(@PathParam("id") String id) {
        UUID org = Ids.parse(id, "organization");
        return Templates.leaders(organizations.find(org).view(), wallChart.leaders(org, LEADERS_SHOWN), LEADERS_SHOWN);
    }

    static String query(String level, String owner, String quiet) {
        StringBuilder q = new StringBuilder();
        param(q, "level", level);
        param(q, "owner", owner);
        param(q, "quiet", quiet);
        return q.toString();
    }

    private static void param(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }
}
