package org.gridgov.apps.webhook.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridgov.apps.app.domain.AppScopes;
import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;

/**
 * Which events an app may have delivered: those of every topic one of its scopes reads. Members' events
 * (personal: points, honours) and apps' own are never delivered. A topic added to the platform is one line here.
 */
public final class Deliverable {

    private static final Map<Topic, String> READ_SCOPE = Map.of(
            Topic.WISH_EVENTS, AppScopes.WISHES_READ,
            Topic.MATCHING_EVENTS, AppScopes.WISHES_READ,
            Topic.FIELDWORK_EVENTS, AppScopes.CASES_READ,
            Topic.COMMITTEE_EVENTS, AppScopes.PROJECTS_READ,
            Topic.GRID_EVENTS, AppScopes.GRID_RESOLVE);

    private Deliverable() {
    }

    /** The topics whose events some app may receive. */
    public static Set<Topic> topics() {
        return READ_SCOPE.keySet();
    }

    /** The scope that lets an app receive this event type; empty for a type no app receives. */
    public static Optional<String> scopeOf(String eventType) {
        return EventType.byType(eventType).map(EventType::topic).map(READ_SCOPE::get);
    }

    /** The event types an app granted these scopes may subscribe to. */
    public static Set<String> typesFor(Collection<String> scopes) {
        return Arrays.stream(EventType.values())
                .filter(type -> READ_SCOPE.containsKey(type.topic()) && scopes.contains(READ_SCOPE.get(type.topic())))
                .map(EventType::type).collect(Collectors.toUnmodifiableSet());
    }
}
