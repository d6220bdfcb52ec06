package org.gridgov.member.resource.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;

/**
 * Turns what a unit submits into the items of the next version of its list for a period. An item
 * keeps its id when the submission names it, or when it has the same category and title as an
 * item of the previous version; so capacity already used carries over. A revision may not set a
 * capacity below what has already been used: that would rewrite what happened.
 */
public final class ResourceListRevision {

    private ResourceListRevision() {
    }

    /** An item as submitted, with the id of the item it continues if the client knows it. */
    public record Draft(Optional<UUID> itemId, Category category, String title, int capacity, List<UUID> area) {
    }

    /**
     * @param previous the latest version's items, empty for the first version
     * @param used     capacity used so far in the period, by item id
     */
    public static List<ResourceItem> next(List<ResourceItem> previous, List<Draft> drafts, Map<UUID, Integer> used,
                                          Supplier<UUID> newId) {
        Set<UUID> seen = new HashSet<>();
        Set<String> named = new HashSet<>();
        List<ResourceItem> items = new ArrayList<>();
        for (Draft draft : drafts) {
            UUID id = continued(previous, draft).orElseGet(newId);
            // the same category and title twice could not be told apart in the next revision
            if (!seen.add(id) || !named.add(draft.category() + "/" + strip(draft.title()))) {
                throw Refusal.invalid("The list names the same resource twice: \"" + draft.title() + "\".");
            }
            int alreadyUsed = used.getOrDefault(id, 0);
            if (draft.capacity() < alreadyUsed) {
                throw Refusal.conflict("CAPACITY_BELOW_USE", "\"" + draft.title() + "\" has already been used "
                        + alreadyUsed + " times this period; its capacity cannot be lower.");
            }
            items.add(new ResourceItem(id, draft.category(), draft.title(), draft.capacity(), draft.area()));
        }
        return items;
    }

    private static Optional<UUID> continued(List<ResourceItem> previous, Draft draft) {
        if (draft.itemId().isPresent()) {
            UUID id = draft.itemId().get();
            if (previous.stream().noneMatch(item -> item.itemId().equals(id))) {
                throw Refusal.invalid("Resource " + id + " is not on the previous version of this list.");
            }
            return Optional.of(id);
        }
        String title = strip(draft.title());
        return previous.stream()
                .filter(item -> item.category() == draft.category() && item.title().equals(title))
                .map(ResourceItem::itemId)
                .findFirst();
    }

    private static String strip(String title) {
        return title == null ? "" : title.strip();
    }

    /**
     * The item a claimed wish uses: one of the wish's category serving its place with capacity
     * left, the one with the most left (ties: the first on the list).
     *
     * @param remaining capacity left by item id
     */
    public static Optional<ResourceItem> itemForWish(List<ResourceItem> items, Category category,
                                                     List<UUID> placeAndAncestors, Map<UUID, Integer> remaining) {
        ResourceItem best = null;
        for (ResourceItem item : items) {
            int left = remaining.getOrDefault(item.itemId(), item.capacity());
            if (item.category() == category && item.serves(placeAndAncestors) && left > 0
                    && (best == null || left > remaining.getOrDefault(best.itemId(), best.capacity()))) {
                best = item;
            }
        }
        return Optional.ofNullable(best);
    }
}
