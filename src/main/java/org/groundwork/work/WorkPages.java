package org.groundwork.work;

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
import org.groundwork.action.ActionJson.ActionItem;
import org.groundwork.action.ActionService;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.platform.Versioned;
import org.groundwork.web.Form;
import org.groundwork.web.Forms;
import org.groundwork.web.Option;
import org.groundwork.work.WorkJson.NewWork;
import org.groundwork.work.WorkJson.WorkChange;
import org.groundwork.work.WorkJson.WorkView;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Works: what each piece of our work is for (focus, mode, why), and its actions. */
@Path("/works")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WorkPages {

    @Inject
    Patches patches;

    @Inject
    WorkService works;
    @Inject
    ActionService actions;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<WorkView> works, String nextCursor, List<Option> focuses,
                                            List<Option> modes, Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance show(WorkView work, List<ActionItem> actions, List<Option> focuses,
                                            List<Option> modes, Map<String, String> form, Map<String, String> errors,
                                            Map<String, Form.Typed> youTyped);
    }

    @GET
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        return list(cursor, Map.of("mode", "building"), Map.of());
    }

    private TemplateInstance list(String cursor, Map<String, String> form, Map<String, String> errors) {
        Page<WorkView> page = works.list(null, Page.MAX_LIMIT, cursor);
        return Templates.list(page.items(), page.nextCursor(), Forms.options(Focus.class), Forms.options(Mode.class),
                form, errors);
    }

    @POST
    public Object create() {
        Form form = Form.posted();
        NewWork work = new NewWork(form.text("name"), form.word(Focus.class, "focus"), form.word(Mode.class, "mode"),
                form.text("justification"), true);
        return form.checks(work).submit(() -> works.create(work), w -> Form.seeOther("/works/" + w.view().id()),
                () -> list(null, form.values(), form.errors()));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        return stored(works.find(Ids.parse(id, "work")), Map.of());
    }

    /** The work as stored, its form filled from it with the version it was read at. */
    private TemplateInstance stored(Versioned<WorkView> stored, Map<String, String> errors) {
        return show(stored.view(), values(stored), errors, Map.of());
    }

    /** What is stored, as the form shows it. */
    private static Map<String, String> values(Versioned<WorkView> stored) {
        WorkView w = stored.view();
        return Form.asRead(Forms.values("name", w.name(), "focus", w.focus().word(), "mode", w.mode().word(),
                "justification", w.justification(), "active", w.active() ? "true" : null,
                Form.VERSION, Long.toString(stored.version())));
    }

    @POST
    @Path("/{id}")
    public Object change(@PathParam("id") String id) {
        UUID workId = Ids.parse(id, "work");
        Form form = Form.posted();
        WorkChange change = new WorkChange(form.text("name"), form.word(Focus.class, "focus"),
                form.word(Mode.class, "mode"), form.optional("justification"), form.ticked("active"));
        // the version the form was read at goes as If-Match: a save made meanwhile in another tab is
        // shown, not silently undone (the whole form is sent, so the stale one put every field back)
        return form.checks(change)
                // saved meanwhile in another tab: what was typed comes back at the version stored now, with
                // what is saved beside each field that differs (and above, in the work's details)
                .onConflict(() -> values(works.find(workId)))
                .submit(() -> works.change(workId, patches.of(change,
                        form.saves(Set.of("name", "focus", "mode"), Set.of("justification"), "active")), form.version()), "/works/" + workId,
                () -> show(works.require(workId), form.values(), form.errors(), form.youTyped()));
    }

    private TemplateInstance show(WorkView w, Map<String, String> form, Map<String, String> errors,
                                  Map<String, Form.Typed> youTyped) {
        List<ActionItem> its = actions.list(w.id(), Page.MAX_LIMIT, null).items();
        return Templates.show(w, its, Forms.options(Focus.class), Forms.options(Mode.class), form, errors, youTyped);
    }
}
