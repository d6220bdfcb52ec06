package org.gridgov.local.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables a service is started with. Their names are the contract with the
 * services' configuration ({@code service-kit}'s defaults and the gateway's routes).
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ServiceSpec service, PlatformAddresses addresses, long launcherPid) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("SERVER_PORT", Integer.toString(addresses.servicePorts().get(service)));
        service.database().ifPresent(database -> {
            env.put("DB_HOST", addresses.dbHost());
            env.put("DB_PORT", Integer.toString(addresses.dbPort()));
            env.put("DB_NAME", database);
            env.put("DB_USER", addresses.dbUser());
            env.put("DB_PASSWORD", addresses.dbPassword());
        });
        env.put("KAFKA_BOOTSTRAP_SERVERS", addresses.kafkaBootstrapServers());
        env.put("OIDC_ISSUER_URI", addresses.issuerUri());
        env.put("OIDC_JWKS_URI", addresses.jwksUri());
        // Every service learns every other's URL: the gateway routes to them, services may call each other.
        for (ServiceSpec other : ServiceSpec.values()) {
            other.urlVariable().ifPresent(variable -> env.put(variable, addresses.baseUrl(other)));
        }
        // /actuator/info tells the process id, so the launcher knows that it is this service answering on its port
        env.put("MANAGEMENT_INFO_PROCESS_ENABLED", "true");
        // The service exits by itself when this process is gone, even after a kill -9 of the launcher.
        env.put("GRIDGOV_PARENT_PID", Long.toString(launcherPid));
        return env;
    }
}
