package org.groundwork.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Login outcomes for Prometheus: {@code groundwork_logins_total{outcome="ok|failed|throttled"}}.
 * The login code (form login, {@code POST /api/v1/tokens}) calls one method per attempt, once the
 * outcome is known. Nothing about the account or the client is kept: only how many.
 */
@ApplicationScoped
public class LoginMetrics {

    @Inject
    BusinessMetrics metrics;

    /** The right password (and second factor, when required): logged in or token issued. */
    public void ok() {
        metrics.login("ok");
    }

    /** A wrong email, password or code. */
    public void failed() {
        metrics.login("failed");
    }

    /** Refused before checking the password because of too many recent failures (429). */
    public void throttled() {
        metrics.login("throttled");
    }
}
