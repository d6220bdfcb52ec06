package org.gridgov.wish.webhook.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An app's webhook: which event types to deliver to which URL. */
public record Subscription(UUID id, UUID appId, String url, List<String> eventTypes, Status status, Instant createdAt) {

    public static final int MAX_URL = 500;

    public enum Status { ACTIVE, DELETED }

    public Subscription {
        eventTypes = List.copyOf(eventTypes);
    }

    /**
     * @param deliverable the event types an app may subscribe to
     * @param insecureAllowed whether plain http (and so a receiver on this machine) is acceptable: tests and local runs only
     * @throws IllegalArgumentException with a message for the app developer
     */
    public static Subscription create(UUID id, UUID appId, String url, Collection<String> eventTypes, Set<String> deliverable,
                                      boolean insecureAllowed, Instant at) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new IllegalArgumentException("url must be an absolute https URL of at most " + MAX_URL + " characters.");
        }
        try {
            URI uri = new URI(url.strip());
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean http = "http".equalsIgnoreCase(uri.getScheme());
            if (uri.getHost() == null || uri.getUserInfo() != null || !(https || (http && insecureAllowed))) {
                throw new IllegalArgumentException("url must be an absolute https URL without credentials in it.");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL.");
        }
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new IllegalArgumentException("eventTypes must name at least one event type.");
        }
        for (String type : eventTypes) {
            if (!deliverable.contains(type)) {
                throw new IllegalArgumentException("Event type " + type + " cannot be subscribed to; these can: "
                        + String.join(", ", new TreeSet<>(deliverable)) + ".");
            }
        }
        return new Subscription(id, appId, url.strip(), List.copyOf(new TreeSet<>(eventTypes)), Status.ACTIVE, at);
    }
}
