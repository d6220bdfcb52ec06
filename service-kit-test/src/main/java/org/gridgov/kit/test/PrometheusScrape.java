package org.gridgov.kit.test;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Reads a service's Prometheus scrape as Prometheus would, however large its histograms have grown. */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    public static String of(WebTestClient web) {
        return web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(-1)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
