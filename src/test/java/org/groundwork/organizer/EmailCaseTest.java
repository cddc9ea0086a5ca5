package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * An email is found by organizer.email_key, the lower(email) PostgreSQL keeps: the email typed is
 * folded by the same lower(), never by Java's toLowerCase, which gives a final "ς" for "ΟΔΟΣ" and
 * "i̇" for "İ" where PostgreSQL gives "σ" and "i" (and, under a C locale, leaves "É" as it is).
 */
@QuarkusTest
class EmailCaseTest {

    @Test
    void anAdminWhoseEmailJavaLowerCasesOtherwiseLogsInWithItAsTyped() {
        for (String local : new String[]{"ΟΔΟΣ", "İlker", "Émile"}) {
            String email = local + "-" + TestTeam.unique() + "@groundwork.test";
            given().auth().oauth2(TestTeam.instanceToken()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Team " + TestTeam.unique(), "timeZone", "UTC",
                            "admin", Map.of("email", email, "displayName", "Admin", "password", TestTeam.PASSWORD)))
                    .post("/api/v1/teams").then().statusCode(201);
            TestTeam.tokenFor(email);
        }
    }
}
