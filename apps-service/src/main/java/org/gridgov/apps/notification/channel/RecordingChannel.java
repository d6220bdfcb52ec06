package org.gridgov.apps.notification.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;

import org.gridgov.apps.notification.MessageChannel;
import org.gridgov.apps.notification.domain.Channel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends nothing: appends what would be sent as one JSON line to a file (the local platform's
 * {@code .local/notifications/sms.jsonl}) — the phone masked, the kind, the template's values and the filled text —
 * for a developer and the tests to read. Every kind has a template here (its zh-CN text).
 */
public record RecordingChannel(Channel channel, Path file, Clock clock, JsonMapper json) implements MessageChannel {

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public boolean sends(String kind) {
        return true;
    }

    @Override
    public Mono<Void> send(Message message) {
        String text = json.writeValueAsString(new Line(clock.instant().toString(), channel.name(), message.masked(),
                message.kind(), message.subject(), message.params(), message.text())) + "\n";
        return Mono.fromRunnable(() -> append(text)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** One line of the file: when, the channel, the masked address, and what was sent. */
    record Line(String at, String channel, String to, String kind, String subject, Map<String, String> params,
                String text) {
    }

    private synchronized void append(String line) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
