package org.gridgov.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import reactor.core.publisher.Mono;

/**
 * The token buckets every gateway replica shares, one Redis hash per client, updated atomically
 * by {@code token-bucket.lua}. Fails fast rather than waits while Redis is away (commands are
 * rejected, not queued), so the caller can fall back at once; reconnects by itself.
 */
final class RedisTokenBuckets implements AutoCloseable {

    private static final String KEY_PREFIX = "gridgov:ratelimit:";

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final String script = readScript();
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
            new AtomicReference<>();
    private volatile String scriptDigest;

    RedisTokenBuckets(String url, Duration timeout) {
        this.uri = RedisURI.create(url);
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofSeconds(1))).build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        // connect now, so that the first request does not pay for it
        connect();
    }

    Mono<Decision> take(String client, Budget budget) {
        String[] keys = {KEY_PREFIX + client};
        String[] args = {Integer.toString(budget.capacity()), Double.toString(budget.refillPerSecond())};
        return connection().flatMap(redis -> {
            RedisAsyncCommands<String, String> commands = redis.async();
            if (scriptDigest == null) {
                scriptDigest = commands.digest(script);
            }
            // EVALSHA sends 40 bytes instead of the script; after a Redis restart it is unknown once
            return Mono.fromCompletionStage(commands.<List<Long>>evalsha(scriptDigest, ScriptOutputType.MULTI, keys, args))
                    .onErrorResume(RedisNoScriptException.class, unknown -> Mono.fromCompletionStage(
                            commands.<List<Long>>eval(script, ScriptOutputType.MULTI, keys, args)));
        }).map(reply -> reply.get(0) == 1
                ? Decision.allowed(reply.get(1))
                : Decision.refused(Duration.ofMillis(reply.get(2))));
    }

    private Mono<StatefulRedisConnection<String, String>> connection() {
        return Mono.fromFuture(connect(), true);
    }

    /** The connection, made on first use and made again after a failed attempt (once made, Lettuce keeps it up). */
    private CompletableFuture<StatefulRedisConnection<String, String>> connect() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current == null || current.isCompletedExceptionally()) {
            CompletableFuture<StatefulRedisConnection<String, String>> next =
                    client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
            current = connection.compareAndSet(current, next) ? next : connection.get();
        }
        return current;
    }

    @Override
    public void close() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().close();
        }
        client.shutdown();
        resources.shutdown();
    }

    private static String readScript() {
        try (InputStream in = RedisTokenBuckets.class.getResourceAsStream("token-bucket.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token-bucket.lua", e);
        }
    }
}
