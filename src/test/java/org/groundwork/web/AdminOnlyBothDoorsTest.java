package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.organizer.OrganizerJson.NewOrganizer;
import org.groundwork.organizer.OrganizerService;
import org.groundwork.organizer.Role;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admin-only actions are refused by the service itself, so the API and the pages cannot
 * disagree: a coordinator is refused at both doors, and a caller that reaches the service by no
 * door at all is refused too.
 */
@QuarkusTest
class AdminOnlyBothDoorsTest {

    @Inject
    OrganizerService organizers;

    @Test
    void aCoordinatorIsRefusedAnAdminsActionsThroughTheApiAndThePages() {
        TestTeam team = TestTeam.create();
        TestTeam.Member coordinator = team.member("coordinator");
        TestTeam.Member organizer = team.member("organizer");
        String email = "new-" + TestTeam.unique() + "@groundwork.test";

        // the API
        coordinator.api().body(Map.of("email", email, "displayName", "New", "password", "long enough"))
                .post("/api/v1/organizers").then().statusCode(403).contentType("application/problem+json");
        coordinator.api().body(Map.of("role", "admin")).patch("/api/v1/organizers/" + organizer.id())
                .then().statusCode(403);
        coordinator.api().body(Map.of("heatWindowDays", 3)).patch("/api/v1/team").then().statusCode(403);
        coordinator.api().delete("/api/v1/organizers/" + organizer.id() + "/two-factor").then().statusCode(403);

        // the pages
        Session s = Session.logIn(coordinator.email());
        s.open("/settings");
        s.form().formParam("email", email).formParam("displayName", "New").formParam("role", "organizer")
                .formParam("password", "long enough").post("/organizers").then().statusCode(403);
        s.form().formParam("role", "admin").post("/organizers/" + organizer.id() + "/role").then().statusCode(403);
        s.form().formParam("active", "false").post("/organizers/" + organizer.id() + "/active").then().statusCode(403);
        s.form().formParam("name", "Taken over").formParam("timeZone", "UTC").formParam("heatWindowDays", "3")
                .formParam("coolingDays", "14").post("/settings/team").then().statusCode(403);
        s.form().post("/organizers/" + organizer.id() + "/two-factor/reset").then().statusCode(403);

        // nothing changed
        team.api().get("/api/v1/organizers").then().statusCode(200).body("items.email", not(hasItem(email)));
        team.api().get("/api/v1/organizers/" + organizer.id()).then().statusCode(200)
                .body("role", is("organizer")).body("active", is(true));
        team.api().get("/api/v1/team").then().body("heatWindowDays", is(2));

        // an admin may, at either door
        Session admin = Session.logIn(team);
        admin.open("/organizers");
        admin.form().formParam("role", "coordinator").post("/organizers/" + organizer.id() + "/role")
                .then().statusCode(303);
        team.api().get("/api/v1/organizers/" + organizer.id()).then().body("role", is("coordinator"));
        team.api().body(Map.of("role", "organizer")).patch("/api/v1/organizers/" + organizer.id())
                .then().statusCode(200).body("role", is("organizer"));
    }

    @Test
    void aCoordinatorsTeamSettingsAreRefusedForTheRoleWhateverTheFieldsHold() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team.member("coordinator").email());
        s.open("/settings");
        // fields that do not parse are not the answer: the role is, as for the same post with good values
        s.form().formParam("name", "Riverside Tenants Union").formParam("timeZone", "Mars/Olympus")
                .formParam("heatWindowDays", "2026-12-01").formParam("coolingDays", "abc")
                .formParam("phoneCountryCode", "xyz").post("/settings/team").then().statusCode(403);
        team.member("coordinator").api().body(Map.of("heatWindowDays", "abc", "timeZone", "Mars/Olympus"))
                .patch("/api/v1/team").then().statusCode(403);
        team.api().get("/api/v1/team").then().body("heatWindowDays", is(2));
    }

    @Test
    void aCoordinatorsOrganizerChangesAreRefusedForTheRoleWhateverTheFieldsHold() {
        TestTeam team = TestTeam.create();
        TestTeam.Member organizer = team.member("organizer");
        TestTeam.Member coordinator = team.member("coordinator");
        Session s = Session.logIn(coordinator.email());
        s.open("/organizers");
        // a role word no team has is not the answer: the role of who sends it is
        s.form().formParam("email", "new-" + team.adminId + "@example.org").formParam("displayName", "New")
                .formParam("role", "boss").formParam("password", "long enough password").post("/organizers")
                .then().statusCode(403);
        s.form().formParam("role", "boss").post("/organizers/" + organizer.id() + "/role").then().statusCode(403);
        s.form().formParam("active", "perhaps").post("/organizers/" + organizer.id() + "/active").then().statusCode(403);
        coordinator.api().body(Map.of("role", "boss")).patch("/api/v1/organizers/" + organizer.id())
                .then().statusCode(403);
        coordinator.api().body(Map.of("role", "admin")).patch("/api/v1/organizers/not-an-id")
                .then().statusCode(403);
        // the API's new organizer as well: the caller's role is read before the body, even one that is no JSON
        coordinator.api().body(Map.of("email", "api-" + team.adminId + "@example.org", "displayName", "New",
                "role", "boss", "password", "long enough password")).post("/api/v1/organizers")
                .then().statusCode(403).contentType("application/problem+json");
        coordinator.api().body("{\"role\": ").post("/api/v1/organizers")
                .then().statusCode(403).contentType("application/problem+json");
        team.api().get("/api/v1/organizers/" + organizer.id()).then().body("role", is("organizer"))
                .body("active", is(true));
    }

    @Test
    void anAdminsOwnRowOffersNoDisableButtonTheirColleaguesDo() {
        TestTeam team = TestTeam.create();
        TestTeam.Member organizer = team.member("organizer");
        Session s = Session.logIn(team);
        String page = s.request().get("/organizers").then().statusCode(200).extract().asString();
        // disabling oneself can only be refused ("ask another admin"): no button for it
        assertTrue(!page.contains("action=\"/organizers/" + team.adminId + "/active\""), page);
        assertTrue(page.contains("action=\"/organizers/" + organizer.id() + "/active\""), page);
    }

    @Test
    void theServiceRefusesACallerWhoIsNoAdminWhateverTheDoor() {
        // no request, no identity: the check is the service's own, not an endpoint's
        assertThrows(SecurityException.class, () -> organizers.add(new NewOrganizer(
                "nobody-" + TestTeam.unique() + "@groundwork.test", "Nobody", Role.ORGANIZER, "long enough")));
    }
}
