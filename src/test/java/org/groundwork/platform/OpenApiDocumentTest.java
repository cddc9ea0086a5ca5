package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/openapi.yaml is the document the app serves, byte for byte: CI lints that file with
 * Spectral and the client test generates its client from it, so it must never drift from
 * the code. Refresh it with the command in {@link #REFRESH}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/openapi.yaml");
    static final String REFRESH = "./mvnw -B test -Dtest=OpenApiDocumentTest -Dgroundwork.openapi.refresh=true";

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi?format=yaml")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("groundwork.openapi.refresh")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED + " is missing; write it with: " + REFRESH);
        }
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                COMMITTED + " is not the document the app serves (an API change?). Refresh it with: " + REFRESH
                        + " and commit it; CI lints it with Spectral (.ci/run)");
    }
}
