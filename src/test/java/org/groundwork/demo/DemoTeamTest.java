package org.groundwork.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.groundwork.followup.FollowUpService;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class DemoTeamTest {

    @Inject
    DemoTeam demo;

    @Test
    void theDemoTeamHasPeopleAtEveryLevelWorkToMeasureAndSomeoneInTheHeat() {
        TestTeam.setup(); // an instance exists, so the startup path must refuse to add a demo team
        assertFalse(demo.seedIfEmpty(), "no demo team on a database that already has organizers");

        DemoTeam.Credentials login = demo.seed("demo-" + TestTeam.unique() + ".test", false);
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("email", login.admin(), "password", DemoTeam.PASSWORD, "name", "demo"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        var api = given().auth().oauth2(token).accept(ContentType.JSON);

        JsonPath contacts = api.get("/api/v1/contacts?limit=200").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(36, contacts.getList("items").size());
        org.hamcrest.MatcherAssert.assertThat(contacts.getList("items.engagementLevel"),
                hasItems("new", "less-involved", "cadre"));
        org.hamcrest.MatcherAssert.assertThat(contacts.getList("items.position"),
                hasItems("base", "officer", "staff", "ally", "political-group"));

        given().auth().oauth2(token).get("/api/v1/works").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items.focus", hasItems("bring-in-new", "deepen-involvement", "work-with-cadre"));
        given().auth().oauth2(token).get("/api/v1/actions").then().statusCode(200)
                .body("items", hasSize(6)).body("items.firstTimerCount.sum()", greaterThan(0));
        given().auth().oauth2(token).get("/api/v1/conversations?limit=200").then().statusCode(200)
                .body("items", hasSize(150));
        given().auth().oauth2(token).get("/api/v1/followups?limit=200").then().statusCode(200)
                .body("items.reason", hasItems("after-action", "next-step"));
        given().auth().oauth2(token).get("/api/v1/followups/queue").then().statusCode(200)
                .body("heat.size()", greaterThan(0)).body("heat[0].reason", is("after-action"));
        // the heat follow-ups are the heat rule's own: about yesterday's march, with its purpose, due the
        // team's heat window after the march's day in the team's zone (FollowUpService.AFTER_ACTION_DUE)
        JsonPath team = given().auth().oauth2(token).get("/api/v1/team").then().statusCode(200).extract().jsonPath();
        JsonPath march = given().auth().oauth2(token).get("/api/v1/actions").then().statusCode(200).extract().jsonPath();
        String marchId = march.getString("items.find { it.title == 'March to City Hall' }.id");
        java.time.LocalDate due = java.time.Instant.parse(march.getString("items.find { it.title == 'March to City Hall' }.startsAt"))
                .atZone(java.time.ZoneId.of(team.getString("timeZone"))).toLocalDate().plusDays(team.getInt("heatWindowDays"));
        java.util.List<Map<String, Object>> heat = new java.util.ArrayList<>(given().auth().oauth2(token).get("/api/v1/followups?limit=200")
                .then().statusCode(200).extract().jsonPath().getList("items"));
        heat.removeIf(f -> !"after-action".equals(f.get("reason")));
        org.hamcrest.MatcherAssert.assertThat(heat.size(), greaterThan(0));
        for (Map<String, Object> f : heat) {
            org.junit.jupiter.api.Assertions.assertEquals(marchId, f.get("sourceActionId"), f.toString());
            org.junit.jupiter.api.Assertions.assertEquals(due.toString(), f.get("dueOn"), f.toString());
            org.junit.jupiter.api.Assertions.assertEquals(FollowUpService.AFTER_ACTION_PURPOSE, f.get("purpose"), f.toString());
        }

        // the two buildings have floors with tenants on them, and an organic leader each who is not cadre yet
        JsonPath orgs = api.get("/api/v1/organizations").then().statusCode(200).extract().jsonPath();
        for (String building : java.util.List.of("1400 River Street", "Maple Court Apartments")) {
            String id = orgs.getString("items.find { it.name == '" + building + "' }.id");
            given().auth().oauth2(token).get("/api/v1/organizations/" + id + "/units").then().statusCode(200)
                    .body("items.kind", everyItem(is("floor"))).body("items.size()", greaterThan(2));
            given().auth().oauth2(token).get("/api/v1/organizations/" + id + "/leaders").then().statusCode(200)
                    .body("items[0].listeners", greaterThan(4))
                    .body("items[0].level", anyOf(is("new"), is("less-involved")));
            org.hamcrest.MatcherAssert.assertThat(contacts.getList("items.findAll { it.organizationId == '" + id + "' }.unitId"),
                    hasItem(notNullValue()));
        }
    }

    /** Issue 12, bug 4: demo times were made in UTC and read in New York (actions at 22:00, a visit at 04:10). */
    @Test
    void demoTimesAreAtPlausibleHoursOnTheTeamsClocks() {
        TestTeam.setup(); // the instance's first team comes from setup, as in every test
        DemoTeam.Credentials login = demo.seed("demo-" + TestTeam.unique() + ".test", false);
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("email", login.admin(), "password", DemoTeam.PASSWORD, "name", "demo"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        java.time.ZoneId zone = java.time.ZoneId.of(given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(200).extract().path("team.timeZone"));
        java.util.List<String> actions = given().auth().oauth2(token).get("/api/v1/actions").then().statusCode(200)
                .extract().path("items.startsAt");
        java.util.List<String> conversations = given().auth().oauth2(token).get("/api/v1/conversations?limit=200")
                .then().statusCode(200).extract().path("items.occurredAt");
        java.util.List<String> odd = new java.util.ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (String at : concat(actions, conversations)) {
            java.time.ZonedDateTime local = java.time.Instant.parse(at).atZone(zone);
            if (local.getHour() < 8 || local.getHour() > 20 || java.time.Instant.parse(at).isAfter(now)) {
                odd.add(at + " = " + local);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), odd, "times between 08:00 and 20:59 in " + zone);
        // the newest action was yesterday on the team's calendar
        java.time.LocalDate newest = actions.stream().map(a -> java.time.Instant.parse(a).atZone(zone).toLocalDate())
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(java.time.LocalDate.now(zone).minusDays(1), newest);
    }

    private static java.util.List<String> concat(java.util.List<String> a, java.util.List<String> b) {
        java.util.List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
