package org.gridgov.apps.notification.persistence;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridgov.apps.notification.domain.Channel;
import org.gridgov.apps.notification.domain.Preferences;
import org.gridgov.apps.notification.domain.QuietHours;
import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** People's notification preferences (table {@code notification_preference}), by recipient key. */
@Component
public record PreferenceStore(DatabaseClient db, JsonMapper json) {

    /** The recipient's choices; empty when they never chose. */
    public Mono<Preferences> find(Recipient recipient) {
        return db.sql("select channels, by_kind::text as by_kind, quiet_from, quiet_to from notification_preference"
                        + " where recipient = :recipient")
                .bind("recipient", recipient.key())
                .map(row -> new Preferences(channels(row.get("channels", String[].class)),
                        byKind(row.get("by_kind", String.class)),
                        Optional.ofNullable(row.get("quiet_from", LocalTime.class))
                                .map(from -> new QuietHours(from, row.get("quiet_to", LocalTime.class)))))
                .one();
    }

    public Mono<Void> save(Recipient recipient, Preferences preferences, Instant at) {
        Map<String, Object> byKind = new LinkedHashMap<>();
        preferences.byKind().forEach((kind, channels) -> byKind.put(kind, names(channels)));
        var spec = db.sql("""
                        insert into notification_preference (recipient, channels, by_kind, quiet_from, quiet_to, updated_at)
                        values (:recipient, :channels, cast(:byKind as jsonb), :from, :to, :at)
                        on conflict (recipient) do update set channels = excluded.channels, by_kind = excluded.by_kind,
                            quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to, updated_at = excluded.updated_at""")
                .bind("recipient", recipient.key()).bind("channels", names(preferences.channels()).toArray(String[]::new))
                .bind("byKind", json.writeValueAsString(byKind)).bind("at", Sql.utc(at));
        spec = Sql.bindNullable(spec, "from", preferences.quietHours().map(QuietHours::from).orElse(null), LocalTime.class);
        spec = Sql.bindNullable(spec, "to", preferences.quietHours().map(QuietHours::to).orElse(null), LocalTime.class);
        return spec.fetch().rowsUpdated().then();
    }

    private Map<String, Set<Channel>> byKind(String text) {
        Map<String, Set<Channel>> byKind = new LinkedHashMap<>();
        JsonNode node = json.readTree(text);
        node.properties().forEach(entry -> {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            entry.getValue().forEach(name -> channels.add(Channel.valueOf(name.asString())));
            byKind.put(entry.getKey(), channels);
        });
        return byKind;
    }

    private static Set<Channel> channels(String[] names) {
        return Arrays.stream(names).map(Channel::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    }

    private static java.util.List<String> names(Set<Channel> channels) {
        return channels.stream().sorted().map(Channel::name).toList();
    }
}
