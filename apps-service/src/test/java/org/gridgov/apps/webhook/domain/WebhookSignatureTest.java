package org.gridgov.apps.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"type\":\"org.gridgov.wish.claimed.v1\"}";
    private static final Instant SENT = Instant.parse("2026-05-01T08:00:00Z");
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    @Test
    void the_signature_is_hmac_sha256_over_the_timestamp_and_the_body() {
        // what a receiver computes with any HMAC tool: HMAC-SHA256(secret, "1777622400." + body), hex
        assertThat(WebhookSignature.sign(SECRET, SENT, BODY))
                .isEqualTo("t=1777622400,v1=12d77b4943c669ddfcb76cd0760ff6a46d06fbffb58dd4358f2388fda16225e6");
    }

    @Test
    void a_fresh_delivery_verifies() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(30), TOLERANCE)).isTrue();
    }

    @Test
    void a_replayed_delivery_older_than_the_tolerance_is_refused() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plus(TOLERANCE).plusSeconds(1), TOLERANCE)).isFalse();
    }

    @Test
    void a_changed_body_timestamp_or_secret_is_refused() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        String otherTime = header.replace("t=1777622400", "t=1777622401");

        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("claimed", "closed"), SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, otherTime, BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, SENT, TOLERANCE)).isFalse();
    }

    @Test
    void a_malformed_header_is_refused() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=soon,v1=abc", BODY, SENT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=1777622400", BODY, SENT, TOLERANCE)).isFalse();
    }
}
