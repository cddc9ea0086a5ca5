package org.groundwork.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Idempotency-Key, in one place for every {@link Idempotent} resource method: the API's door to
 * {@link IdempotencyKeys#once} (the pages' create forms are the other, through web/Form). With the
 * header, the method runs in a transaction that first claims the key (organizer, team, key) and ends by
 * storing the answer, so the write and its answer commit together: a retry with the same key
 * and request gets the stored answer and writes nothing; a concurrent retry waits on the key's
 * row and then gets it too; the same key with another request is a 422. A failed request
 * stores nothing (its transaction rolls back, the claim with it), so it can be retried.
 */
@Idempotent
@Interceptor
// before @Transactional (PLATFORM_BEFORE + 200): the services join the transaction begun here
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = Idempotent.HEADER;
    static final String ERASED_SINCE = "What a request with this Idempotency-Key made was erased since, with the person it named; nothing was done again. Use a new key for a new request";
    /** Set on an answer that is a replay of the stored one. */
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_LENGTH = 200;

    @Inject
    HttpServerRequest request;
    @Inject
    SecurityIdentity identity;
    @Inject
    IdempotencyKeys keys;
    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null || identity.isAnonymous()) {
            return ctx.proceed();
        }
        // two key lines were read as the first, silently: a retry sending the second wrote the request
        // twice. Refused as a query parameter given twice is (one line "a, b" is one key, that text)
        if (request.headers().getAll(HEADER).size() > 1) {
            throw Problems.invalid(HEADER, InputGuard.GIVEN_TWICE);
        }
        check(key);
        byte[] hash = hash(ctx);
        IdempotencyKeys.Once once = keys.once(key, hash, () -> {
            Object result = ctx.proceed();
            if (!(result instanceof Response answer)) {
                throw new IllegalStateException("@Idempotent methods answer a Response: " + ctx.getMethod());
            }
            String body = answer.hasEntity() ? mapper.writeValueAsString(answer.getEntity()) : null;
            URI location = answer.getLocation();
            return new IdempotencyKeys.Answer(answer.getStatus(), location == null ? null : location.toString(),
                    answer.getHeaderString("ETag"), body);
        });
        if (once.earlier() != null) {
            return replay(once.earlier(), hash);
        }
        // the first answer is sent exactly as stored, so a replay is byte for byte the same
        return build(once.answer()).build();
    }

    private Response replay(IdempotencyKeys.Stored stored, byte[] hash) {
        if (IdempotencyKeys.erased(stored)) {
            // whether it was this request or another is not kept either: the request's hash went too
            throw new ProblemException(IdempotencyKeys.ERASED, "Gone", ERASED_SINCE);
        }
        if (!stored.sameRequest(hash)) {
            throw Problems.unprocessable("This " + HEADER + " was used for a different request; "
                    + "use a new key for a new request");
        }
        return build(stored.answer()).header(REPLAYED, "true").build();
    }

    private static Response.ResponseBuilder build(IdempotencyKeys.Answer answer) {
        String body = answer.body();
        String location = answer.location();
        String etag = answer.etag();
        Response.ResponseBuilder builder = Response.status(answer.status());
        if (body != null) {
            builder.entity(body.getBytes(StandardCharsets.UTF_8)).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (location != null) {
            builder.header("Location", location);
        }
        if (etag != null) {
            builder.header("ETag", etag);
        }
        return builder;
    }

    /**
     * A key is an opaque text of 1 to 200 printable ASCII characters (a UUID is a good one). A header's
     * bytes reach us one character each, so "é" sent in UTF-8 was two characters and "€" held a C1 control
     * (0x82): refused as "control characters" nobody typed (the probe). Said as what a key may hold.
     */
    static void check(String key) {
        if (key.isBlank()) {
            throw Problems.invalid(HEADER, "must not be empty");
        }
        // what it holds first: 70 "€" arrive as 210 characters, and were told they were too many
        if (key.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw Problems.invalid(HEADER, ASCII_ONLY);
        }
        if (key.length() > MAX_LENGTH) {
            throw Problems.invalid(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
    }

    static final String ASCII_ONLY = "must be printable ASCII: letters, digits, spaces and marks (a fresh UUID is best)";

    /**
     * The request as the method received it: method, path and the parsed arguments (body and
     * path parameters) as JSON. Parsed rather than raw, so spacing differences are the same request.
     */
    private byte[] hash(InvocationContext ctx) throws JsonProcessingException {
        return IdempotencyKeys.hash(request.method().name() + " " + request.path() + "\n"
                + mapper.writeValueAsString(Arrays.asList(ctx.getParameters())));
    }
}
