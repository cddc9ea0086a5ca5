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

    @Test
    void withoutOneTheStartGoesOn() {
        assertDoesNotThrow(() -> CsrfCheck.UnusableCookie.refuseASignatureKey(Optional.empty()));
    }
}
