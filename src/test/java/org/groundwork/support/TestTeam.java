package org.groundwork.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * A fresh team per test, made through the real API: the instance is set up once (POST
 * /api/v1/setup), then every test gets its own team and admin (POST /api/v1/teams), so no
 * test depends on another's data.
 */
public final class TestTeam {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static JsonPath setup;

    public final String teamId;
    public final String adminId;
    public final String adminEmail;
    public final String token;

    private TestTeam(String teamId, String adminId, String adminEmail, String token) {
        this.teamId = teamId;
        this.adminId = adminId;
        this.adminEmail = adminEmail;
        this.token = token;
    }

    /** The response of the one setup call this test run made. */
    public static synchronized JsonPath setup() {
        if (setup == null) {
            setup = given().contentType(ContentType.JSON)
                    .body(Map.of("teamName", "Instance team", "email", "root@groundwork.test",
                            "displayName", "Instance Admin", "password", PASSWORD))
                    .post("/api/v1/setup")
                    .then().statusCode(201).extract().jsonPath();
        }
        return setup;
    }

    public static String instanceToken() {
        return setup().getString("token");
    }

    public static TestTeam create() {
        return create("UTC");
    }

    public static TestTeam create(String timeZone) {
        String email = "admin-" + unique() + "@groundwork.test";
        JsonPath team = given().auth().oauth2(instanceToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Team " + unique(), "timeZone", timeZone,
                        "admin", Map.of("email", email, "displayName", "Admin " + email, "password", PASSWORD)))
                .post("/api/v1/teams")
                .then().statusCode(201).extract().jsonPath();
        return new TestTeam(team.getString("team.id"), team.getString("admin.id"), email, tokenFor(email));
    }

    public static String tokenFor(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "name", "test"))
                .post("/api/v1/tokens")
                .then().statusCode(201).extract().path("token");
    }

    /** Another token of the admin's, made with the password (a token cannot make another): its id. */
    public String newTokenId(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", adminEmail, "password", PASSWORD, "name", name))
                .post("/api/v1/tokens")
                .then().statusCode(201).extract().path("id");
    }

    /** Adds an organizer with the given role; returns their token. */
    public Member member(String role) {
        String email = role + "-" + unique() + "@groundwork.test";
        String id = api().body(Map.of("email", email, "displayName", "Member " + email, "role", role, "password", PASSWORD))
                .post("/api/v1/organizers")
                .then().statusCode(201).extract().path("id");
        return new Member(id, email, tokenFor(email));
    }

    public record Member(String id, String email, String token) {
        public RequestSpecification api() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    /** A request as this team's admin. */
    public RequestSpecification api() {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A new organization of this team, made as its admin: its id. */
    public String organization(String name, String kind) {
        return api().body(Map.of("name", name, "kind", kind)).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
    }

    /** A new unit of that organization: its id. */
    public String unit(String organizationId, String name, String kind) {
        return unit(organizationId, name, kind, null);
    }

    /** A new unit of that organization, inside {@code parentId} when given: its id. */
    public String unit(String organizationId, String name, String kind, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", kind));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return api().body(body).post("/api/v1/organizations/" + organizationId + "/units")
                .then().statusCode(201).extract().path("id");
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8) + SEQ.incrementAndGet();
    }
}
