package org.groundwork.platform;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the embedded PostgreSQL when no datasource is configured, then Quarkus.
 * Doing it before Quarkus boots lets the datasource, Flyway and Hibernate start as if the
 * server had been there all along.
 */
@QuarkusMain
public class GroundworkMain {

    static {
        // Quarkus's log manager before anything logs, as Quarkus's own launcher sets it: the app is one
        // jar (application.properties) whose entry point is this class, and the embedded database's
        // start logs before Quarkus boots; with the JDK's log manager the log format, levels and JSON
        // logging would not apply (the image's JAVA_OPTS set it too)
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
    }

    public static void main(String... args) {
        // The build starts the app once to record the class-data archive (AppCDS); Quarkus stops
        // that start before any datasource is used, so no database is needed (nor made in ~/.groundwork)
        if (!ApplicationLifecycleManager.isAppCDSGeneration()) {
            EmbeddedDatabase.startUnlessConfigured();
        }
        Quarkus.run(args);
    }
}
