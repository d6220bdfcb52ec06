package org.gridgov.kit.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

/**
 * The id that ties together every log line of one request, across services and events. It travels
 * as the {@code X-Correlation-Id} header, in the Reactor context (mirrored to the logging MDC by
 * automatic context propagation) and as the CloudEvents extension {@code correlationid}.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String KEY = "correlationId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(
                KEY, () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
    }

    private CorrelationId() {
    }

    /** Makes sure the MDC accessor is registered before the first request. */
    public static void register() {
        // the static initialiser does the work
    }

    /** A caller-supplied id is kept only if it is short and harmless in a log line. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The correlation id of the current reactive flow, if any. */
    public static Mono<Optional<String>> current() {
        return Mono.deferContextual(ctx -> Mono.just(ctx.<String>getOrEmpty(KEY)));
    }
}
