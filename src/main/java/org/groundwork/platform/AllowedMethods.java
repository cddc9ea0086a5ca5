package org.groundwork.platform;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The methods a path takes, read from the REST layer's own route table with its own matching, so
 * the answer is what the router would do: the {@code Allow} of every 405 (ProblemMapper) and of
 * OPTIONS (here). quarkus-rest's 405 carried no Allow (RFC 9110 15.5.6 says it must), and its
 * OPTIONS listed every method of the resource class, whatever its path: {@code PATCH, DELETE} on
 * {@code /api/v1/contacts}, which only {@code /api/v1/contacts/{id}} takes.
 */
public class AllowedMethods {

    /** How Allow lists them: reads first, then writes, OPTIONS last. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static volatile RequestMapper<RestInitialHandler.InitialMatch> classes;

    /**
     * OPTIONS on a path some operation takes: 200 with its methods. A path none takes is a 404, as any
     * other method's is (the router answered it with the methods of a class whose path is a prefix).
     */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> options(ResteasyReactiveContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod())) {
            return Optional.empty();
        }
        Set<String> allowed = ofThisRequest();
        if (allowed.isEmpty()) {
            throw new NotFoundException();
        }
        return Optional.of(Response.ok().header("Allow", header(allowed)).build());
    }

    /** The Allow header's value: the methods as {@link #of} orders them ("GET, HEAD, OPTIONS"). */
    public static String header(Set<String> methods) {
        return String.join(", ", methods);
    }

    /**
     * The methods the current request's path takes, the path as the router maps it: not percent-decoded,
     * so {@code /api%2Fv1%2Fcontacts} is one segment that nothing takes, as the router finds, not the
     * contacts' path {@code UriInfo.getPath()} would decode it to.
     */
    public static Set<String> ofThisRequest() {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        return current == null ? Set.of() : of(current.getPathWithoutPrefix());
    }

    /**
     * The methods {@code path} (as the router maps it: not percent-decoded) takes: those of every resource
     * class whose path matches, in the order the router tries them; HEAD where GET is (the REST layer
     * answers it); OPTIONS (this class answers it); POST on the login form's post location, which
     * form login takes before any resource. Empty for a path no operation takes.
     */
    public static Set<String> of(String path) {
        Set<String> methods = new TreeSet<>((a, b) -> Integer.compare(rank(a), rank(b)) != 0
                ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        RequestMapper<RestInitialHandler.InitialMatch> mapper = classes();
        if (mapper != null && path != null) {
            for (RequestMapper.RequestMatch<RestInitialHandler.InitialMatch> match = mapper.map(path); match != null;
                 match = mapper.continueMatching(path, match)) {
                String remaining = match.remaining == null || match.remaining.isEmpty() ? "/" : match.remaining;
                for (var handler : match.value.handlers) {
                    if (handler instanceof ClassRoutingHandler routing) {
                        for (Map.Entry<String, RequestMapper<RuntimeResource>> m : routing.getMappers().entrySet()) {
                            if (m.getKey() != null && m.getValue().map(remaining) != null) {
                                methods.add(m.getKey());
                            }
                        }
                    }
                }
            }
        }
        if (path != null && path.equals(LoginPost.PATH)) {
            methods.add("POST");
        }
        if (methods.isEmpty()) {
            return methods;
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return methods;
    }

    /** Every path template of the REST layer with the methods it takes, for the tests that walk them. */
    public static Map<String, Set<String>> templates() {
        Map<String, Set<String>> all = new java.util.TreeMap<>();
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        for (var path : deployment.getClassMappers()) {
            for (var handler : path.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    for (Map.Entry<String, RequestMapper<RuntimeResource>> m : routing.getMappers().entrySet()) {
                        for (var method : m.getValue().getTemplates()) {
                            String template = (path.template.template + "/" + method.template.template)
                                    .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                            if (m.getKey() != null) {
                                all.computeIfAbsent(template, t -> new TreeSet<>()).add(m.getKey());
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    private static int rank(String method) {
        int i = ORDER.indexOf(method);
        return i < 0 ? ORDER.size() : i;
    }

    /** The router's class table, read once it is there (the REST layer builds it at start). */
    private static RequestMapper<RestInitialHandler.InitialMatch> classes() {
        RequestMapper<RestInitialHandler.InitialMatch> mapper = classes;
        if (mapper == null) {
            Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
            if (deployment == null) {
                return null;
            }
            mapper = new RequestMapper<>(deployment.getClassMappers());
            classes = mapper;
        }
        return mapper;
    }

    /** Where form login takes its post (quarkus.http.auth.form.post-location), outside the REST layer. */
    private static final class LoginPost {
        static final String PATH = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.auth.form.post-location", String.class).orElse("/j_security_check");
    }
}
