package org.gridgov.wish.need.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.Category;

/**
 * A need on a community's needs list (需求清单), found by grid staff through 走–看–问–听–议 and
 * possibly affecting many households; once published it is open for the yearly project matching.
 */
public record Need(UUID id, Status status, long version, UUID gridId, UUID communityId, Category category, String title,
                   Optional<String> description, int householdsAffected, Priority priority, FoundBy foundBy,
                   String recordedBy, Instant recordedAt, Optional<Instant> publishedAt) {

    public enum Status {
        RECORDED, PUBLISHED
    }

    public enum Priority {
        LOW, NORMAL, HIGH, URGENT
    }

    /** 走–看–问–听–议: walking the grid, looking, asking, listening, discussing at residents' meetings. */
    public enum FoundBy {
        WALK, LOOK, ASK, LISTEN, DISCUSS
    }

    public Need {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(foundBy, "foundBy");
        if (householdsAffected < 1) {
            throw new IllegalArgumentException("a need affects at least one household");
        }
    }

    public static Need record(UUID id, UUID gridId, UUID communityId, Category category, String title,
                              Optional<String> description, int householdsAffected, Priority priority, FoundBy foundBy,
                              String recordedBy, Instant at) {
        return new Need(id, Status.RECORDED, 1, gridId, communityId, category, title.strip(),
                description.map(String::strip), householdsAffected, priority, foundBy, recordedBy, at, Optional.empty());
    }

    /** @throws IllegalStateException when it is published already */
    public Need publish(Instant at) {
        if (status == Status.PUBLISHED) {
            throw new IllegalStateException("This need is already published.");
        }
        return new Need(id, Status.PUBLISHED, version + 1, gridId, communityId, category, title, description,
                householdsAffected, priority, foundBy, recordedBy, recordedAt, Optional.of(at));
    }
}
