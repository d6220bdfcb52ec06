package org.gridgov.apps.webhook.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/** An app's webhook: which event types to deliver to which URL. */
public record Subscription(UUID id, UUID appId, String url, List<String> eventTypes, Status status, Instant createdAt) {

    public static final int MAX_URL = 500;
    private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

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
            if (!insecureAllowed && isInternal(uri.getHost())) {
                throw new IllegalArgumentException("url must reach the app on the internet, not this platform's own network.");
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

    /**
     * A host written as this machine or a private, loopback or link-local address: deliveries must
     * not become a way into the platform's own network. (Names are not resolved here; the cluster's
     * egress policy is the rest of that defence.)
     */
    static boolean isInternal(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost") || name.toLowerCase(Locale.ROOT).endsWith(".localhost")
                || name.toLowerCase(Locale.ROOT).endsWith(".svc") || name.toLowerCase(Locale.ROOT).contains(".svc.")) {
            return true;
        }
        if (!LITERAL_ADDRESS.matcher(name).matches()) {
            return false;
        }
        try {
            // a literal address: no lookup happens
            InetAddress address = InetAddress.getByName(name);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()
                    || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
