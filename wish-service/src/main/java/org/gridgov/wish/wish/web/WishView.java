package org.gridgov.wish.wish.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.wish.readmodel.MatchingCandidates;
import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.ClaimerKind;
import org.gridgov.wish.wish.domain.EscalationLevel;
import org.gridgov.wish.wish.domain.PersonalData;
import org.gridgov.wish.wish.domain.Wish;
import org.gridgov.wish.wish.domain.WishStatus;
import org.gridgov.wish.wish.persistence.WishStore;

/**
 * A wish as a caller sees it. {@code resident} is in clear only for the resident, the staff of the
 * grid and the claimer serving them ({@code masked} says which); {@code candidates} only for the
 * staff who dispatch.
 */
public record WishView(UUID id, WishStatus status, long version, Category category, String title, String description,
                       Instant wantedBy, UUID microGridId, UUID gridId, UUID communityId, Resident resident,
                       Claimer claimer, List<UUID> candidateUnits, List<UUID> servedMemberIds, Integer rating,
                       String ratingComment, String evidenceUrl, Sla sla, Instant submittedAt, Instant dispatchedAt,
                       Instant claimedAt, Instant fulfilledAt, Instant closedAt, Instant endedAt,
                       List<MatchingCandidates.Candidate> candidates) {

    public record Resident(String name, String phone, String address, boolean masked) {
    }

    public record Claimer(ClaimerKind kind, UUID id) {
    }

    /**
     * @param step    the step running against a deadline, null once the wish is final
     * @param level   who answers for the wish (GRID, or COMMUNITY / STREET once escalated)
     * @param missedDeadline some deadline of this wish has passed before its step was done
     * @param paused  the wish waits for the resident's answer (AWAITING_INFO): the deadline waits too,
     *                and moves on by the time waited once the answer comes
     */
    public record Sla(String step, Instant dueAt, EscalationLevel level, boolean escalated, boolean missedDeadline,
                      boolean paused) {
    }

    static WishView of(WishStore.Stored stored, PersonalData shown, boolean masked,
                       List<MatchingCandidates.Candidate> candidates) {
        Wish wish = stored.wish();
        return new WishView(wish.id(), wish.status(), wish.version(), wish.category(), wish.title(),
                wish.description().orElse(null), wish.wantedBy().orElse(null), wish.placement().microGridId(),
                wish.placement().gridId(), wish.placement().communityId(),
                new Resident(shown.name().orElse(null), shown.phone(), shown.address(), masked),
                wish.claimer().map(c -> new Claimer(c.kind(), c.id())).orElse(null),
                wish.candidateUnits(), wish.servedMemberIds(), wish.rating().orElse(null),
                wish.ratingComment().orElse(null), wish.evidenceUrl().orElse(null),
                new Sla(stored.slaStep().orElse(null), stored.dueAt().orElse(null), wish.level(),
                        wish.level().isEscalated(), stored.breached(), wish.status() == WishStatus.AWAITING_INFO),
                wish.submittedAt(), wish.dispatchedAt().orElse(null), wish.claimedAt().orElse(null),
                wish.fulfilledAt().orElse(null), wish.closedAt().orElse(null), wish.endedAt().orElse(null),
                candidates);
    }

    /**
     * The response to a command. It is stored for idempotent replays, so it never carries the
     * resident's personal data in clear: read the wish to see what you are allowed to.
     */
    static WishView afterCommand(WishStore.Stored stored) {
        return of(stored, stored.wish().maskedPersonalData(), true, List.of());
    }
}
