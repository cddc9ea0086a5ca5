package org.groundwork.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Registers the PostgreSQL test resource for every @QuarkusTest (so all share one app start).
 * GLOBAL keeps what the deprecated @QuarkusTestResource did by default
 * (restrictToAnnotatedClass = false): the resource applies to every test class, not only this one.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
public class DatabaseForAllTests {
}
