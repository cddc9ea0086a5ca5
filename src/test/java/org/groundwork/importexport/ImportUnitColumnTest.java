package org.groundwork.importexport;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Unit, Department, Floor or Shift column places people in a unit of their organization, made by name. */
@QuarkusTest
class ImportUnitColumnTest {

    @Test
    void aDepartmentColumnMakesDepartmentsWithinEachOrganization() {
        TestTeam team = TestTeam.create();
        String acme = team.api().body(Map.of("name", "Acme Warehouse")).post("/api/v1/organizations").then().extract().path("id");
        String packing = team.api().body(Map.of("name", "Packing", "kind", "department"))
                .post("/api/v1/organizations/" + acme + "/units").then().statusCode(201).extract().path("id");
        JsonPath r = Csv.imported(team, """
                name,email,workplace,Department
                Rosa Diaz,rosa@example.org,Acme Warehouse,packing
                Sam Okafor,sam@example.org,Acme Warehouse,Loading dock
                Tia Tran,tia@example.org,Harbour Depot,Loading Dock
                Uma Ude,uma@example.org,,Night crew
                Vic Vo,vic@example.org,Acme Warehouse,
                """);
        assertEquals(5, r.getInt("created"));
        assertEquals(0, r.getInt("errorRows"));
        assertEquals("unit", r.getString("mapping.Department"));
        // Uma has no organization: the unit is left out, with a warning naming her line
        assertEquals(List.of(5), r.getList("warnings.row"));
        assertTrue(r.getString("warnings[0].message").contains("needs an organization"), r.prettyPrint());

        // "packing" found the existing Packing; "Loading dock" was made once in each organization, as a department
        assertEquals(packing, Csv.contactNamed(team, "Rosa Diaz").get("unitId"));
        String dock = (String) Csv.contactNamed(team, "Sam Okafor").get("unitId");
        team.api().get("/api/v1/organizations/" + acme + "/units").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.contains("Packing", "Loading dock"))
                .body("items[1].kind", org.hamcrest.Matchers.is("department"))
                .body("items[1].id", org.hamcrest.Matchers.is(dock));
        Map<String, Object> tia = Csv.contactNamed(team, "Tia Tran");
        String harbour = (String) tia.get("organizationId");
        team.api().get("/api/v1/organizations/" + harbour + "/units").then()
                .body("items.name", org.hamcrest.Matchers.contains("Loading Dock"))
                .body("items[0].id", org.hamcrest.Matchers.is(tia.get("unitId")));
        assertNull(Csv.contactNamed(team, "Uma Ude").get("unitId"));
        assertNull(Csv.contactNamed(team, "Vic Vo").get("unitId"));

        // an update: a Floor column for a stored contact uses their stored organization; moving
        // someone to another organization without a unit leaves them in no unit
        JsonPath u = Csv.imported(team, """
                email,Shift,organization
                vic@example.org,Nights,
                sam@example.org,,Harbour Depot
                rosa@example.org,x%s,
                """.formatted("y".repeat(200)), "onMatch=update");
        assertEquals(2, u.getInt("updated"));
        assertEquals(1, u.getInt("errorRows"));
        assertTrue(u.getString("errors[0].message").contains("unit name is longer than 200"), u.prettyPrint());
        String nights = (String) Csv.contactNamed(team, "Vic Vo").get("unitId");
        team.api().get("/api/v1/organizations/" + acme + "/units/" + nights).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.is("Nights")).body("kind", org.hamcrest.Matchers.is("shift"));
        Map<String, Object> sam = Csv.contactNamed(team, "Sam Okafor");
        assertEquals(harbour, sam.get("organizationId"));
        assertNull(sam.get("unitId"));
        assertEquals(packing, Csv.contactNamed(team, "Rosa Diaz").get("unitId"));
    }

    @Test
    void newUnitsAfterTheLastPossiblePositionStillImport() {
        TestTeam team = TestTeam.create();
        String acme = team.api().body(Map.of("name", "Acme Warehouse")).post("/api/v1/organizations").then().extract().path("id");
        team.api().body(Map.of("name", "Packing", "kind", "department", "position", 100000))
                .post("/api/v1/organizations/" + acme + "/units").then().statusCode(201);
        // the next position would be 100001, past the schema's limit: the file used to be refused whole
        JsonPath r = Csv.imported(team, """
                name,email,workplace,Department
                Rosa Diaz,rosa@example.org,Acme Warehouse,Loading dock
                """);
        assertEquals(1, r.getInt("created"));
        team.api().get("/api/v1/organizations/" + acme + "/units").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.hasItems("Packing", "Loading dock"))
                .body("items.position", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(100000)));
    }
}
