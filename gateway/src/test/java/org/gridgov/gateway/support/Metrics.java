package org.gridgov.gateway.support;

import java.util.Optional;

import org.gridgov.kit.test.PrometheusScrape;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reads the gateway's Prometheus scrape as an operator's dashboard would. */
public final class Metrics {

    private Metrics() {
    }

    public static String scrape(WebTestClient web) {
        return PrometheusScrape.of(web);
    }

    /** The state ("closed", "open", "half_open" …) a route's circuit breaker reports. */
    public static Optional<String> breakerState(WebTestClient web, String breaker) {
        return scrape(web).lines()
                .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{"))
                .filter(line -> line.contains("name=\"" + breaker + "\"") && line.endsWith(" 1.0"))
                .map(line -> line.replaceAll(".*state=\"([a-z_]+)\".*", "$1"))
                .findFirst();
    }
}
