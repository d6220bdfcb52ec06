package org.gridgov.local.service;

import java.util.Map;

/** Where the infrastructure and every service listen: what the services are told through their environment. */
public record PlatformAddresses(String dbHost, int dbPort, String dbUser, String dbPassword, String kafkaBootstrapServers,
        String issuerUri, String jwksUri, Map<ServiceSpec, Integer> servicePorts) {

    public PlatformAddresses {
        servicePorts = Map.copyOf(servicePorts);
    }

    public String baseUrl(ServiceSpec service) {
        return "http://localhost:" + servicePorts.get(service);
    }
}
