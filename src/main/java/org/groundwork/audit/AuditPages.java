package org.groundwork.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.audit.AuditJson.AuditView;
import org.groundwork.audit.AuditJson.Filter;
import org.groundwork.organizer.OrganizerChoices;
import org.groundwork.platform.Page;
import org.groundwork.web.FilterBoxes;
import org.groundwork.web.Form;
import org.groundwork.web.Forms;
import org.groundwork.web.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit trail for the team's admins: the same service and filters as GET /api/v1/audit. */
@Path("/audit")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    @Inject
    Audit audit;
    @Inject
    OrganizerChoices organizerChoices;

    /**
     * One line of the table: the event; the name of who did it and of the organizer it is about,
     * if it is about one (read now by the list's own query, never stored); its fields as the page's
     * language labels them.
     */
    public record Row(AuditView event, String who, String about, List<String> fields) {

        static Row of(Audit.Line line) {
            AuditView e = line.event();
            return new Row(e, line.organizerName(), line.entityOrganizerName(),
                    AuditFieldLabels.labels(e.entityType(), e.fields()));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Filter filter, String query, List<Row> rows, String nextCursor,
                                             List<Option> organizers, List<Option> kinds, Map<String, String> errors);
    }

    @GET
    @FilterBoxes({"organizer", "contact", "kind", "from", "to"})
    public Object audit(@QueryParam("organizer") String organizer, @QueryParam("contact") String contact,
                                  @QueryParam("kind") String kind, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("cursor") String cursor) {
        Filter filter = new Filter(organizer, contact, kind, from, to);
        List<Option> who = organizerChoices.everyone();
        // a filter the service refuses is said on its field, with no rows
        Form search = Form.filters(Map.of()).names("organizer", "contact", "kind", "from", "to");
        Optional<Page<Audit.Line>> page = search.attempt(() -> audit.list(filter.parse(), Page.DEFAULT_LIMIT, cursor));
        List<Row> rows = page.map(p -> p.items().stream().map(Row::of).toList()).orElse(List.of());
        String next = page.map(Page::nextCursor).orElse(null);
        return search.drawn(Templates.audit(filter, query(filter), rows, next, who, Forms.options(AuditKind.class),
                search.errors()));
    }

    /** The filters as a query string, for the next page. */
    static String query(Filter filter) {
        StringBuilder query = new StringBuilder();
        param(query, "organizer", filter.organizer());
        param(query, "contact", filter.contact());
        param(query, "kind", filter.kind());
        param(query, "from", filter.from());
        param(query, "to", filter.to());
        return query.toString();
    }

    private static void param(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }
}
