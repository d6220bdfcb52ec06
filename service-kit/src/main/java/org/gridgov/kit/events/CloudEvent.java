package org.gridgov.kit.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudEvents 1.0 event as GridGov services exchange it: {@code type} is
 * {@code org.gridgov.<aggregate>.<event>.v<N>}, {@code source} the producing service,
 * {@code subject} the aggregate id (also the Kafka key), {@code data} JSON.
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time,
                         Optional<String> correlationId, String data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        correlationId = correlationId == null ? Optional.empty() : correlationId;
    }

    /** The correlation id its effects carry on: the one it came with, or else its own id. */
    public String correlation() {
        return correlationId.orElse(id);
    }
}
