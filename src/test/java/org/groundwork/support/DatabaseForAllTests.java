package org.groundwork.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the PostgreSQL test resource for every @QuarkusTest (so all share one app start). */
@QuarkusTestResource(PostgresResource.class)
public class DatabaseForAllTests {
}
