package org.groundwork.platform;

import java.util.List;

/** A failure the client can act on; turned into problem+json by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    /** Seconds the client should wait before trying again (Retry-After), or null. */
    private Long retryAfter;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public ProblemException retryAfter(long seconds) {
        this.retryAfter = seconds;
        return this;
    }

    public Long retryAfter() {
        return retryAfter;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }
}
