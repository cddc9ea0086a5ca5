package org.groundwork.platform;

import java.util.List;

/** The problems the services raise, worded once. */
public final class Problems {

    private Problems() {
    }

    /** A 404's title, whoever answers it: a service, or the REST layer for an address no operation has. */
    public static final String NOT_FOUND = "Not found";

    /** 404 for unknown ids and for other teams' ids alike, so existence is never confirmed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, NOT_FOUND, "No " + what + " with that id in your team");
    }

    /**
     * 404 for one's own record (a token, a login session) that this organizer has none of with that id: another
     * organizer's is in the team, so "in your team" was wrong (the walk), and whether it exists is not said.
     */
    public static ProblemException notYours(String what) {
        return new ProblemException(404, NOT_FOUND, "No " + what + " of yours with that id");
    }

    /**
     * One's own token revoked, or session ended, before this request (a second tab, a double tap): still the 404 of an
     * id that names none, saying why; a page says what was asked for is so ({@link #isAlready}).
     */
    public static final String TOKEN_REVOKED_ALREADY = "This token of yours was revoked already";
    public static final String SESSION_ENDED_ALREADY = "This session of yours was logged out already";

    public static ProblemException already(String detail) {
        return notFoundSaying(detail);
    }

    /** 404 in words of its own: what the id names is not there, or not this one's (another person's tie). */
    public static ProblemException notFoundSaying(String detail) {
        return new ProblemException(404, NOT_FOUND, detail);
    }

    public static boolean isAlready(ProblemException p, String detail) {
        return p.status() == 404 && detail.equals(p.getMessage());
    }

    /** Whether a refusal is {@link #notFound} of this kind of record (a page that says which one is gone). */
    public static boolean isNotFound(ProblemException p, String what) {
        return p.status() == 404 && notFound(what).getMessage().equals(p.getMessage());
    }

    /** What a contact of the caller's team erased is answered with, wherever it is named: {@link #erased}. */
    public static final String ERASED = "This contact was erased: their data is gone for good, and nothing more is written about them";

    /**
     * 410 for a contact of the caller's team that was erased, in a path or a body: an organizer whose form
     * was open while someone erased the person is told so (the walk), not "no contact with that id". It
     * confirms only what the team's own tombstone shows: an id of another team stays a 404.
     */
    public static ProblemException erased() {
        return new ProblemException(410, "Gone", ERASED);
    }

    /**
     * An id inside a request body that names nothing in the caller's team: a 400 on that
     * field (the URL is fine; the body is wrong), worded the same for unknown and foreign ids.
     */
    public static ProblemException unknownReference(String field, String what) {
        return invalid(field, "no " + what + " with that id in your team");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError e : errors) {
            detail.append(detail.length() == 0 ? "" : "; ").append(e.field()).append(": ").append(e.message());
        }
        return new ProblemException(400, "Invalid request", detail.toString(), List.copyOf(errors));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /** A conflict with what is stored that one field of the request is the cause of: a form says it there. */
    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(new FieldError(field, detail)));
    }

    /** 422: a well-formed request that cannot be done as asked (e.g. an Idempotency-Key reused for another request). */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail);
    }

    /** Too many failed logins: wait, then try again (the same answer for every email). */
    public static ProblemException tooManyAttempts(long seconds) {
        return new ProblemException(429, "Too many attempts",
                "Too many failed attempts; try again in " + seconds + " seconds").retryAfter(seconds);
    }

    public static ProblemException stale() {
        return new ProblemException(412, "Precondition failed",
                "The resource changed since you read it (If-Match does not match its ETag); read it again and retry");
    }
}
