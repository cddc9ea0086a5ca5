package org.groundwork.archive;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive's one list against the migrated schema: every table with a team_id is archived
 * or deliberately left out, and every column of an archived table is archived or deliberately
 * left out. A migration that adds team data fails here until the archive says what to do with it.
 */
@QuarkusTest
class ArchiveFormatTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyTeamTableAndColumnIsArchivedOrLeftOutOnPurpose() throws SQLException {
        Set<String> teamTables = new TreeSet<>(strings("select table_name from information_schema.columns "
                + "where table_schema = 'public' and column_name = 'team_id'"));
        Set<String> accounted = new TreeSet<>(ArchiveFormat.TABLES_LEFT_OUT.keySet());
        ArchiveFormat.TABLES.forEach(t -> accounted.add(t.name()));
        accounted.remove("team");
        assertEquals(teamTables, accounted, "tables with a team_id: archived or left out in ArchiveFormat");
        for (ArchiveFormat.Table t : ArchiveFormat.TABLES) {
            Set<String> columns = new TreeSet<>(strings("select column_name from information_schema.columns "
                    + "where table_schema = 'public' and table_name = '" + t.name() + "'"));
            Set<String> listed = new TreeSet<>(t.columns());
            listed.addAll(ArchiveFormat.COLUMNS_LEFT_OUT.getOrDefault(t.name(), List.of()));
            assertEquals(columns, listed, "the columns of " + t.name());
            assertEquals(t.columns().size(), new TreeSet<>(t.columns()).size(), "no column twice in " + t.name());
        }
        assertTrue(ArchiveFormat.TABLES.get(0).name().equals("team"), "the team comes first");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
