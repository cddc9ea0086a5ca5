package org.groundwork.importexport;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.platform.HttpLimits;
import org.groundwork.platform.Problem;

/**
 * Refuses an import whose declared size is over the limit before a byte of it is read, with a
 * 413 problem (HttpLimits' refusal: the body is dropped as it comes, never kept, and the connection
 * closed once it has come or stopped coming, so the client reads the answer). It
 * runs before Quarkus's own body-size check (route order -2), which would
 * answer without a body; bodies sent without a length are stopped by the importer itself.
 */
@ApplicationScoped
class ImportSizeLimit {

    @ConfigProperty(name = "groundwork.import.max-bytes", defaultValue = "52428800")
    long maxBytes;
    @Inject
    HttpLimits limits;

    void install(@Observes Router router) {
        Problem problem = CsvInput.tooLarge(maxBytes).toProblem();
        router.post("/api/v1/imports/contacts").order(-3).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.trim().matches("\\d{1,18}") && Long.parseLong(length.trim()) > maxBytes) {
                limits.refuse(ctx, problem);
            } else {
                ctx.next();
            }
        });
    }
}
