package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The audit page: admins see their team's trail with the API's filters; no one else does. */
@QuarkusTest
class AuditPagesTest {

    @Test
    void adminsSeeTheTrailOthersDoNot() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Paloma Page-Secret")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        TestTeam.Member organizer = team.member("organizer");
        TestTeam other = TestTeam.create();
        String theirs = other.api().body(Map.of("fullName", "Other Team Person")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");

        Session admin = Session.logIn(team);
        admin.request().get("/organizers").then().statusCode(200).body(containsString("href=\"/audit\""));
        admin.request().get("/audit").then().statusCode(200)
                .body(containsString("<h1>Audit trail</h1>"))
                .body(containsString("/contacts/" + contact))
                .body(not(containsString(theirs)))
                .body(not(containsString("Paloma")));
        admin.request().get("/audit?kind=created&contact=" + contact).then().statusCode(200)
                .body(containsString("/contacts/" + contact));
        admin.request().get("/audit?kind=erased").then().statusCode(200).body(containsString("No events match."));
        admin.request().get("/audit?kind=burgled&from=soon").then().statusCode(200)
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("is not one of"));

        Session member = Session.logIn(organizer.email());
        member.request().get("/organizers").then().statusCode(200).body(not(containsString("href=\"/audit\"")));
        member.request().get("/audit").then().statusCode(403);
    }
}
