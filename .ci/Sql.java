import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs one SQL statement and prints its rows tab-separated: the two-instance test's psql (the
 * embedded PostgreSQL binaries come without one). Run with the source launcher and the driver
 * the app ships, from its jar: java -cp target/quarkus-app/quarkus-run.jar Sql.java URL USER PASSWORD SQL
 */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement s = c.createStatement()) {
            if (!s.execute(args[3])) {
                return;
            }
            try (ResultSet rs = s.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        line.append(i > 1 ? "\t" : "").append(rs.getString(i));
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
