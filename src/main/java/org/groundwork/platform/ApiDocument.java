package org.groundwork.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns what the scanner finds into the API document clients generate
 * from (docs/api.md). It keeps only /api/ paths (pages and /q/ are not the API), names each
 * operation and tags it by its feature (the resource's package), declares the problem+json
 * answers every operation can give, applies the bearer scheme (or none, on the anonymous
 * operations), and drops schemas nothing refers to any more. A new resource gets all of this
 * without a line of its own; it only needs {@code @Operation(summary, description)} on each
 * method, and a line in {@link #FEATURES} for a new package.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocument implements OASFilter {

    /** Marks an operation whose 200/201 answer carries the row's version as ETag (read and removed here). */
    public static final String ETAG = "x-groundwork-etag";

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    /** Tag per feature package: its name in the document and what it holds. */
    static final Map<String, String[]> FEATURES = new LinkedHashMap<>();

    static {
        feature("organizer", "accounts", "Setting up the instance, teams, organizers, personal API tokens and login sessions.");
        feature("contact", "contacts", "People in and around the base: their engagement level and its history, and their timeline.");
        feature("conversation", "conversations", "One-to-one conversations with contacts, with an optional next step.");
        feature("followup", "follow-ups", "What organizers owe contacts, and each organizer's queue of who to talk to next.");
        feature("action", "actions", "Collective actions and meetings, and who attended (first-timers open after-action follow-ups).");
        feature("work", "works", "Pieces of work (campaigns, projects): what each is for, to compare with where the time went.");
        feature("organization", "organizations", "Workplaces, unions, buildings and associations that contacts belong to.");
        feature("report", "reports", "Who the work puts organizers with, and how contacts moved between levels.");
        feature("importexport", "import and export", "Contacts in and out as CSV files.");
        feature("archive", "archive", "A team's whole data as one archive, to keep or to move to another instance, and its restore.");
        feature("audit", "audit", "The team's audit trail, for admins: who did what and when, without personal values.");
    }

    private static void feature(String pkg, String tag, String description) {
        FEATURES.put(pkg, new String[]{tag, description});
    }

    /** What smallrye names an operation with the PACKAGE_CLASS_METHOD strategy (application.properties). */
    private static final Pattern SCANNED_ID = Pattern.compile("org\\.groundwork\\.(\\w+)\\.(\\w+?)(?:Resource)?_(\\w+)");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (String path : List.copyOf(api.getPaths().getPathItems().keySet())) {
                if (!path.startsWith("/api/")) {
                    api.getPaths().removePathItem(path);
                }
            }
        }
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        Map<String, String> tagDescriptions = new TreeMap<>();
        Set<String> etagPaths = new HashSet<>();
        forEachOperation(api, (path, method, op) -> {
            if (removeEtagMarker(op)) {
                etagPaths.add(path + " " + method);
            }
            // the scanner copies a method's extensions onto what it adds from the method's other
            // annotations too (the Idempotency-Key header, an @APIResponse): the marker is ours, not the API's
            if (op.getParameters() != null) {
                op.getParameters().forEach(ApiDocument::removeEtagMarker);
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(ApiDocument::removeEtagMarker);
            }
        });
        forEachOperation(api, (path, method, op) -> {
            name(op, path, tagDescriptions);
            if (op.getDescription() == null || op.getDescription().isBlank()) {
                op.setDescription(op.getSummary());
            }
            secure(op);
            answers(op, path, method, etagPaths.contains(path + " " + method));
            sortResponses(op);
        });
        if (api.getServers() == null || api.getServers().isEmpty()) {
            api.addServer(OASFactory.createServer().url("http://localhost:8080")
                    .description("An instance started as the README says; a script uses its own instance's address"));
        }
        List<Tag> tags = new ArrayList<>();
        tagDescriptions.forEach((name, description) -> tags.add(OASFactory.createTag().name(name).description(description)));
        api.setTags(tags);

        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("gw_ personal API token")
                .description("A personal API token (POST /api/v1/tokens, or the Settings page), sent as "
                        + "'Authorization: Bearer <token>'. A logged-in browser session works too."));
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One invalid field of a request: its JSON name and what is wrong with it.")
                .addProperty("field", string("The field's JSON name; nested fields as a.b, list items as [0].a"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every error the API answers.")
                .addProperty("type", string("A URI naming the kind of problem; about:blank when the status says it all")
                        .format("uri-reference"))
                .addProperty("title", string("The status in words, e.g. Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong with this request, for a person to read"))
                .addProperty("instance", string("A URI naming this occurrence (not sent at present)")
                        .format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("The invalid fields, on a 400 about the request's fields")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .required(List.of("type", "title", "status")));
        pruneUnusedSchemas(api);
    }

    /** operationId and tag from the resource's class and package: ContactResource.create in contact gives contactCreate, tag contacts. */
    private static void name(Operation op, String path, Map<String, String> tagDescriptions) {
        String tag;
        String description;
        Matcher scanned = op.getOperationId() == null ? null : SCANNED_ID.matcher(op.getOperationId());
        if (scanned != null && scanned.matches()) {
            String pkg = scanned.group(1);
            String feature = lowerFirst(scanned.group(2));
            String method = scanned.group(3);
            op.setOperationId(method.toLowerCase().contains(feature.toLowerCase()) ? method : feature + upperFirst(method));
            String[] known = FEATURES.get(pkg);
            tag = known != null ? known[0] : pkg;
            description = known != null ? known[1] : "The " + pkg + " feature (" + path + ").";
        } else {
            // an operationId written by hand: tag it by its first path segment after /api/v1
            String[] segments = path.split("/");
            tag = segments.length > 3 ? segments[3] : "api";
            description = "Operations under /api/v1/" + tag + ".";
        }
        op.setTags(List.of(tag));
        tagDescriptions.putIfAbsent(tag, description);
    }

    /** Operations the scanner found no security on are anonymous (setup, token creation): said so with security: []. */
    private static void secure(Operation op) {
        if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
            op.setSecurity(new ArrayList<>());
            return;
        }
        SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(BEARER);
        op.setSecurity(new ArrayList<>(List.of(bearer)));
        problem(op, "401", "No, an unknown or a revoked token (or session)")
                .addHeader("WWW-Authenticate", header(ProblemMapper.API_CHALLENGE));
        problem(op, "403", "Your role does not allow this");
    }

    private static void answers(Operation op, String path, PathItem.HttpMethod method, boolean etag) {
        // a malformed path id answers 404, like an unknown one; a body, a query or a key can be invalid, and every
        // operation refuses a query parameter it does not read, or a body it does not read (a DELETE's): a 400
        // too, which operations without input had not declared (a walk)
        problem(op, "400", "Invalid input: the problem's errors name each field (also a query parameter or a body "
                + "the operation does not read)");
        if (path.contains("{")) {
            problem(op, "404", "No such id in your team (another team's ids answer the same)");
        }
        List<String> gone = new ArrayList<>();
        if (path.startsWith("/api/v1/contacts/{")) {
            gone.add("This contact was erased: their data is gone for good");
        }
        // a key's first answer that named a contact erased since (IdempotencyKeys.forget): every keyed operation's
        // answer names one but a new action's, which has no one on its list yet
        if (hasHeader(op, Idempotent.HEADER) && !path.equals("/api/v1/actions")) {
            gone.add("What an earlier request with this Idempotency-Key made was erased since, with the person it "
                    + "named; nothing was done again");
        }
        if (!gone.isEmpty()) {
            problem(op, "410", String.join("; or: ", gone));
        }
        if (hasHeader(op, "If-Match")) {
            problem(op, "412", unversioned(op) ? "If-Match names a version, and this has none"
                    : "If-Match does not name the current ETag: someone changed it since you read it");
        }
        if (hasHeader(op, Idempotent.HEADER)) {
            problem(op, "422", "This Idempotency-Key was used for another request");
        }
        if (method != PathItem.HttpMethod.GET) {
            // a unique name taken, a rule of the team's data, or someone else's write at the same moment
            problem(op, "409", "Conflicts with data already stored, or with a change made at the same moment");
        }
        if (op.getRequestBody() != null) {
            problem(op, "415", "The body is not in a media type this operation reads");
        }
        problem(op, "503", "The database is not reachable; try again after Retry-After seconds")
                .addHeader("Retry-After", header("Seconds to wait before trying again"));
        for (var entry : op.getResponses().getAPIResponses().entrySet()) {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (code.equals("429")) {
                response.addHeader("Retry-After", header("Seconds to wait before trying again"));
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                // declared by hand (409, 429, ...) with a description: the body is a problem all the same
                response.setContent(problemContent());
            }
            if (code.equals("201")) {
                // a tie, a level change or a new team has no address of its own to read (the API review)
                response.addHeader("Location", header("Where to find what was created: its own URL; for a token, "
                        + "where to revoke it; for a tie, a level change and the setup, the list, timeline or account "
                        + "that shows it; for a new team or a restored one, its first admin, readable once logged in to that team"));
            }
            if (code.equals("202")) {
                // a large import runs in the background: the job to follow (a walk: sent, but not declared)
                response.addHeader("Location", header("Where to follow the work accepted: the job's own URL"));
            }
            if (etag && (code.equals("200") || code.equals("201"))) {
                response.addHeader("ETag", header("The version of what is answered; send it back as If-Match to change it"));
            }
        }
    }

    /** An operation whose If-Match takes only * ({@link ETags#unversioned}): its parameter says so. */
    private static boolean unversioned(Operation op) {
        return op.getParameters() != null && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && "If-Match".equalsIgnoreCase(p.getName()) && ETags.UNVERSIONED.equals(p.getDescription()));
    }

    /** Removes ETAG from an operation, parameter or answer; whether it was there. */
    private static boolean removeEtagMarker(Extensible<?> element) {
        if (element.getExtensions() == null || !element.getExtensions().containsKey(ETAG)) {
            return false;
        }
        element.removeExtension(ETAG);
        return true;
    }

    /** 2xx first, then the problems by code, as a reader looks for them. */
    private static void sortResponses(Operation op) {
        Map<String, APIResponse> sorted = new TreeMap<>(op.getResponses().getAPIResponses());
        for (String code : sorted.keySet()) {
            op.getResponses().removeAPIResponse(code);
        }
        sorted.forEach(op.getResponses()::addAPIResponse);
    }

    private static APIResponse problem(Operation op, String code, String description) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = op.getResponses().getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            op.getResponses().addAPIResponse(code, response);
        } else if (response.getDescription() == null || isScannerWording(response.getDescription())) {
            response.setDescription(description);
        }
        response.setContent(problemContent());
        return response;
    }

    /** The scanner's generic wording, replaced by ours; a description written on an @APIResponse is kept. */
    private static boolean isScannerWording(String description) {
        return Set.of("Bad Request", "Not Authorized", "Not Allowed").contains(description);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static boolean hasHeader(Operation op, String name) {
        if (op.getParameters() == null) {
            return false;
        }
        for (Parameter p : op.getParameters()) {
            if (p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName())) {
                return true;
            }
        }
        return false;
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    /** Page resources' forms and the like stay in components once their paths are gone: keep only what is referred to. */
    private static void pruneUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        Deque<Object> pending = new ArrayDeque<>();
        forEachOperation(api, (path, method, op) -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> pending.add(p.getSchema() == null ? List.of() : p.getSchema()));
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                pending.add(mediaSchemas(op.getRequestBody().getContent()));
            }
            if (op.getResponses() != null) {
                for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                    if (r.getContent() != null) {
                        pending.add(mediaSchemas(r.getContent()));
                    }
                    if (r.getHeaders() != null) {
                        r.getHeaders().values().forEach(h -> pending.add(h.getSchema() == null ? List.of() : h.getSchema()));
                    }
                }
            }
        });
        while (!pending.isEmpty()) {
            Object next = pending.poll();
            if (next instanceof Schema s) {
                if (s.getRef() != null) {
                    String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
                    if (used.add(name) && schemas.containsKey(name)) {
                        pending.add(schemas.get(name));
                    }
                }
                pending.addAll(s.getAll().values());
            } else if (next instanceof Map<?, ?> map) {
                pending.addAll(map.values());
            } else if (next instanceof Collection<?> list) {
                pending.addAll(list);
            }
        }
        for (String name : List.copyOf(schemas.keySet())) {
            if (!used.contains(name)) {
                api.getComponents().removeSchema(name);
            }
        }
    }

    private static List<Schema> mediaSchemas(Content content) {
        List<Schema> found = new ArrayList<>();
        if (content.getMediaTypes() != null) {
            for (MediaType m : content.getMediaTypes().values()) {
                if (m.getSchema() != null) {
                    found.add(m.getSchema());
                }
            }
        }
        return found;
    }

    interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation op);
    }

    private static void forEachOperation(OpenAPI api, OperationVisitor visitor) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().forEach((method, op) -> visitor.visit(path, method, op));
            }
        });
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
