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

    public static void main(String... args) {
        // The build starts the app once to record the class-data archive (AppCDS); Quarkus stops
        // that start before any datasource is used, so no database is needed (nor made in ~/.groundwork)
        if (!ApplicationLifecycleManager.isAppCDSGeneration()) {
            EmbeddedDatabase.startUnlessConfigured();
        }
        Quarkus.run(args);
    }
}
