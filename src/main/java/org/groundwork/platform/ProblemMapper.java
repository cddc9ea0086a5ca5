package org.groundwork.platform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.groundwork.web.ErrorPages;
import org.groundwork.web.HtmxAnswers;
import org.groundwork.web.LoginRedirect;
import org.groundwork.web.PageLanguage;
import org.groundwork.web.ReturnTo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where failures become answers: problem+json for the API, and a redirect to
 * the login page for anonymous visitors of pages. Nothing here ever shows a stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /**
     * RFC 9110 (11.6.1): a 401 says how to authenticate, in WWW-Authenticate. The API's way is a
     * personal token sent as a bearer token, in Groundwork's realm.
     */
    public static final String API_CHALLENGE = "Bearer realm=\"Groundwork\"";
    /**
     * A page's way is the login form. A scheme of its own, never Basic (or Digest, Negotiate, NTLM),
     * which a browser answers by popping up its own password dialog over the page.
     */
    public static final String PAGE_CHALLENGE = "FormLogin realm=\"Groundwork\"";

    @Inject
    ObjectMapper mapper;
    @Inject
    HttpServerRequest request;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        if (e.retryAfter() != null) {
            return Response.fromResponse(respond(e.toProblem())).header("Retry-After", e.retryAfter()).build();
        }
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return respond(Problems.invalid(errors).toProblem());
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonMappingException.class, InvalidDefinitionException.class})
    public Response json(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException) {
            // Jackson cannot build the request's type at all: our bug, whatever was sent; logged as one
            return unexpected(e);
        }
        return respond(fromJackson(e).toProblem());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        if (databaseUnreachable(e)) {
            // the token or session could not be checked: not the caller's fault
            return unavailable(e);
        }
        if (!uri.getPath().startsWith("/api/")) {
            // a failed login form post goes back to the form with a message; other pages to the form,
            // which remembers the page asked for so the login lands there (ReturnTo); an htmx request
            // takes the whole window there rather than swapping the login form into the page (LoginRedirect)
            boolean failedLogin = uri.getPath().equals("/login");
            // a form sent after the session ended (logged out everywhere, eight idle hours) is not saved: the
            // login page says so, and that Back finds what was typed, rather than landing on Today without a word
            boolean unsaved = !failedLogin && !HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method());
            // but Log out from a session that ended already (another tab logged out) is done: "logged out", not
            // "what you sent was not saved; send it again" (a walk)
            boolean loggingOut = uri.getPath().equals("/logout");
            Response.ResponseBuilder login = LoginRedirect.to(request, failedLogin ? "/login?error=1"
                    : loggingOut ? "/login?out=1" : unsaved ? "/login?unsaved=1" : "/login");
            if (!failedLogin) {
                ReturnTo.remember(request).ifPresent(cookie -> login.header("Set-Cookie", cookie));
            }
            return login.build();
        }
        return respond(new Problem("about:blank", "Unauthorized", 401,
                "Log in or send a valid personal API token as 'Authorization: Bearer <token>'", null), false);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problems.forbidden("Your role does not allow this").toProblem());
    }

    /**
     * Two saves of one version at once: the second's write finds the row moved on. A client that sent If-Match read
     * that version and asked for exactly this check, so it gets the If-Match's own 412, as a save a moment later
     * would; the walk's five parallel PATCHes had one 409 among the 412s.
     */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrent(RuntimeException e) {
        return changedMeanwhile();
    }

    private Response changedMeanwhile() {
        return respond((sentIfMatch() ? Problems.stale()
                : Problems.conflict("Someone else changed this at the same time; read it again and retry")).toProblem());
    }

    /**
     * Whether a save found its row moved on at its write (the version it read was checked, then another save
     * committed first): a page's form draws it as it draws a stale version (web/Form), with what was typed.
     */
    public static boolean lostAtItsWrite(Throwable e) {
        return anyCause(e, t -> t instanceof OptimisticLockException || t instanceof StaleStateException);
    }

    private boolean sentIfMatch() {
        try {
            return ETags.namesAVersion(request.getHeader("If-Match"));
        } catch (RuntimeException outsideARequest) {
            return false;
        }
    }

    @ServerExceptionMapper
    public Response database(org.hibernate.exception.ConstraintViolationException e) {
        LOG.debugf("Constraint %s refused a write", e.getConstraintName());
        return respond(Problems.conflict("This conflicts with data already stored").toProblem());
    }

    @ServerExceptionMapper
    public Uni<Response> web(WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        // a 405 says the methods its path takes (AllowedMethods). The router's 404 for a method a path does not
        // take, when another class's path is a prefix of it (PUT /api/v1/contacts/{id}/ties), is a 405 too
        Set<String> allowed = status == 405 || status == 404 ? AllowedMethods.ofThisRequest() : Set.of();
        boolean notAllowed = status == 405 || (!allowed.isEmpty() && !allowed.contains(request.method().name()));
        String allow = notAllowed && !allowed.isEmpty() ? AllowedMethods.header(allowed) : null;
        WebApplicationException e = notAllowed && status != 405 ? new WebApplicationException(Response.status(405).build()) : refused;
        if (wantsPage() && !BlockingOperationControl.isBlockingAllowed()
                && Arc.container().requestContext().isActive()) {
            // refused on the I/O thread before any page took the request (an address no page has, a method
            // its path does not take), where the login cannot be read without blocking: read here first, so
            // a logged-in organizer's page is in their language, not the browser's (web/PageLanguage)
            HttpServerRequest http = ClientProxy.unwrap(request);
            return identities.getDeferredIdentity().onFailure().recoverWithNull()
                    .map(who -> PageLanguage.forLogin(who, http, () -> answer(e, true, allow)));
        }
        return Uni.createFrom().item(answer(e, wantsPage(), allow));
    }

    private Response answer(WebApplicationException e, boolean page, String allow) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // quarkus-rest's reader answers a body it cannot read (its syntax, a number too large for its
            // field) with a bare 400 around Jackson's exception: say what was wrong, as for the others
            return json(json);
        }
        // the reason phrase, but a 404 is titled as the app's own (Problems.notFound): one wording
        String title = status == 404 ? Problems.NOT_FOUND : original.getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            // as the error page's 404 says it in either language: nothing confirms another team's ids
            case 404 -> "Nothing here, or nothing you can see: check the address";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "This resource cannot answer in the media type you asked for (Accept)";
            // said for every operation, so it names the two that take something else (ImportResource,
            // ArchiveResource): "send it as application/json" was wrong advice for a CSV import
            case 415 -> "Send the body in the media type this operation takes: application/json, "
                    + "or text/csv for a contact import, or application/zip for a team archive";
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder = Response.fromResponse(respond(new Problem("about:blank", title, status, detail, null), page));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        if (allow != null && original.getHeaderString("Allow") == null) {
            // quarkus-rest's 405 names no method; RFC 9110 says it must
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (databaseUnreachable(e)) {
            return unavailable(e);
        }
        ProblemException refusal = refusalOf(e);
        if (refusal != null) {
            return problem(refusal);
        }
        if (lostAtItsWrite(e)) {
            // the same, found at the commit (Hibernate flushes there): the transaction manager's RollbackException
            // carries it, and two admins' simultaneous two-factor resets were a 500 (the review)
            return changedMeanwhile();
        }
        if (anyCause(e, t -> t instanceof io.vertx.core.http.HttpClosedException)) {
            // the client closed the connection before its body had all come: no one to answer
            LOG.debugf("The client went away before its request was read: %s", rootMessage(e));
            return respond(Problems.badRequest("The request's body did not arrive whole").toProblem());
        }
        if (anyCause(e, ProblemMapper::thrownReadingAForm) && !anyCause(e, ProblemMapper::theServersDisk)) {
            LOG.debugf("A form's body could not be read: %s", rootMessage(e));
            return respond(Problems.badRequest(UNREADABLE_FORM).toProblem());
        }
        LOG.error("Unexpected failure", e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "Something went wrong on our side; nothing you sent was half-saved", null));
    }

    static final String UNREADABLE_FORM = "The form's body could not be read (a broken %-escape, a charset this "
            + "server does not know, an upload cut short, or more than 1,000 fields); nothing was saved";

    /**
     * Thrown by the REST layer's parser of form and multipart bodies, which reads what the client
     * sent and nothing of ours: a "%zz" escape, a charset it does not know, a missing boundary, too
     * many fields. Each was a 500 with an ERROR line, for anyone (the setup and login code pages
     * take forms before anyone is logged in).
     */
    private static boolean thrownReadingAForm(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 8); i++) {
            if (frames[i].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same parser writes uploads to disk: a folder it cannot write, a full disk or a file gone
     * from under it is ours to see in the log, not the caller's to fix.
     */
    private static boolean theServersDisk(Throwable t) {
        return t instanceof java.nio.file.FileSystemException || t instanceof java.io.UncheckedIOException
                || (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().contains("space left"));
    }

    /**
     * The database is down, restarting or out of connections: 503 with Retry-After, for pages
     * too. The transaction was rolled back (or never began), so nothing was saved; except when
     * the connection died during the commit itself, when the write may have landed.
     */
    private Response unavailable(Throwable e) {
        LOG.warnf("Database not reachable: %s", rootMessage(e));
        String detail = diedDuringCommit(e)
                ? "The database went away while this was being saved, so it may or may not have been saved; "
                        + "check before sending it again in a few seconds"
                : "The database is not reachable right now; nothing was saved; try again in a few seconds";
        Problem problem = new Problem("about:blank", "Service Unavailable", 503, detail, null);
        return Response.fromResponse(respond(problem)).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static final int RETRY_AFTER_SECONDS = 5;

    /** SQLState classes and codes that mean the connection, not the statement, failed. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    /**
     * Whether a failure, anywhere in its cause chain, says the database could not be reached:
     * connection exceptions (SQLState class 08), an administrator or crash shutdown (57P01,
     * 57P02, 57P03), Hibernate's JDBCConnectionException, the pool's acquisition timeout, a
     * refused socket.
     */
    static boolean databaseUnreachable(Throwable failure) {
        return anyCause(failure, t -> {
            if (t instanceof JDBCConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
                    return true;
                }
                String message = sql.getMessage();
                // Agroal: no connection could be had in time
                return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
            }
            return false;
        });
    }

    /**
     * A database failure that is a refusal, not a fault of the app, in words; null for any other. Logged here, once
     * (Hibernate's own lines are off). The API's answer ({@link #unexpected}) and a page's ({@code web/Form}, with
     * the form as typed) are both this.
     */
    public static ProblemException refusalOf(Throwable e) {
        if (lostARace(e)) {
            // PostgreSQL broke a deadlock or a serialization conflict by rolling this one back: nothing
            // was saved, and the same request sent again will find the other one done
            LOG.infof("A write lost a race and was rolled back: %s", refusedBecause(e));
            return Problems.conflict("Someone else changed this at the same time; read it again and retry");
        }
        if (ranPastItsTime(e)) {
            // the transaction manager rolled the request back at its time limit and cancelled its statement (a merge
            // of a very large organization was a 500 "Unexpected failure": the walk); nothing was saved
            LOG.warnf("A request ran past its transaction's time limit and was rolled back: %s", refusedBecause(e));
            // Retry-After as every 503: a change that waited behind a long one (a merge) goes through later
            return new ProblemException(503, "Service Unavailable", TOOK_TOO_LONG).retryAfter(RETRY_AFTER_SECONDS);
        }
        if (waitedForALock(e)) {
            // a request waits a few seconds at most for rows another transaction holds (TeamScope.REQUEST_LOCK_WAIT;
            // OrganizationService.holdUnits sets less), and did: rolled back, nothing saved
            LOG.infof("A write waited too long for a lock and was rolled back: %s", refusedBecause(e));
            // a long change holds the team's rows: its next requests wait briefly, not holding threads (LongChanges)
            LongChanges.waitedInVain(TeamScope.team().orElse(null));
            return Problems.conflict(RECORDS_BUSY);
        }
        return null;
    }

    public static final String TOOK_TOO_LONG = "This took longer than the server allows for one change and was undone; nothing was saved.";

    /**
     * Rolled back by the transaction manager at the transaction's time limit: its commit found it no longer active
     * (ARJUNA016102), or its running statement was cancelled (57014, query_canceled: nothing of the app cancels one).
     */
    static boolean ranPastItsTime(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException sql && "57014".equals(sql.getSQLState())
                || t instanceof jakarta.transaction.RollbackException && t.getMessage() != null
                && t.getMessage().contains("ARJUNA016102"));
    }

    /** lock_timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    public static final String RECORDS_BUSY = "Someone else is changing these records right now (an import, perhaps); nothing was saved. Try again when they have finished.";

    /** A deadlock detected (40P01) or a serialization failure (40001): PostgreSQL rolled this transaction back. */
    private static final Set<String> RACE_STATES = Set.of("40P01", "40001");

    /** A change that waits a short while at most for rows others hold waited, and was rolled back (55P03). */
    public static boolean waitedForALock(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState()));
    }

    static boolean lostARace(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState()));
    }

    /** Whether the failure or anything in its cause chain (causes, suppressed, the driver's next exceptions) matches. */
    private static boolean anyCause(Throwable failure, java.util.function.Predicate<Throwable> matches) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < 50) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (matches.test(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            Collections.addAll(pending, t.getSuppressed());
        }
        return false;
    }

    /**
     * The commit itself failed (the outcome is unknown), not a statement before it. Agroal says it "Error trying to
     * transactionCommit local transaction": read without regard to case, since "commit" alone missed it, and a write
     * that had landed was answered "nothing was saved" (session 64's walk, a database restarted under writes).
     */
    static boolean diedDuringCommit(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            // not XAER_NOTA ("Invalid xid to transactionCommit"): refused before any COMMIT was sent (the review)
            if (t instanceof HeuristicMixedException || (t instanceof XAException xa && xa.errorCode != XAException.XAER_NOTA
                    && t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("commit"))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (diedDuringCommit(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A refusal's cause for its log line: the database's words with their SQLState, without the driver's class
     * and the "ERROR:" its messages begin with, so that a grep for ERROR finds errors, not these INFO lines (a
     * walk); any other cause as {@link #rootMessage}.
     */
    private static String refusedBecause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String words = String.valueOf(sql.getMessage()).replaceFirst("^ERROR:\\s*", "").replaceAll("\\s*\\n\\s*", "; ");
                return words + " (SQLState " + sql.getSQLState() + ")";
            }
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Turns Jackson's complaints into a field-level 400 that names the JSON field. */
    public static ProblemException fromJackson(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException ours) {
            // not the caller's fault (see json()): thrown on, for the 500 that logs it
            throw new IllegalStateException("Jackson cannot build a request type", ours);
        }
        // SafeJson's parser refuses a field given twice, whose first value Jackson would drop; inside
        // an object of the body, Jackson wraps the refusal with the path to that object only
        StreamReadException read = e instanceof StreamReadException r ? r
                : e.getCause() instanceof StreamReadException r ? r : null;
        if (read != null && read.getProcessor() != null && read.getOriginalMessage().startsWith("Duplicate field")) {
            return Problems.invalid(fieldAt(read.getProcessor().getParsingContext()), "is given twice");
        }
        if (e instanceof StreamConstraintsException bound) {
            // past a reader's bound where Jackson names no field (the value of a field the request does not have,
            // which it copies aside before refusing the field; a number read before its field is): "not valid
            // JSON" was no reason
            return Problems.badRequest(pastBound(bound, false));
        }
        if (e.getCause() instanceof JsonParseException syntax) {
            // bad syntax inside an object of the body: Jackson wraps it with that object's path
            return notValidJson(syntax);
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            // more after the body's one value ({...}{...}), which Jackson would leave unread
            return notValidJson(e);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    names.add(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    names.add("[" + ref.getIndex() + "]");
                }
            }
            String message = "has the wrong type or format";
            if (e instanceof SafeJson.Refused refused) {
                message = refused.getOriginalMessage();
            } else if (e instanceof InvalidFormatException format) {
                Class<?> target = format.getTargetType();
                if (target != null && target.isEnum() && Word.class.isAssignableFrom(target)) {
                    message = "'" + format.getValue() + "' is not one of " + enumWords(target);
                } else if (target == String.class) {
                    message = "expected text";
                } else if (target != null) {
                    message = "'" + format.getValue() + "' is not a valid " + describe(target);
                }
            } else if (e.getCause() instanceof StreamConstraintsException bound) {
                // past the reader's bound on one text (SafeJson.LONGEST_TEXT): "wrong type" was no reason (a walk)
                message = pastBound(bound, true);
            } else if (e.getCause() instanceof InputCoercionException) {
                // Jackson wraps the parser's own refusal with the field's path: 99999999999 for an int
                message = "is out of range for a whole number";
            } else if (e instanceof UnrecognizedPropertyException) {
                // a field the request does not have: refused, so a misspelt field is not silently lost
                message = "is not a field of this request";
            } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = "expected " + describe(mismatch.getTargetType());
            }
            return Problems.invalid(field(names), message);
        }
        if (e instanceof MismatchedInputException whole && whole.getTargetType() != null) {
            // the body as a whole is of another shape; Jackson's own message names our classes
            if (describe(whole.getTargetType()).equals("list")) {
                return Problems.badRequest("The body must be a JSON list");
            }
            return Problems.badRequest("The body must be a JSON object");
        }
        return notValidJson(e);
    }

    /** What one of the reader's bounds (SafeJson's) refused, said of the field when Jackson names it, else of the body. */
    private static String pastBound(StreamConstraintsException bound, boolean ofTheField) {
        String jackson = bound.getOriginalMessage();
        if (jackson.startsWith("String value length")) {
            return ofTheField ? SafeJson.TOO_LONG : "A text in the body " + SafeJson.TOO_LONG;
        }
        if (jackson.startsWith("Number value length")) {
            return ofTheField ? SafeJson.NUMBER_TOO_LONG : "A number in the body " + SafeJson.NUMBER_TOO_LONG;
        }
        if (jackson.startsWith("Document nesting depth")) {
            return SafeJson.TOO_DEEP;
        }
        if (jackson.startsWith("Name length")) {
            return SafeJson.NAME_TOO_LONG;
        }
        return "The body is larger than the server reads";
    }

    /** The place, not Jackson's message, which names classes and settings of the server. */
    private static ProblemException notValidJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return Problems.badRequest("The body is not valid JSON");
        }
        return Problems.badRequest("The body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    /** The field the parser is at, with the objects and lists it is in. */
    private static String fieldAt(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            names.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        return field(names);
    }

    /** Names and "[i]" indexes, outermost first, as the errors name a field: "nextStep.purpose", "[0].notes", "tags[1]". */
    private static String field(Collection<String> names) {
        return String.join(".", names).replace(".[", "[");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String enumWords(Class<?> type) {
        return Word.words((Class) type);
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO-8601, e.g. 2026-05-01T18:00:00Z)";
            case "UUID" -> "id";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            // a record is one of the API's objects: "[0]: expected value" for a list where one goes said nothing;
            // a word of ours is one of its words ("channel": ["phone"] said "expected value", the probe)
            default -> type.isEnum() && Word.class.isAssignableFrom(type) ? "one of " + enumWords(type) + " (as text)"
                    : type.isArray() || List.class.isAssignableFrom(type) ? "list"
                    : type.isRecord() || java.util.Map.class.isAssignableFrom(type) ? "object ({…})" : "value";
        };
    }

    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // a rule on a list's items (List<@NotNull UUID>): the item is its index, as tags[0] is;
                // Hibernate Validator's own name for it ("<list element>") had been said to clients (the walk)
                continue;
            }
            field.append(field.length() == 0 ? "" : ".").append(node.getName());
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private Response respond(Problem problem) {
        return respond(problem, wantsPage());
    }

    private Response respond(Problem problem, boolean page) {
        if (page) {
            // an htmx request's error page takes the page's main part (web/HtmxAnswers)
            return answer(problem.status(), true)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(ErrorPages.render(problem)).build();
        }
        return json(problem, write(problem));
    }

    /** A problem+json answer, written as {@code json}: every 401 of the API says its challenge. */
    public static Response json(Problem problem, String json) {
        return answer(problem.status(), false)
                .type(Problem.MEDIA_TYPE).entity(json).build();
    }

    /** An answer of this status, and if it is a 401 its WWW-Authenticate (RFC 9110), a page's or the API's. */
    public static Response.ResponseBuilder answer(int status, boolean page) {
        Response.ResponseBuilder answer = Response.status(status);
        String challenge = challenge(status, page);
        return challenge == null ? answer : answer.header("WWW-Authenticate", challenge);
    }

    /**
     * A 401's WWW-Authenticate value, a page's or the API's; null for any other status. The one rule
     * for JAX-RS answers ({@link #answer}) and for those written at the route, before JAX-RS
     * (HttpLimits).
     */
    public static String challenge(int status, boolean page) {
        return status != 401 ? null : page ? PAGE_CHALLENGE : API_CHALLENGE;
    }

    /**
     * A browser on a page route gets a page (htmx asks for none by name, but draws what comes); the
     * API, /q/ and any client that does not ask for HTML get problem+json.
     */
    private boolean wantsPage() {
        try {
            return wantsPage(request);
        } catch (RuntimeException outsideARequest) {
            return false;
        }
    }

    /** {@link #wantsPage()} for a request: htmx asks for no type by name but draws what comes. */
    static boolean wantsPage(HttpServerRequest request) {
        String accept = HtmxAnswers.fromHtmx(request) ? "text/html" : request.getHeader("Accept");
        String path = request.path();
        return path != null && !path.startsWith("/api/") && !path.startsWith("/q/") && acceptsHtml(accept);
    }

    /**
     * The Accept header names {@code text/html} with a weight above 0: "text/html;q=0" says a page is not
     * acceptable (RFC 9110, 12.5.1), and such a client got a page instead of the problem it asked for.
     */
    static boolean acceptsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].trim().equalsIgnoreCase("text/html")) {
                continue;
            }
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2).trim());
                    } catch (NumberFormatException unreadable) {
                        weight = 1; // a weight that is no number is read as none given
                    }
                }
            }
            if (weight > 0) {
                return true;
            }
        }
        return false;
    }

    private String write(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
