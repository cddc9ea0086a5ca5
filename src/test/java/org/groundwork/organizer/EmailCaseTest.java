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

    /** A new team's admin whose email is taken: the conflict names the field as the request holds it (the walk). */
    @Test
    void aTakenEmailOnANewTeamIsSaidOnAdminEmail() {
        TestTeam taken = TestTeam.create();
        String name = "Team " + TestTeam.unique();
        given().auth().oauth2(TestTeam.instanceToken()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "UTC",
                        "admin", Map.of("email", taken.adminEmail.toUpperCase(java.util.Locale.ROOT), "displayName", "Admin",
                                "password", TestTeam.PASSWORD)))
                .post("/api/v1/teams").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.is("admin.email"));
        // and the organizer's own door still says "email"
        taken.api().body(Map.of("email", taken.adminEmail, "displayName", "Twin", "role", "organizer",
                "password", TestTeam.PASSWORD)).post("/api/v1/organizers").then().statusCode(409)
                .body("errors[0].field", org.hamcrest.Matchers.is("email"));
    }
}
