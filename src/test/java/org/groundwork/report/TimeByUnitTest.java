package org.groundwork.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** byUnit in the time report, on a scenario worked out by hand. */
@QuarkusTest
class TimeByUnitTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @Test
    void minutesAndPeopleByOrganizationAndUnit() {
        TestTeam team = TestTeam.create();
        var member = team.member("coordinator");
        Scenario s = new Scenario(team);
        String plant = team.organization("Plant", "workplace");
        String days = team.unit(plant, "Day shift", "shift");
        String nights = team.unit(plant, "Night shift", "shift");
        String weekend = team.unit(plant, "Weekend", "shift", nights);
        // Day shift: Ana, Bea; Night shift: Cy, Dee, Eve; its Weekend crew: nobody; Plant, no unit: Fay;
        // no organization: Gus
        String ana = placed(team, s.contact("Ana", "new", "base"), plant, days);
        String bea = placed(team, s.contact("Bea", "cadre", "base"), plant, days);
        String cy = placed(team, s.contact("Cy", "new", "base"), plant, nights);
        placed(team, s.contact("Dee", "new", "base"), plant, nights);
        placed(team, s.contact("Eve", "new", "base"), plant, nights);
        String fay = placed(team, s.contact("Fay", "new", "base"), plant, null);
        String gus = s.contact("Gus", "new", "base");

        // the admin: 60 with Ana, 30 with Bea, 10 with Cy; an action of 90 with Ana, Bea and Fay (30 each);
        // an action with nobody recorded (40, "unrecorded": no unit gets it); 15 with Gus
        s.conversation(ana, "2026-03-02T10:00:00Z", 60, null);
        s.conversation(bea, "2026-03-03T10:00:00Z", 30, null);
        s.conversation(cy, "2026-03-04T10:00:00Z", 10, null);
        s.conversation(gus, "2026-03-05T10:00:00Z", 15, null);
        s.action("2026-03-06T18:00:00Z", 90, null, List.of(team.adminId), TimeReportTest.attendees(ana, false, bea, false, fay, false));
        s.action("2026-03-07T18:00:00Z", 40, null, List.of(team.adminId), Map.of());
        // outside the period, and another organizer's time
        s.conversation(cy, "2026-04-02T10:00:00Z", 500, null);
        s.conversation(member::api, cy, "2026-03-09T10:00:00Z", 25, null);

        // admin: total 60+30+10+15+90+40 = 245. Day shift 60+30+30+30 = 150; Night shift 10;
        // Weekend 0; Plant no unit (Fay) 30; no organization (Gus) 15. People: 2, 3, 0, 1, 1 of 7.
        JsonPath r = Scenario.report(team.api(), "time", MARCH);
        TimeReportTest.minutes(r, "totalMinutes", 245);
        assertEquals(Arrays.asList(plant, plant, plant, plant, null), r.getList("byUnit.organizationId"));
        assertEquals(Arrays.asList(days, nights, weekend, null, null), r.getList("byUnit.unitId"));
        assertEquals(Arrays.asList("Day shift", "Night shift", "Night shift · Weekend", null, null), r.getList("byUnit.name"));
        assertEquals(List.of(2, 3, 0, 1, 1), r.getList("byUnit.people"));
        assertEquals(List.of(150.0f, 10.0f, 0.0f, 30.0f, 15.0f), r.getList("byUnit.minutes"));
        assertEquals("Plant", r.getString("byUnit[0].organizationName"));

        // the team: the member's 25 with Cy go to the night shift
        JsonPath all = Scenario.report(member.api(), "time", MARCH + "&organizer=all");
        assertEquals(List.of(150.0f, 35.0f, 0.0f, 30.0f, 15.0f), all.getList("byUnit.minutes"));

    }

    static String placed(TestTeam team, String contact, String organization, String unit) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("organizationId", organization);
        body.put("unitId", unit);
        team.api().body(body).patch("/api/v1/contacts/" + contact).then().statusCode(200);
        return contact;
    }
}
