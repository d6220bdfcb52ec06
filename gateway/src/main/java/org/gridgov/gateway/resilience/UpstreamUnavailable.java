package org.gridgov.gateway.resilience;

import java.util.function.Predicate;

import org.springframework.http.HttpStatusCode;

/**
 * The answers that count against a route's circuit breaker besides failed connections and
 * timeouts: a service saying it is unavailable or overloaded (502, 503, 504). Other errors (a 404,
 * a 409, even a 500 from one bad request) say nothing about whether the service is up.
 * Named in {@code application.yml} ({@code record-result-predicate}).
 */
public class UpstreamUnavailable implements Predicate<Object> {

    @Override
    public boolean test(Object result) {
        return result instanceof HttpStatusCode status
                && (status.value() == 502 || status.value() == 503 || status.value() == 504);
    }
}
