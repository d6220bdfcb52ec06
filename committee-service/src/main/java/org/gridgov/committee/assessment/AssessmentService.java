package org.gridgov.committee.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.gridgov.committee.access.CommunityAccess;
import org.gridgov.committee.assessment.domain.YearEndAssessment;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Result;
import org.gridgov.committee.assessment.persistence.AssessmentStore;
import org.gridgov.committee.assessment.domain.AssessmentVersion;
import org.gridgov.contracts.events.AssessmentComputed;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Computes a community's year-end assessment (年底考核) from its projects and freezes it as a version with
 * its {@code assessment.computed} event; computing again when nothing changed gives the same version back.
 */
@Service
public record AssessmentService(AssessmentStore store, CommunityAccess access, Outbox outbox, Clock clock) {

    /** The version computed, and whether it is new (false: the latest version already said the same). */
    public record Computed(AssessmentVersion version, boolean created) {
    }

    public Mono<Computed> compute(UUID communityId, int year, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (year > today.getYear()) {
            return Mono.error(ProblemException.invalidField("year", "The year " + year + " has not begun."));
        }
        LocalDate cutoff = today.getYear() > year ? LocalDate.of(year + 1, 1, 1) : today;
        return access.requireAdminOf(caller, communityId)
                .then(store.lock(communityId, year))
                .then(store.figures(communityId, year, cutoff).collectList())
                .map(YearEndAssessment::assessAll)
                .flatMap(units -> store.latest(communityId, year)
                        .map(latest -> latest.fingerprint().equals(fingerprint(units))
                                ? Mono.just(new Computed(latest, false))
                                : freeze(communityId, year, latest.version() + 1, units, now, caller))
                        .defaultIfEmpty(Mono.defer(() -> freeze(communityId, year, 1, units, now, caller)))
                        .flatMap(computed -> computed));
    }

    private Mono<Computed> freeze(UUID communityId, int year, int number, List<Result> units, Instant now, Caller caller) {
        AssessmentVersion version = new AssessmentVersion(UUID.randomUUID(), communityId, year, number, YearEndAssessment.RULE,
                fingerprint(units), now, IntStream.range(0, units.size())
                        .mapToObj(i -> new AssessmentVersion.Placed(i + 1, units.get(i))).toList());
        return store.insert(version, caller.subject())
                .then(outbox.append(new AssessmentComputed(version.id(), communityId, year, number, version.rule(),
                        units.stream().map(unit -> new AssessmentComputed.Unit(unit.figures().unitId(), unit.score(),
                                AssessmentComputed.Band.valueOf(unit.band().name()))).toList(), now)))
                .thenReturn(new Computed(version, true));
    }

    private static String fingerprint(List<Result> units) {
        return YearEndAssessment.RULE + units.stream().map(unit -> unit.figures() + "=" + unit.score())
                .collect(Collectors.joining(";"));
    }

    /**
     * The latest version, as the caller may see it: the community's admins every unit, a member unit its
     * own row only; 404 before the first computation.
     */
    public Mono<AssessmentVersion> latest(UUID communityId, int year, Caller caller) {
        return access.isAdminOf(caller, communityId).flatMap(admin -> {
            if (admin) {
                return store.latest(communityId, year);
            }
            return access.requireUnitIn(caller, communityId)
                    .flatMap(unit -> store.latest(communityId, year).map(version -> version.onlyUnit(unit)));
        }).switchIfEmpty(Mono.error(() -> ProblemException.notFound("assessment of community " + communityId
                + " for year", year)));
    }
}
