package org.groundwork.isolation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.platform.TeamScope;
import org.groundwork.platform.TeamScoped;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL keeps the teams apart on its own: SQL that forgets its team predicate, run through
 * the app's own datasource, sees and touches only the team the connection works for.
 */
@QuarkusTest
class RowLevelSecurityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aQueryWithoutTeamPredicateInARequestOfTeamASeesNothingOfTeamB() throws SQLException {
        TestTeam a = TestTeam.create();
        TestTeam b = TestTeam.create();
        String mine = contact(a, "Alma Mine");
        String theirs = contact(b, "Bea Theirs");

        // this test method runs in a request context: make it the request of an organizer of team A
        // (the identity the pool's interceptor reads, as it does for a bearer token or a session)
        Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(a.adminEmail))
                .addRole("admin")
                .addAttribute(TeamScope.TEAM_ATTRIBUTE, a.teamId)
                .build());
        try (Connection c = dataSource.getConnection()) {
            List<String> seen = strings(c, "select id::text from contact");
            assertTrue(seen.contains(mine), "team A's own contact is there");
            assertFalse(seen.contains(theirs), "team B's contact is not");
            assertEquals(List.of(a.teamId), strings(c, "select distinct team_id::text from contact"));
            assertEquals(List.of(a.teamId), strings(c, "select id::text from team"));
            assertEquals(List.of(), strings(c, "select id::text from contact where id = '" + theirs + "'"));

            // writes: B's rows cannot be changed or removed, and no row can be written into B
            assertEquals(0, update(c, "update contact set full_name = 'Taken over' where id = '" + theirs + "'"));
            assertEquals(0, update(c, "delete from level_change where contact_id = '" + theirs + "'"));
            SQLException refused = assertThrows(SQLException.class, () -> update(c,
                    "insert into organization (id, team_id, name, kind) values (gen_random_uuid(), '"
                            + b.teamId + "', 'Planted', 'other')"));
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            SQLException moved = assertThrows(SQLException.class, () -> update(c,
                    "update contact set team_id = '" + b.teamId + "' where id = '" + mine + "'"));
            assertTrue(moved.getMessage().contains("row-level security"), moved.getMessage());
        }
        assertEquals("Bea Theirs", AllTeams.call(() -> Arc.container().instance(jakarta.persistence.EntityManager.class)
                .get().createNativeQuery("select full_name from contact where id = cast(?1 as uuid)")
                .setParameter(1, theirs).getSingleResult()));
    }

    @Test
    void aConnectionForNoTeamFailsInsteadOfFindingNothingAndRunAsSeesOneTeam() throws SQLException {
        TestTeam a = TestTeam.create();
        TestTeam b = TestTeam.create();
        String mine = contact(a, "Alma Mine");
        contact(b, "Bea Theirs");
        // no organizer authenticated in this request, and no runAs: a statement that meets a
        // team-owned row fails, so nothing can answer "not found" because the team was not set
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("select count(*)::text from contact",
                    "select id::text from contact where id = '" + mine + "'",
                    "select count(*)::text from organizer")) {
                SQLException refused = assertThrows(SQLException.class, () -> strings(c, sql), sql);
                assertEquals("42501", refused.getSQLState(), refused.getMessage());
                assertTrue(refused.getMessage().contains("works for no team"), refused.getMessage());
            }
            SQLException write = assertThrows(SQLException.class, () -> update(c,
                    "update contact set full_name = 'Nobody' where id = '" + mine + "'"));
            assertEquals("42501", write.getSQLState(), write.getMessage());
        }
        // and in Java: loading a team-owned row by id outside any team's work is a failure, not a 404
        assertThrows(IllegalStateException.class,
                () -> TeamScoped.find(org.groundwork.contact.Contact.class, UUID.fromString(mine)));
        List<String> seen = TeamScope.runAs(UUID.fromString(a.teamId), () -> {
            try (Connection c = dataSource.getConnection()) {
                return strings(c, "select id::text from contact");
            }
        });
        assertEquals(List.of(mine), seen);
    }

    /**
     * A table added later with a team_id column fails here until its migration calls
     * gw_scope_to_team (V14_3's: a hand-written policy, or V14_1's that found nothing for a
     * connection of no team, fails too).
     */
    @Test
    void everyTableWithATeamIdHasRowLevelSecurityEnabledAndForced() throws SQLException {
        List<String> unprotected;
        try (Connection c = AllTeams.connection(dataSource)) {
            unprotected = strings(c, """
                    select c.relname || case when not c.relrowsecurity then ' (not enabled)'
                                             when not c.relforcerowsecurity then ' (not forced)'
                                             else ' (no team_scope policy from gw_scope_to_team)' end
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.relkind in ('r', 'p')
                      and (c.relname = 'team' or exists (select 1 from pg_attribute a
                              where a.attrelid = c.oid and a.attname = 'team_id' and not a.attisdropped))
                      and not (c.relrowsecurity and c.relforcerowsecurity
                               and exists (select 1 from pg_policy p where p.polrelid = c.oid
                                       and p.polname = 'team_scope'
                                       and pg_get_expr(p.polqual, p.polrelid) like '%gw_scope_team()%'
                                       and pg_get_expr(p.polwithcheck, p.polrelid) like '%gw_scope_team()%'))
                    order by 1""");
            assertFalse(strings(c, "select relname from pg_class where relname = 'contact'").isEmpty());
            // and the app's role is not exempt from them
            assertEquals(List.of("false false"), strings(c,
                    "select rolsuper || ' ' || rolbypassrls from pg_roles where rolname = current_user"));
        }
        assertEquals(List.of(), unprotected, "tables with a team_id column and no row-level security");
    }

    private static String contact(TestTeam team, String name) {
        return team.api().body(Map.of("fullName", name)).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        }
    }
}
