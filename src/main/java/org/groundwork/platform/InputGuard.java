package org.groundwork.platform;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.groundwork.web.FilterBoxes;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NUL character refused at the door for what does not come as JSON ({@link SafeJson}
 * covers bodies): path segments and query parameters on every endpoint and page, and form
 * fields posted to the API; a query parameter given twice, on the API and on pages alike; an API
 * query parameter its method does not read. One check here instead of one per parameter; the
 * answer is a 400 naming the parameter. A page's form fields are left to the page forms' binder
 * ({@code web/Form}), which says it on the field and draws the form again with what was typed; so
 * is a box of a page's filter form given twice in the address ({@link FilterBoxes}).
 */
public class InputGuard {

    @ServerRequestFilter(readBody = true)
    public void refuseNul(ResteasyReactiveContainerRequestContext context, UriInfo uri, HttpServerRequest request,
                          ResourceInfo resource) {
        if (SafeJson.hasNul(uri.getPath())) {
            throw Problems.badRequest("The path contains a NUL character (\\u0000)");
        }
        check(uri.getQueryParameters());
        boolean api = request.path().startsWith("/api/");
        if (api) {
            refuseUnknown(request.query(), resource);
            // an empty If-Match reaches a resource's parameter as none at all, which checks nothing: refused here
            if (!"GET".equals(request.method().name()) && !"HEAD".equals(request.method().name())) {
                ETags.refuseEmpty(request.getHeader("If-Match"));
            }
        }
        java.util.Set<String> twice = givenOnce(uri.getQueryParameters(), api ? API_LISTS : PAGE_LISTS,
                api ? java.util.Set.of() : boxes(resource));
        if (!twice.isEmpty()) {
            context.setProperty(BOXES_GIVEN_TWICE, twice);
        }
        if (isForm(request) && request.path().startsWith("/api/")) {
            for (Map.Entry<String, String> field : request.formAttributes()) {
                refuse(field.getKey(), field.getValue(), false);
            }
            if (context.getServerRequestContext() instanceof ResteasyReactiveRequestContext rr
                    && rr.getFormData() != null) {
                FormData form = rr.getFormData();
                for (String name : form) {
                    for (FormValue value : form.get(name)) {
                        if (!value.isFileItem()) {
                            refuse(name, value.getValue(), false);
                        }
                    }
                }
            }
        }
    }

    private static boolean isForm(HttpServerRequest request) {
        return isForm(request.getHeader("Content-Type"));
    }

    /** A form's body, url-encoded or multipart (the one reading of it: HttpLimits asks it too). */
    public static boolean isForm(String type) {
        return typed(type).startsWith("application/x-www-form-urlencoded") || isMultipart(type);
    }

    /** A multipart form's body: its files are written to disk as they arrive. */
    private static boolean isMultipart(String type) {
        return typed(type).startsWith("multipart/form-data");
    }

    private static String typed(String type) {
        return type == null ? "" : type.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                refuse(p.getKey(), value, true);
            }
        }
    }

    /** A parameter or a page's field given twice: the API's words, which a page says in its language. */
    public static final String GIVEN_TWICE = "appears more than once; send only one";

    /** The API's one parameter that is a list: the import's column mapping, given once per column. */
    private static final java.util.Set<String> API_LISTS = java.util.Set.of("map");

    /** The pages' one: the import review's {@code column}, one select per column of the file. */
    private static final java.util.Set<String> PAGE_LISTS = java.util.Set.of("column");

    /**
     * The request's property that holds the filter boxes given twice that this filter left to the page
     * ({@link FilterBoxes}): its binder ({@code web/Form#filters}) says each beside its box.
     */
    public static final String BOXES_GIVEN_TWICE = "groundwork.boxesGivenTwice";

    /**
     * A parameter given twice was read as its first value: on the API {@code dryRun=false&dryRun=true}
     * imported for real, {@code level=new&level=cadre} listed the new only; a page's filter did the
     * same ({@code /contacts?level=new&level=cadre}, {@code /reports/time?period=7&period=90}). Said
     * instead, as a field given twice in a JSON body or a posted page form is: the API's problem+json,
     * a page's 400 (ProblemMapper's page, in the page's language); but a box of a page's filter form
     * ({@link FilterBoxes}) is left to the page, which says it beside the box: those are answered.
     */
    private static java.util.Set<String> givenOnce(MultivaluedMap<String, String> parameters,
                                                   java.util.Set<String> lists, java.util.Set<String> boxes) {
        java.util.Set<String> leftToThePage = new java.util.TreeSet<>();
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (p.getValue().size() > 1 && !lists.contains(p.getKey())) {
                if (!boxes.contains(p.getKey())) {
                    throw Problems.invalid(p.getKey(), GIVEN_TWICE);
                }
                leftToThePage.add(p.getKey());
            }
        }
        return leftToThePage;
    }

    /** Each page method's filter boxes, read once: the annotation does not change, and every page request asks. */
    private static final Map<java.lang.reflect.Method, java.util.Set<String>> BOXES = new ConcurrentHashMap<>();

    /** The filter boxes of the page that takes the request ({@link FilterBoxes}); none for any other. */
    private static java.util.Set<String> boxes(ResourceInfo resource) {
        java.lang.reflect.Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? java.util.Set.of() : BOXES.computeIfAbsent(method, m -> {
            FilterBoxes boxes = m.getAnnotation(FilterBoxes.class);
            return boxes == null ? java.util.Set.of() : java.util.Set.of(boxes.value());
        });
    }

    /** A query parameter's NUL is said without "stored" (nothing is stored from it); an API form field's with it. */
    private static void refuse(String name, String value, boolean query) {
        if (SafeJson.hasNul(name)) {
            throw Problems.badRequest("A parameter name contains a NUL character (\\u0000)");
        }
        if (SafeJson.hasNul(value)) {
            throw query ? Problems.invalid(name, SafeJson.NUL_IN_QUERY_MESSAGE) : Problems.invalid(name, SafeJson.NUL_MESSAGE);
        }
    }

    /**
     * An API request's query parameter its method does not read: refused, as a body's field the request does not
     * have is. It was ignored: {@code GET /contacts?levle=cadre} (a slip) or {@code ?unit=} (a filter the list does
     * not have) listed every contact as if filtered (the probe). Pages leave theirs alone: a link pasted with
     * something after it still opens.
     */
    private static void refuseUnknown(String query, ResourceInfo resource) {
        java.lang.reflect.Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || query == null || query.isEmpty()) {
            return;
        }
        java.util.Set<String> known = QUERY_PARAMETERS.computeIfAbsent(method, InputGuard::queryParameters);
        // the names as sent: the request's parameters fold case (Vert.x), so "MAP" was read as "map" by the method
        // and refused alone (the probe); a name is one of the method's exactly, or none
        java.util.Set<String> sent;
        try {
            sent = new java.util.TreeSet<>(
                    io.netty.handler.codec.http.QueryStringDecoder.builder().hasPath(false).build(query).parameters().keySet());
        } catch (IllegalArgumentException e) {
            // a broken escape ("%zz", a "%" at the end): the decoder's refusal, a 500 if left to it (the review)
            throw Problems.badRequest("The address's query is not readable: a % must begin an escape such as %20");
        }
        for (String name : sent) {
            // "_" is the cache-breaker some HTTP clients add by themselves (jQuery's cache: false): no filter's name
            if (!known.contains(name) && !name.equals("_")) {
                throw Problems.invalid(name, known.isEmpty() ? NO_PARAMETERS
                        : NOT_A_PARAMETER + String.join(", ", known));
            }
        }
    }

    /** The words for a query parameter the request does not have, then the ones it has. */
    static final String NOT_A_PARAMETER = "is not a query parameter of this request; it takes: ";

    /** The words for a query parameter sent to a request that takes none. */
    static final String NO_PARAMETERS = "is not a query parameter of this request, which takes none";

    /** Each API method's query parameters, read once from its annotations. */
    private static final Map<java.lang.reflect.Method, java.util.Set<String>> QUERY_PARAMETERS = new ConcurrentHashMap<>();

    private static java.util.Set<String> queryParameters(java.lang.reflect.Method method) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (java.lang.annotation.Annotation[] annotations : method.getParameterAnnotations()) {
            for (java.lang.annotation.Annotation a : annotations) {
                if (a instanceof jakarta.ws.rs.QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    /** The words for a DELETE that came with a body it does not read. */
    static final String UNREAD_BODY = "This DELETE reads no body, and nothing was deleted: send what the body said as the"
            + " address's query parameters (a unit's moveTo), or send no body";

    /**
     * An API DELETE whose method reads no body, sent with one: refused, nothing deleted. Such a body was ignored:
     * {@code {"moveTo": …}} in a unit's DELETE left its people in no unit, {@code {"really": false}} erased a
     * contact (the probe). A DELETE that reads one (a tie by its other person and kind) takes it as before.
     */
    @ServerRequestFilter
    public void refuseUnreadBody(HttpServerRequest request, ResourceInfo resource) {
        if (request.method() != io.vertx.core.http.HttpMethod.DELETE || !request.path().startsWith("/api/")) {
            return;
        }
        String length = request.getHeader("Content-Length");
        boolean body = request.getHeader("Transfer-Encoding") != null
                || (length != null && !length.isBlank() && !length.trim().equals("0"));
        java.lang.reflect.Method method = resource == null ? null : resource.getResourceMethod();
        if (body && method != null && !READS_BODY.computeIfAbsent(method, InputGuard::readsBody)) {
            throw Problems.badRequest(UNREAD_BODY);
        }
    }

    /** Each DELETE method's answer to "does it read a body", read once. */
    private static final Map<java.lang.reflect.Method, Boolean> READS_BODY = new ConcurrentHashMap<>();

    /**
     * A method reads the body when one of its parameters says no other source (path, query, header, context:
     * JAX-RS's and RESTEasy's annotations): JAX-RS's entity parameter, with or without {@code @Valid}.
     */
    private static boolean readsBody(java.lang.reflect.Method method) {
        for (java.lang.annotation.Annotation[] annotations : method.getParameterAnnotations()) {
            boolean elsewhere = false;
            for (java.lang.annotation.Annotation a : annotations) {
                String from = a.annotationType().getPackageName();
                elsewhere |= from.equals("jakarta.ws.rs") || from.equals("jakarta.ws.rs.core")
                        || from.startsWith("org.jboss.resteasy.reactive");
            }
            if (!elsewhere) {
                return true;
            }
        }
        return false;
    }
}
