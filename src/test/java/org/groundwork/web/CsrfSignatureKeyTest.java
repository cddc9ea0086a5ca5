package org.groundwork.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * quarkus-rest-csrf's signed tokens would have every form refused beside the login's own token: the start, which
 * runs this check when the router is set up, fails and names the setting instead.
 */
class CsrfSignatureKeyTest {

    @Test
    void aSignatureKeySetFailsTheStartNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CsrfCheck.UnusableCookie.refuseASignatureKey(Optional.of("an-operator's-key-0123456789")));
        assertTrue(e.getMessage().contains("quarkus.rest-csrf.token-signature-key"), e.getMessage());
        assertTrue(e.getMessage().contains("QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY"), e.getMessage());
    }

    /** The check is the first thing the router's set-up does, before it adds the cookie's route. */
    @Test
    void theRoutersSetUpRunsTheCheck() {
        CsrfCheck.UnusableCookie cookie = new CsrfCheck.UnusableCookie();
        cookie.signatureKey = Optional.of("an-operator's-key-0123456789");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cookie.install(null));
        assertTrue(e.getMessage().contains("quarkus.rest-csrf.token-signature-key"), e.getMessage());
    }

    @Test
    void withoutOneTheStartGoesOn() {
        assertDoesNotThrow(() -> CsrfCheck.UnusableCookie.refuseASignatureKey(Optional.empty()));
    }
}
