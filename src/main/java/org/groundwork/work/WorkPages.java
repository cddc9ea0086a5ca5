package org.groundwork.work;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.action.ActionJson.ActionItem;
import org.groundwork.action.ActionService;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.platform.ProblemException;
import org.groundwork.web.FormErrors;
import org.groundwork.web.Forms;
import org.groundwork.web.Option;
import org.groundwork.work.WorkJson.NewWork;
import org.groundwork.work.WorkJson.WorkChange;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
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

    static final Map<String, String> FIELDS = FormErrors.names("name", "focus", "mode", "justification", "active");

    @Inject
    WorkService works;
    @Inject
    ActionService actions;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Work> works, String nextCursor, List<Option> focuses,
                                            List<Option> modes, Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance show(Work work, List<ActionItem> actions, List<Option> focuses,
                                            List<Option> modes, Map<String, String> form, Map<String, String> errors);
    }

    @GET
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        return list(cursor, Map.of("mode", "building"), Map.of());
    }

    private TemplateInstance list(String cursor, Map<String, String> form, Map<String, String> errors) {
        Page<Work> page = works.list(null, Page.MAX_LIMIT, cursor);
        return Templates.list(page.items(), page.nextCursor(), Forms.options(Focus.class), Forms.options(Mode.class),
                form, errors);
    }

    @POST
    public Object create(@RestForm String name, @RestForm String focus, @RestForm String mode,
                         @RestForm String justification) {
        Map<String, String> form = form(name, focus, mode, justification, null);
        FormErrors errors = new FormErrors();
        Focus f = Forms.word(Focus.class, focus, "focus", errors);
        Mode m = Forms.word(Mode.class, mode, "mode", errors);
        if (!errors.isEmpty()) {
            return list(null, form, errors.map());
        }
        try {
            Work w = works.create(new NewWork(name, f, m, justification, true));
            return Response.seeOther(URI.create("/works/" + w.id)).build();
        } catch (ProblemException | ConstraintViolationException e) {
            return list(null, form, FormErrors.of(e, FIELDS).map());
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        Work w = works.require(Ids.parse(id, "work"));
        return show(w, form(w.name, w.focus.word(), w.mode.word(), w.justification, w.active ? "true" : null), Map.of());
    }

    @POST
    @Path("/{id}")
    public Object change(@PathParam("id") String id, @RestForm String name, @RestForm String focus,
                         @RestForm String mode, @RestForm String justification, @RestForm String active) {
        UUID workId = Ids.parse(id, "work");
        Map<String, String> form = form(name, focus, mode, justification, active);
        FormErrors errors = new FormErrors();
        Focus f = Forms.word(Focus.class, focus, "focus", errors);
        Mode m = Forms.word(Mode.class, mode, "mode", errors);
        if (!errors.isEmpty()) {
            return show(works.require(workId), form, errors.map());
        }
        try {
            works.change(workId, patches.of(new WorkChange(name, f, m, Forms.blankToNull(justification), active != null),
                    Set.of("name", "focus", "mode", "justification", "active")), null);
            return Response.seeOther(URI.create("/works/" + workId)).build();
        } catch (ProblemException | ConstraintViolationException e) {
            if (e instanceof ProblemException p && p.status() == 404) {
                throw p;
            }
            return show(works.require(workId), form, FormErrors.of(e, FIELDS).map());
        }
    }

    private TemplateInstance show(Work w, Map<String, String> form, Map<String, String> errors) {
        List<ActionItem> its = actions.list(w.id.toString(), Page.MAX_LIMIT, null).items();
        return Templates.show(w, its, Forms.options(Focus.class), Forms.options(Mode.class), form, errors);
    }

    private static Map<String, String> form(String name, String focus, String mode, String justification, String active) {
        Map<String, String> form = Forms.values("name", name,
                "focus", focus,
                "mode", mode,
                "justification", justification,
                "active", active);
        return form;
    }
}
