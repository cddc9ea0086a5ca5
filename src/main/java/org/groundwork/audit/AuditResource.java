package org.groundwork.audit;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.audit.AuditJson.AuditView;
import org.groundwork.audit.AuditJson.Filter;
import org.groundwork.platform.Page;

/** The team's audit trail, for its admins: filter by organizer, contact, kind and period. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AuditResource {

    @Inject
    Audit audit;

    @Operation(summary = "List the audit trail",
            description = "The team's audit events, newest first, filtered by organizer, contact, kind and dates; admins only. Events hold no names, emails, phones or words.")
    @GET
    public Page<AuditView> list(@QueryParam("organizer") String organizer, @QueryParam("contact") String contact,
                                @QueryParam("kind") String kind, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        return audit.list(new Filter(organizer, contact, kind, from, to).parse(), Page.limit(limit), cursor)
                .map(Audit.Line::event);
    }
}
