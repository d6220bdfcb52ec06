package org.gridgov.apps.notification.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A person's choices: the channels they want overall, others for some kinds of notice, and quiet hours.
 * The inbox is always on. Someone who never chose gets the inbox and text messages, at any hour.
 */
public record Preferences(Set<Channel> channels, Map<String, Set<Channel>> byKind, Optional<QuietHours> quietHours) {

    public static final Preferences DEFAULT = new Preferences(Set.of(Channel.INBOX, Channel.SMS), Map.of(), Optional.empty());

    public Preferences {
        channels = withInbox(channels);
        byKind = Map.copyOf(byKind.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, entry -> withInbox(entry.getValue()))));
    }

    /** The channels for a notice of this kind. */
    public Set<Channel> channelsFor(String kind) {
        return byKind.getOrDefault(kind, channels);
    }

    private static Set<Channel> withInbox(Set<Channel> chosen) {
        Set<Channel> all = EnumSet.of(Channel.INBOX);
        all.addAll(chosen);
        return Set.copyOf(all);
    }
}
