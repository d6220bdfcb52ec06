package org.gridgov.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private final PlatformAddresses addresses = new PlatformAddresses("127.0.0.1", 5433, "postgres", "secret",
            "127.0.0.1:9092", "http://127.0.0.1:8090", "http://127.0.0.1:8090/jwks",
            Map.of(ServiceSpec.GATEWAY, 8080, ServiceSpec.GRID, 8081, ServiceSpec.MEMBER, 8082,
                    ServiceSpec.WISH, 8086, ServiceSpec.MATCHING, 8084, ServiceSpec.COMMITTEE, 8087,
                    ServiceSpec.FIELDWORK, 8088));

    @Test
    void a_service_gets_its_own_database_port_and_the_shared_addresses() {
        Map<String, String> env = ServiceEnvironment.of(ServiceSpec.WISH, addresses, 4242);

        assertThat(env).containsEntry("SERVER_PORT", "8086")
                .containsEntry("DB_HOST", "127.0.0.1")
                .containsEntry("DB_PORT", "5433")
                .containsEntry("DB_NAME", "wish")
                .containsEntry("DB_USER", "postgres")
                .containsEntry("DB_PASSWORD", "secret")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("OIDC_ISSUER_URI", "http://127.0.0.1:8090")
                .containsEntry("OIDC_JWKS_URI", "http://127.0.0.1:8090/jwks")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("GRIDGOV_PARENT_PID", "4242");
    }

    @Test
    void the_gateway_learns_every_service_url_and_has_no_database() {
        Map<String, String> env = ServiceEnvironment.of(ServiceSpec.GATEWAY, addresses, 4242);

        assertThat(env).containsEntry("SERVER_PORT", "8080")
                .containsEntry("GRID_SERVICE_URL", "http://localhost:8081")
                .containsEntry("MEMBER_SERVICE_URL", "http://localhost:8082")
                .containsEntry("WISH_SERVICE_URL", "http://localhost:8086")
                .containsEntry("MATCHING_SERVICE_URL", "http://localhost:8084")
                .containsEntry("COMMITTEE_SERVICE_URL", "http://localhost:8087")
                .containsEntry("FIELDWORK_SERVICE_URL", "http://localhost:8088")
                .doesNotContainKeys("DB_HOST", "DB_NAME");
    }
}
