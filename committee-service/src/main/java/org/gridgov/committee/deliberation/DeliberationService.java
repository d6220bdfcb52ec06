package org.gridgov.committee.deliberation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.committee.access.CommunityAccess;
import org.gridgov.committee.deliberation.domain.Deliberation;
import org.gridgov.committee.deliberation.domain.Notice;
import org.gridgov.committee.deliberation.domain.ResolvedProject;
import org.gridgov.committee.deliberation.persistence.DeliberationStore;
import org.gridgov.committee.meeting.MeetingService;
import org.gridgov.committee.meeting.domain.Motion;
import org.gridgov.contracts.events.DisclosurePublished;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 四议两公开: the community's admins open a deliberation, take its four steps with motions their meetings decided,
 * and disclose the resolution and the implementation result, each disclosure an event in the same transaction.
 */
@Service
public record DeliberationService(DeliberationStore store, MeetingService meetings, CommunityAccess access,
                                  Outbox outbox, Clock clock) {

    public Mono<Deliberation> visible(UUID id, Caller caller) {
        return store.find(id)
                .filterWhen(deliberation -> access.canRead(caller, deliberation.communityId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("deliberation", id)));
    }

    public Mono<Deliberation> open(UUID communityId, String title, String description, List<UUID> needIds, Caller caller) {
        return access.requireAdminOf(caller, communityId)
                .then(store.needsOf(communityId, needIds).collectList().map(Set::copyOf))
                .flatMap(known -> {
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < needIds.size(); i++) {
                        if (!known.contains(needIds.get(i))) {
                            errors.add(new FieldError("needIds[" + i + "]", "no need of this community has this id"));
                        }
                    }
                    return errors.isEmpty() ? Mono.just(Deliberation.open(communityId, title, description, needIds,
                            clock.instant())) : Mono.error(ProblemException.unknownReferences(errors));
                })
                .flatMap(deliberation -> store.insert(deliberation).thenReturn(deliberation));
    }

    /** The next step, with a decided motion of a meeting of the same community; a failed motion ends the matter. */
    public Mono<Deliberation> takeStep(UUID id, UUID meetingId, UUID motionId, Caller caller) {
        return admin(id, caller)
                .flatMap(deliberation -> meetings.visibleMotion(motionId, caller)
                        .onErrorMap(ProblemException.class, e -> unknown("motionId", "no motion you may see has this id"))
                        .flatMap(found -> {
                            if (!found.meeting().id().equals(meetingId)) {
                                return Mono.error(unknown("meetingId", "the motion was not put to this meeting"));
                            }
                            if (!found.meeting().communityId().equals(deliberation.communityId())) {
                                return Mono.error(unknown("meetingId", "the meeting is another community's"));
                            }
                            Motion motion = found.motion();
                            Deliberation next = deliberation.take(meetingId, motionId, motion.status() != Motion.Status.OPEN,
                                    motion.status() == Motion.Status.PASSED, clock.instant());
                            return store.update(next, next.steps().get(next.steps().size() - 1)).thenReturn(next);
                        }));
    }

    private static ProblemException unknown(String field, String message) {
        return ProblemException.unknownReferences(List.of(new FieldError(field, message)));
    }

    /**
     * Discloses the resolution or the implementation result by hand. While projects the resolution created are under
     * way, their completion is the implementation result, so it is not disclosed by hand.
     */
    public Mono<Notice> disclose(UUID id, Deliberation.Disclosure kind, String text, Caller caller) {
        Instant at = clock.instant();
        return admin(id, caller).flatMap(deliberation -> kind == Deliberation.Disclosure.RESOLUTION
                ? publish(deliberation, kind, text, at)
                : store.projectsOf(id).collectList().flatMap(projects -> {
                    if (!projects.isEmpty() && !ResolvedProject.allCompleted(projects)) {
                        return Mono.error(Refusal.conflict("PROJECTS_UNDER_WAY", "The resolution's projects are "
                                + "still under way; the last one completed discloses the implementation result."));
                    }
                    return publish(deliberation, kind, text, at);
                }));
    }

    /** The projects the deliberation's resolution created. */
    public Flux<ResolvedProject> projectsOf(UUID id) {
        return store.projectsOf(id);
    }

    /**
     * The deliberation a new project carries out: one of the same community whose resolution is passed; the project
     * is linked to it once stored ({@link #link}).
     */
    public Mono<Deliberation> resolutionFor(UUID deliberationId, UUID communityId) {
        return store.find(deliberationId)
                .filter(deliberation -> deliberation.communityId().equals(communityId))
                .switchIfEmpty(Mono.error(() -> unknown("deliberationId", "no deliberation of this community has this id")))
                .flatMap(deliberation -> deliberation.status() == Deliberation.Status.RESOLVED
                        || deliberation.status() == Deliberation.Status.RESOLUTION_DISCLOSED ? Mono.just(deliberation)
                        : Mono.error(Refusal.conflict("NOT_RESOLVED", "The deliberation is " + deliberation.status()
                                + ": only a passed resolution, not yet carried out, creates projects.")));
    }

    public Mono<Void> link(UUID deliberationId, UUID projectId) {
        return store.link(deliberationId, projectId);
    }

    /**
     * A project was completed: when it carries out a resolution already disclosed and it was the last of that
     * resolution's projects, the implementation result is disclosed now, naming them.
     */
    public Mono<Void> projectCompleted(UUID projectId) {
        Instant at = clock.instant();
        return store.deliberationOf(projectId)
                .flatMap(store::findForUpdate)
                .filter(deliberation -> deliberation.status() == Deliberation.Status.RESOLUTION_DISCLOSED)
                .flatMap(deliberation -> store.projectsOf(deliberation.id()).collectList()
                        .filter(ResolvedProject::allCompleted)
                        .flatMap(projects -> publish(deliberation, Deliberation.Disclosure.IMPLEMENTATION_RESULT,
                                "实施结果：" + projects.stream().filter(ResolvedProject::completed)
                                        .map(project -> project.title() + " 已完成").collect(Collectors.joining("；")) + "。",
                                at)))
                .then();
    }

    private Mono<Notice> publish(Deliberation deliberation, Deliberation.Disclosure kind, String text, Instant at) {
        Deliberation disclosed = deliberation.disclose(kind);
        Notice notice = new Notice(UUID.randomUUID(), deliberation.id(), deliberation.communityId(), kind.name(),
                deliberation.title(), text, at);
        return store.update(disclosed, null).then(store.publish(notice))
                .then(outbox.append(new DisclosurePublished(notice.id(), deliberation.id(), notice.communityId(),
                        notice.kind(), notice.title(), notice.text(), at)))
                .thenReturn(notice);
    }

    /** The notice board is public, as a notice board is: any signed-in person or app reads it. */
    public Flux<Notice> noticesOf(UUID communityId) {
        return store.noticesOf(communityId);
    }

    private Mono<Deliberation> admin(UUID id, Caller caller) {
        return visible(id, caller)
                .flatMap(seen -> access.requireAdminOf(caller, seen.communityId()))
                .then(store.findForUpdate(id));
    }
}
