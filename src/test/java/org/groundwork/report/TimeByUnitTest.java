package org.groundwork.report;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

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

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TeamPlaces teamPlaces;

    /**
     * The places' order and names are kept in memory (TeamPlaces) while the team's places version
     * (team_places_version, V28_2) stays: a change to the team's organizations or units, made
     * through this instance or by another (here plain SQL, past this instance), shows in the next
     * report.
     */
    @Test
    void aChangeToTheTeamsPlacesShowsInTheNextReportWhoeverMadeIt() throws SQLException {
        TestTeam team = TestTeam.create();
        String plant = team.organization("Plant", "workplace");
        String days = team.unit(plant, "Day shift", "shift");
        String nights = team.unit(plant, "Night shift", "shift");
        assertEquals(List.of("Day shift", "Night shift"), names(team));

        // another instance's writes, one kind after another
        write("update unit set name = 'Early shift' where id = ?1", days);
        assertEquals(List.of("Early shift", "Night shift"), names(team));
        write("update unit set parent_id = ?1 where id = ?2", nights, days);
        assertEquals(List.of("Night shift", "Night shift · Early shift"), names(team));
        write("insert into unit (id, team_id, organization_id, name, kind) values (gen_random_uuid(), ?1, ?2, 'Annex', 'area')",
                team.teamId, plant);
        assertEquals(List.of("Annex", "Night shift", "Night shift · Early shift"), names(team));
        // its sub-unit goes with it (the foreign key's cascade)
        write("delete from unit where id = ?1", nights);
        assertEquals(List.of("Annex"), names(team));
        write("update organization set name = 'Mill' where id = ?1", plant);
        assertEquals(List.of("Mill"), report(team).getList("byUnit.organizationName"));

        // and this instance's own: a merge moves the depot's dock into the mill
        String depot = team.organization("Depot", "workplace");
        team.unit(depot, "Dock", "area");
        JsonPath before = report(team);
        assertEquals(List.of("Depot", "Mill"), before.getList("byUnit.organizationName"));
        assertEquals(List.of("Dock", "Annex"), before.getList("byUnit.name"));
        team.api().body(Map.of("intoOrganizationId", plant)).post("/api/v1/organizations/" + depot + "/merge")
                .then().statusCode(200);
        JsonPath after = report(team);
        assertEquals(List.of("Mill", "Mill"), after.getList("byUnit.organizationName"));
        assertEquals(List.of("Annex", "Dock"), after.getList("byUnit.name"));
    }

    /**
     * The whole team's places come from the roll-up team_place_day and from the place kept on each
     * attendance (V28_3); a report of one organizer from conversation_place_day and the same
     * attendances. The whole team's figures come from the roll-up team_day (V28_4). After each
     * change that moves minutes between places, positions or days, made through the API or past it
     * in plain SQL, each roll-up is its source summed without the organizer, every attendance
     * carries its contact's place, and the team's report says what one worked out by hand says.
     */
    @Test
    void theWholeTeamsPlacesFollowEveryChangeThatMovesMinutes() throws SQLException {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String plant = team.organization("Plant", "workplace");
        String days = team.unit(plant, "Day shift", "shift");
        String nights = team.unit(plant, "Night shift", "shift");
        String ana = placed(team, s.contact("Ana", "new", "base"), plant, days);
        String cy = placed(team, s.contact("Cy", "new", "base"), plant, nights);
        String gus = s.contact("Gus", "new", "base");
        String withAna = s.conversation(ana, "2026-03-02T10:00:00Z", 60, null);
        String withCy = s.conversation(cy, "2026-03-04T10:00:00Z", 10, null);
        s.conversation(gus, "2026-03-05T23:30:00Z", 15, null);
        // 90 minutes, Ana and Cy: 45 each
        s.action("2026-03-06T18:00:00Z", 90, null, List.of(team.adminId), TimeReportTest.attendees(ana, false, cy, false));
        // Day 60+45, Night 10+45, no organization 15
        assertSummaries(team, List.of(105.0f, 55.0f, 15.0f));

        // Ana moves to the night shift, with her conversation and her share of the action
        placed(team, ana, plant, nights);
        assertSummaries(team, List.of(0.0f, 160.0f, 15.0f));
        // past the API: a conversation longer, one deleted, Gus put in the day shift
        write("update conversation set duration_minutes = 70 where id = ?1", withAna);
        write("delete from conversation where id = ?1", withCy);
        write("update contact set organization_id = ?1, unit_id = ?2 where id = ?3", plant, days, gus);
        // Day 15 (Gus), Night 70+45+45
        assertSummaries(team, List.of(15.0f, 160.0f));
        // Ana becomes an officer: her 70 and 45 minutes move to that position, in no other place
        write("update contact set position = 'officer' where id = ?1", ana);
        assertSummaries(team, List.of(15.0f, 160.0f));
        assertEquals(115.0f, Scenario.report(team.api(), "time", MARCH + "&organizer=all").getFloat("byPosition.officer"));
        // the night shift removed: its people, and their minutes, in the plant with no unit
        write("delete from unit where id = ?1", nights);
        assertSummaries(team, List.of(15.0f, 160.0f));
        // another time zone: every day of the summaries computed anew (Gus's 23:30 is the 5th or 6th)
        write("update team set time_zone = 'Pacific/Kiritimati' where id = ?1", team.teamId);
        assertSummaries(team, List.of(15.0f, 160.0f));
    }

    /** The roll-ups and the attendances agree with their sources, and the reports give these minutes by unit. */
    private void assertSummaries(TestTeam team, List<Float> minutes) throws SQLException {
        String teamDays = "select day, work_id, level || ' ' || position || ' ' || stripe || ' ' || minutes from team_day"
                + " where team_id = ?1 and minutes <> 0";
        String days = "select day, work_id, level || ' ' || position || ' ' || stripe || ' ' || sum(minutes)"
                + " from conversation_day where team_id = ?1 group by day, work_id, level, position, stripe"
                + " having sum(minutes) <> 0";
        assertEquals(List.of(), rows("(" + teamDays + " except all " + days + ") union all ("
                + days + " except all " + teamDays + ")", team.teamId), "team_day is conversation_day rolled up");
        assertEquals(report(team).getFloat("totalMinutes"),
                Scenario.report(team.api(), "time", MARCH + "&organizer=all").getFloat("totalMinutes"),
                "the admin's time is all of it, read from conversation_day and from team_day");
        String rolledUp = "select day, organization_id, unit_id, stripe, minutes from team_place_day"
                + " where team_id = ?1 and minutes <> 0";
        String summed = "select day, organization_id, unit_id, stripe, sum(minutes) from conversation_place_day"
                + " where team_id = ?1 group by 1, 2, 3, 4 having sum(minutes) <> 0";
        assertEquals(List.of(), rows("(" + rolledUp + " except all " + summed + ") union all ("
                + summed + " except all " + rolledUp + ")", team.teamId), "team_place_day is conversation_place_day rolled up");
        assertEquals(List.of(), rows("select t.id, t.organization_id, t.unit_id from attendance t"
                + " join contact k on k.id = t.contact_id where t.team_id = ?1"
                + " and (t.organization_id is distinct from k.organization_id or t.unit_id is distinct from k.unit_id)",
                team.teamId), "every attendance carries its contact's place");
        assertEquals(minutes, Scenario.report(team.api(), "time", MARCH + "&organizer=all").getList("byUnit.minutes"));
        // one organizer's report reads conversation_place_day: here the admin's time is all of it
        assertEquals(minutes, report(team).getList("byUnit.minutes"));
    }

    /** The rows of a query on one team (?1 its id), three columns of each as text. */
    private List<String> rows(String sql, String team) throws SQLException {
        String jdbc = sql.replace("?1", "cast(? as uuid)");
        try (Connection c = AllTeams.connection(dataSource); PreparedStatement ps = c.prepareStatement(jdbc)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setString(i, team);
            }
            List<String> found = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return found;
        }
    }

    /** The places are read once per version, and again at another. */
    @Test
    void thePlacesAreReadOncePerVersion() {
        TestTeam team = TestTeam.create();
        team.unit(team.organization("Plant", "workplace"), "Day shift", "shift");
        UUID id = UUID.fromString(team.teamId);
        List<TeamPlaces.Named> first = AllTeams.call(() -> teamPlaces.at(id, 1_000_000));
        assertSame(first, AllTeams.call(() -> teamPlaces.at(id, 1_000_000)));
        List<TeamPlaces.Named> next = AllTeams.call(() -> teamPlaces.at(id, 1_000_001));
        assertNotSame(first, next);
        assertEquals(first, next);
    }

    private static JsonPath report(TestTeam team) {
        return Scenario.report(team.api(), "time", MARCH);
    }

    private static List<String> names(TestTeam team) {
        return report(team).getList("byUnit.name");
    }

    private void write(String sql, String... ids) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource);
             PreparedStatement ps = c.prepareStatement(sql.replaceAll("\\?\\d+", "?"))) {
            for (int i = 0; i < ids.length; i++) {
                ps.setObject(i + 1, UUID.fromString(ids[i]));
            }
            ps.executeUpdate();
        }
    }

    static String placed(TestTeam team, String contact, String organization, String unit) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("organizationId", organization);
        body.put("unitId", unit);
        team.api().body(body).patch("/api/v1/contacts/" + contact).then().statusCode(200);
        return contact;
    }
}
