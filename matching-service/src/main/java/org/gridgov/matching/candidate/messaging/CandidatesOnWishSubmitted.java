package org.gridgov.matching.candidate.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.matching.candidate.CandidateService;
import org.gridgov.matching.candidate.CandidateSettings;
import org.gridgov.matching.candidate.SubmittedWish;
import org.gridgov.contracts.Category;
import org.gridgov.matching.readmodel.EventData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Ranks and publishes the candidates of every wish as soon as it is submitted (居民点单 → candidates for 网格派单). */
@Component
class CandidatesOnWishSubmitted implements EventHandler {

    private final CandidateService candidates;
    private final CandidateSettings settings;
    private final Clock clock;
    private final JsonMapper json;

    CandidatesOnWishSubmitted(CandidateService candidates, CandidateSettings settings, Clock clock, JsonMapper json) {
        this.candidates = candidates;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public String name() {
        return "candidates";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.WISH_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        if (!EventType.WISH_SUBMITTED.type().equals(event.type())) {
            return Mono.empty();
        }
        EventData data = EventData.of(json, event);
        SubmittedWish wish = new SubmittedWish(data.uuid("wishId"), Category.valueOf(data.text("category")),
                data.uuid("communityId"), data.uuid("gridId"), data.uuid("microGridId"),
                Instant.parse(data.text("occurredAt")));
        if (wish.submittedAt().isBefore(clock.instant().minus(settings.rankWithin()))) {
            // a replay into an empty database: ranking it now would publish stale candidates over the real ones
            return Mono.empty();
        }
        return candidates.rankAndPublish(wish).then();
    }
}
