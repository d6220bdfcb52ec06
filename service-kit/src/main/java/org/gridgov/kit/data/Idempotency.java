package org.gridgov.kit.data;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.gridgov.kit.runtime.PeriodicTask;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a state-changing request safe to retry: the first request with a given
 * {@code Idempotency-Key} runs and its response is stored in the same transaction as its change; a
 * repeat from the same caller gets that response back (marked {@code Idempotent-Replayed: true})
 * and changes nothing, even when both arrive at once. Reusing a key for a different request is a
 * 422. Without a key the command simply runs in a transaction.
 */
public class Idempotency implements SmartLifecycle {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final PeriodicTask purge;

    public Idempotency(DatabaseClient db, TransactionalOperator tx, JsonMapper json, Duration retention) {
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.purge = new PeriodicTask("idempotency cleanup", Duration.ofMinutes(1), Duration.ofHours(1),
                () -> db.sql("delete from kit_idempotency where created_at < now() - make_interval(secs => :s)")
                        .bind("s", (double) retention.toSeconds()).fetch().rowsUpdated());
    }

    /**
     * Runs {@code command} once per (caller, key).
     *
     * @param request what identifies the request besides the key, e.g. method, path and body;
     *                a repeat whose request differs is refused
     */
    public <T> Mono<ResponseEntity<T>> once(String key, Caller caller, String request, Class<T> bodyType,
                                            Supplier<Mono<ResponseEntity<T>>> command) {
        if (key == null) {
            return tx.transactional(Mono.defer(command));
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return Mono.error(ProblemException.invalid(HEADER + " must be 1 to 255 visible ASCII characters."));
        }
        String fingerprint = sha256(request);
        Mono<ResponseEntity<T>> work = db.sql("""
                        insert into kit_idempotency (caller, key, fingerprint) values (:caller, :key, :fingerprint)
                        on conflict do nothing""")
                .bind("caller", caller.subject()).bind("key", key).bind("fingerprint", fingerprint)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? Mono.defer(command).flatMap(response -> remember(caller, key, response).thenReturn(response))
                        : replay(caller, key, fingerprint, bodyType));
        return tx.transactional(work);
    }

    /** {@link #once} for a command answered 200 with its view, e.g. the resource as the command left it. */
    public <T> Mono<ResponseEntity<T>> ok(String key, Caller caller, String request, Class<T> viewType,
                                          Supplier<Mono<T>> command) {
        return once(key, caller, request, viewType, () -> command.get().map(ResponseEntity::ok));
    }

    /**
     * {@link #once} for a command that creates something: answered 201 with its view, and the view's
     * {@code location} (its path, e.g. {@code "/api/cases/" + view.id()}) in the {@code Location} header.
     */
    public <T> Mono<ResponseEntity<T>> created(String key, Caller caller, String request, Class<T> viewType,
                                               Supplier<Mono<T>> command, Function<? super T, String> location) {
        return once(key, caller, request, viewType, () -> command.get()
                .map(view -> ResponseEntity.created(URI.create(location.apply(view))).body(view)));
    }

    private Mono<Void> remember(Caller caller, String key, ResponseEntity<?> response) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        update kit_idempotency set status = :status, body = :body, location = :location
                        where caller = :caller and key = :key""")
                .bind("status", response.getStatusCode().value())
                .bind("caller", caller.subject()).bind("key", key);
        update = response.getBody() == null ? update.bindNull("body", String.class)
                : update.bind("body", json.writeValueAsString(response.getBody()));
        URI location = response.getHeaders().getLocation();
        update = location == null ? update.bindNull("location", String.class) : update.bind("location", location.toString());
        return update.fetch().rowsUpdated().then();
    }

    private <T> Mono<ResponseEntity<T>> replay(Caller caller, String key, String fingerprint, Class<T> bodyType) {
        return db.sql("select fingerprint, status, body, location from kit_idempotency where caller = :caller and key = :key")
                .bind("caller", caller.subject()).bind("key", key)
                .map(row -> new Stored(row.get("fingerprint", String.class), row.get("status", Integer.class),
                        row.get("body", String.class), row.get("location", String.class)))
                .one()
                .map(stored -> {
                    if (!stored.fingerprint().equals(fingerprint) || stored.status() == null) {
                        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                                "This " + HEADER + " was already used for a different request.");
                    }
                    ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status())
                            .header(REPLAYED_HEADER, "true");
                    if (stored.location() != null) {
                        builder.location(URI.create(stored.location()));
                    }
                    return builder.body(stored.body() == null ? null : json.readValue(stored.body(), bodyType));
                });
    }

    private record Stored(String fingerprint, Integer status, String body, String location) {
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        purge.start();
    }

    @Override
    public void stop() {
        purge.stop();
    }

    @Override
    public boolean isRunning() {
        return purge.isRunning();
    }
}
