package org.gridgov.identity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The one identity server of the test JVM, on real PostgreSQL: every IT extends this, so they share its context. */
@SpringBootTest(classes = IdentityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class IdentityServerTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        IdentityServer.properties(registry);
    }
}
