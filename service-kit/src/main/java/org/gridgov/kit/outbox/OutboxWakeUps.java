package org.gridgov.kit.outbox;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Tells the relay that outbox rows were committed: {@code LISTEN kit_outbox} on a connection of its
 * own, outside the pool; the kit's trigger notifies on every commit that wrote rows. A lost
 * connection is opened again with back-off; until then the relay's poll interval carries on.
 */
public class OutboxWakeUps {

    static final String CHANNEL = "kit_outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxWakeUps.class);

    private final ConnectionFactory connections;
    private volatile Disposable listening;

    /** @param connections the service's connection factory; a pool is unwrapped, so the listener holds no pooled connection */
    public OutboxWakeUps(ConnectionFactory connections) {
        this.connections = unwrapped(connections);
    }

    private static ConnectionFactory unwrapped(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner && inner != current) {
            current = inner;
        }
        return current;
    }

    void start(Runnable wakeUp) {
        listening = Mono.usingWhen(Mono.from(connections.create()),
                        connection -> listen(connection, wakeUp),
                        connection -> Mono.from(connection.close()))
                .then(Mono.error(() -> new IllegalStateException("the listening connection closed")))
                .doOnError(e -> log.debug("outbox wake-ups interrupted, relay polls until they are back: {}", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(ignored -> { }, e -> log.warn("outbox wake-ups stopped: {}", e.toString()));
    }

    private static Mono<Void> listen(Connection connection, Runnable wakeUp) {
        if (!(connection instanceof PostgresqlConnection postgres)) {
            log.info("outbox wake-ups need PostgreSQL; the relay polls");
            return Mono.never();
        }
        return postgres.createStatement("listen " + CHANNEL).execute()
                .flatMap(result -> result.getRowsUpdated())
                .then()
                // rows committed before the listener was up would otherwise wait for the poll
                .doOnSuccess(ignored -> wakeUp.run())
                .thenMany(postgres.getNotifications())
                .doOnNext(notification -> wakeUp.run())
                .then();
    }

    void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }
}
