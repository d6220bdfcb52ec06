package org.gridgov.gateway.resilience;

import java.io.IOException;

/**
 * The connection failed after the service's answer had begun to reach the client: not retried
 * (half an answer is already out), but still a failure of the service for its circuit breaker.
 */
class ResponseInterrupted extends IOException {

    ResponseInterrupted(Throwable cause) {
        super("the response broke off after it had started", cause);
    }
}
