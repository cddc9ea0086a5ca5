package org.groundwork.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * The labels of the {@code http_server_*} series stay a fixed set, whatever clients send: each label
 * value is a series kept for the life of the instance, so a value taken from the request would let
 * anyone grow the app's memory and every scrape (docs/operations.md, "Requests: the method and uri
 * labels"). Quarkus's micrometer applies every MeterFilter bean to its registries, before its own cap on
 * uri values, to every request however it was answered: by an endpoint, a route, the router's own
 * refusals, or the HTTP layer before any route ran (a bad escape, a header too large).
 * <p>
 * <b>method</b>: Vert.x takes any token as a method ({@code BREW /contacts} is a 405), and micrometer
 * labelled each with its own name, with no cap at all. A method HTTP does not define is
 * {@value #OTHER_METHOD}.
 * <p>
 * <b>uri</b>: an endpoint's template ({@code /api/v1/contacts/{id}}, set by Quarkus REST when it
 * matches one), or micrometer's own words; anything else was the raw path, the client's choice: a
 * refusal at the door (411, 413, 414), a 405, a client gone before the answer, a 404 or redirect whose
 * path has a doubled slash, each to a path made up. Such a request is {@value #UNMATCHED} (its status
 * says what happened), a file served {@value #STATIC} (its path is the client's too:
 * {@code /webjars/x/../htmx.org/...} is served), a 404 {@code NOT_FOUND}, a redirect {@code REDIRECTION}.
 */
@ApplicationScoped
class RequestLabels {

    static final String OTHER_METHOD = "OTHER";

    static final String UNMATCHED = "/{unmatched}";

    /** A file answered by no endpoint: a webjar's script, a style sheet, an image. */
    static final String STATIC = "/{static}";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");

    /** Micrometer's own uri words (HttpCommonTags), and ours. */
    private static final Set<String> WORDS = Set.of("root", "NOT_FOUND", "REDIRECTION", "UNKNOWN", "/cors-preflight",
            UNMATCHED, STATIC);

    /**
     * The endpoints' templates as the REST layer writes them (single slashes, none at the end, a
     * parameter's pattern kept, {@code {direction:up|down}}), which is the label micrometer gets; read
     * once the REST layer is up. A uri is looked up as it is, never rewritten first: rewriting the
     * client's path made {@code /api//v1/contacts} a template again, and a regular expression run on a
     * path of 256 KB of {@code {a} took minutes of an event loop.
     */
    private volatile Set<String> templates;

    /** Longer than any template: not one, without a look (a path may be 256 KB). */
    private volatile int longest;

    @Produces
    @Singleton
    MeterFilter fixedLabels() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server.")) {
                    return id;
                }
                String method = id.getTag("method");
                String uri = id.getTag("uri");
                String fixedMethod = method == null || METHODS.contains(method) ? method : OTHER_METHOD;
                String fixedUri = uri == null || WORDS.contains(uri) || isTemplate(uri) ? uri
                        : instead(id.getTag("status"), fixedMethod);
                if (fixedMethod == method && fixedUri == uri) {
                    return id;
                }
                Tags tags = Tags.of(id.getTagsAsIterable());
                tags = fixedMethod == null ? tags : tags.and("method", fixedMethod);
                tags = fixedUri == null ? tags : tags.and("uri", fixedUri);
                return id.replaceTags(tags);
            }
        };
    }

    private static String instead(String status, String method) {
        if ("404".equals(status)) {
            return "NOT_FOUND";
        }
        if (status != null && status.length() == 3 && status.charAt(0) == '3') {
            return "REDIRECTION";
        }
        if (status != null && status.length() == 3 && status.charAt(0) == '2'
                && ("GET".equals(method) || "HEAD".equals(method))) {
            return STATIC;
        }
        return UNMATCHED;
    }

    private boolean isTemplate(String uri) {
        Set<String> known = templates;
        if (known == null) {
            known = endpointTemplates();
            if (known == null) {
                return false; // before the REST layer is up: no endpoint answered yet
            }
            longest = known.stream().mapToInt(String::length).max().orElse(0);
            templates = known;
        }
        return uri.length() <= longest && known.contains(uri);
    }

    /** The endpoints' templates from the REST layer's route table (AllowedMethods), or null before it is built. */
    static Set<String> endpointTemplates() {
        try {
            return Set.copyOf(AllowedMethods.templates().keySet());
        } catch (RuntimeException notYet) {
            return null;
        }
    }
}
