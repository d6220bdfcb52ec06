package org.gridgov.kit.inbox;

/**
 * A bean that applies other services' events: it says once which types it handles and with what, and the
 * kit consumes them for it like any {@link EventHandler}.
 *
 * <pre>{@code
 * @Component
 * record CandidatesOnWishSubmitted(CandidateService candidates) implements EventSubscriber {
 *     public TypedEventHandler handlers() {
 *         return TypedEventHandler.named("candidates").on(WishSubmitted.class, this::rank);
 *     }
 * }
 * }</pre>
 */
public interface EventSubscriber {

    /** The handlers, built once when the service starts. */
    TypedEventHandler handlers();
}
