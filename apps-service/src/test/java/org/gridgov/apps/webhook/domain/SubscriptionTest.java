package org.gridgov.apps.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final String SUBMITTED = "org.gridgov.wish.submitted.v1";
    private static final Set<String> DELIVERABLE = Set.of(SUBMITTED, "org.gridgov.wish.closed.v1");

    @Test
    void an_https_url_and_known_event_types_make_a_subscription() {
        Subscription subscription = create("https://hooks.example.org/gridgov", false);

        assertThat(subscription.url()).isEqualTo("https://hooks.example.org/gridgov");
        assertThat(subscription.eventTypes()).containsExactly(SUBMITTED);
        assertThat(subscription.status()).isEqualTo(Subscription.Status.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.org/x", "ftp://hooks.example.org/x", "https://user:pw@hooks.example.org/x",
            "https://localhost/x", "https://127.0.0.1/x", "https://10.1.2.3/x", "https://192.168.0.9/x", "https://169.254.169.254/x",
            "https://[::1]/x", "https://[fd00::1]/x", "https://wish-service.gridgov.svc/x", "not a url", "/relative"})
    void urls_outside_https_to_the_internet_are_refused(String url) {
        assertThatThrownBy(() -> create(url, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plain_http_to_this_machine_is_allowed_where_insecure_urls_are_allowed() {
        assertThat(create("http://127.0.0.1:9999/hooks", true).url()).isEqualTo("http://127.0.0.1:9999/hooks");
    }

    @Test
    void only_deliverable_event_types_can_be_subscribed_to() {
        assertThatThrownBy(() -> Subscription.create(UUID.randomUUID(), UUID.randomUUID(), "https://hooks.example.org/x",
                List.of("org.gridgov.points.awarded.v1"), DELIVERABLE, false, Instant.now()))
                .hasMessageStartingWith("Event type org.gridgov.points.awarded.v1 cannot be subscribed to");
        assertThatThrownBy(() -> Subscription.create(UUID.randomUUID(), UUID.randomUUID(), "https://hooks.example.org/x",
                List.of(), DELIVERABLE, false, Instant.now())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Subscription create(String url, boolean insecureAllowed) {
        return Subscription.create(UUID.randomUUID(), UUID.randomUUID(), url, List.of(SUBMITTED), DELIVERABLE,
                insecureAllowed, Instant.now());
    }
}
