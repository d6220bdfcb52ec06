package org.gridgov.committee.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.committee.access.CommunityAccess;
import org.gridgov.committee.meeting.domain.AgendaItem;
import org.gridgov.committee.meeting.domain.Choice;
import org.gridgov.committee.meeting.domain.Invitees;
import org.gridgov.committee.meeting.domain.Meeting;
import org.gridgov.committee.meeting.domain.MeetingKind;
import org.gridgov.committee.meeting.domain.Motion;
import org.gridgov.committee.meeting.persistence.MeetingStore;
import org.gridgov.contracts.events.MeetingClosed;
import org.gridgov.contracts.events.MeetingScheduled;
import org.gridgov.contracts.events.MotionDecided;
import org.gridgov.kit.domain.Quarter;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The commands of the committee's meetings, each run in the caller's transaction (the controller's idempotent
 * command) with its event in the outbox. A meeting is run by the admins of its community, and a grid briefing also
 * by the grid staff of its grid; those present vote, or the meeting's organisers record their votes.
 */
@Service
public record MeetingService(MeetingStore store, CommunityAccess access, GridTree gridTree,
                             Jurisdictions jurisdictions, QuorumRules rules, Outbox outbox, MeterRegistry meters,
                             Clock clock) {

    /** At most this many agenda items, the joint meeting's own included. */
    static final int MAX_AGENDA = 100;

    public record Scheduling(UUID communityId, UUID gridId, MeetingKind kind, String title, Instant scheduledAt,
                             String place, List<AgendaItem> agenda, Invitees invitees) {
    }

    /**
     * A meeting the caller may see: everyone in its community and every unit and party member it invites; 404 for
     * one that does not exist or that the caller may not see.
     */
    public Mono<Meeting> visible(UUID id, Caller caller) {
        return store.find(id)
                .filterWhen(meeting -> canSee(caller, meeting))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("meeting", id)));
    }

    private Mono<Boolean> canSee(Caller caller, Meeting meeting) {
        boolean invited = caller.unitId().map(meeting.invitees().eligible()::contains).orElse(false)
                || caller.memberId().map(meeting.invitees().eligible()::contains).orElse(false);
        return invited ? Mono.just(true) : access.canRead(caller, meeting.communityId());
    }

    public Mono<Meeting> schedule(Scheduling s, Caller caller) {
        Instant now = clock.instant();
        return mayOrganise(caller, s.communityId(), s.kind(), s.gridId())
                .then(checkReferences(s))
                .then(s.kind() == MeetingKind.JOINT
                        ? store.jointAgenda(s.communityId(), Quarter.of(s.scheduledAt()), now)
                                .collectList()
                        : Mono.just(List.<AgendaItem>of()))
                .map(pulledIn -> {
                    List<AgendaItem> agenda = new ArrayList<>(s.agenda());
                    agenda.addAll(pulledIn);
                    return Meeting.schedule(s.communityId(), s.gridId(), s.kind(), s.title(), s.scheduledAt(), s.place(),
                            agenda.subList(0, Math.min(agenda.size(), MAX_AGENDA)), s.invitees(), caller.subject(), now);
                })
                .flatMap(meeting -> store.insert(meeting)
                        .then(outbox.append(new MeetingScheduled(meeting.id(), meeting.communityId(), meeting.gridId(),
                                meeting.kind().name(), meeting.title(), meeting.scheduledAt(), meeting.place(),
                                meeting.invitees().unitIds(), meeting.invitees().memberIds(),
                                meeting.invitees().departmentNames(), now)))
                        .doOnSuccess(done -> meters.counter("gridgov.committee.meetings.scheduled",
                                "kind", meeting.kind().name()).increment())
                        .thenReturn(meeting));
    }

    public Mono<Meeting> recordAttendance(UUID id, List<UUID> present, List<UUID> excused, Caller caller) {
        return organised(id, caller, meeting -> store.update(meeting.recordAttendance(present, excused)));
    }

    public Mono<Meeting> writeMinutes(UUID id, String text, Caller caller) {
        return organised(id, caller, meeting -> store.update(meeting.writeMinutes(text)));
    }

    /** Closes the meeting and decides the motions still open; its record is final. */
    public Mono<Meeting> close(UUID id, Caller caller) {
        Instant at = clock.instant();
        return organised(id, caller, meeting -> store.motionsOf(id)
                .concatMap(motion -> motion.status() == Motion.Status.OPEN ? decide(meeting, motion, at) : Mono.just(motion))
                .collectList()
                .flatMap(motions -> store.update(meeting.close(at)).flatMap(closed -> outbox.append(new MeetingClosed(
                                closed.id(), closed.communityId(), closed.kind().name(),
                                closed.invitees().unitIds().stream().filter(closed.present()::contains).toList(),
                                closed.invitees().unitIds().stream().filter(closed.excused()::contains).toList(),
                                closed.absentUnits(), count(motions, Motion.Status.PASSED),
                                count(motions, Motion.Status.FAILED), at))
                        .thenReturn(closed))));
    }

    private static int count(List<Motion> motions, Motion.Status status) {
        return (int) motions.stream().filter(motion -> motion.status() == status).count();
    }

    public Mono<Motion> propose(UUID meetingId, int agendaItem, String text, Caller caller) {
        return organised(meetingId, caller, meeting -> {
            Motion motion = Motion.propose(meeting, agendaItem, text, clock.instant());
            return store.insert(motion).thenReturn(motion);
        });
    }

    /** A motion the caller may see, with its meeting. */
    public Mono<MotionOf> visibleMotion(UUID id, Caller caller) {
        return store.findMotion(id)
                .flatMap(motion -> store.find(motion.meetingId()).map(meeting -> new MotionOf(meeting, motion)))
                .filterWhen(found -> canSee(caller, found.meeting()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("motion", id)));
    }

    public record MotionOf(Meeting meeting, Motion motion) {
    }

    /** Casts (or changes) a vote: by the voter, a unit or party member present, or recorded by an organiser. */
    public record Voted(Motion motion, Map<UUID, Choice> votes) {
    }

    public Mono<Voted> vote(UUID motionId, UUID voterId, Choice choice, Caller caller) {
        return visibleMotion(motionId, caller)
                .flatMap(found -> isVoter(caller, voterId) ? Mono.just(found)
                        : isOrganiser(caller, found.meeting()).flatMap(organiser -> organiser ? Mono.just(found)
                                : Mono.error(ProblemException.forbidden(
                                        "Only the voter or the meeting's organisers record a vote."))))
                .flatMap(found -> store.findForUpdate(found.meeting().id())
                        .zipWith(store.findMotionForUpdate(motionId)))
                .flatMap(locked -> {
                    locked.getT2().admitVote(locked.getT1(), voterId);
                    return store.vote(motionId, voterId, choice, clock.instant())
                            .then(store.votes(motionId)).map(votes -> new Voted(locked.getT2(), votes));
                });
    }

    private static boolean isVoter(Caller caller, UUID voterId) {
        return (caller.has(Role.UNIT) && caller.unitId().map(voterId::equals).orElse(false))
                || (caller.has(Role.PARTY_MEMBER) && caller.memberId().map(voterId::equals).orElse(false));
    }

    public Mono<Motion> closeMotion(UUID motionId, Caller caller) {
        Instant at = clock.instant();
        return visibleMotion(motionId, caller)
                .flatMap(found -> organised(found.meeting().id(), caller, meeting -> store.findMotionForUpdate(motionId)
                        .flatMap(motion -> decide(meeting, motion, at))));
    }

    private Mono<Motion> decide(Meeting meeting, Motion motion, Instant at) {
        return store.votes(motion.id())
                .map(votes -> motion.close(meeting, votes, rules.of(meeting.kind()), at))
                .flatMap(decided -> store.decide(decided)
                        .then(outbox.append(new MotionDecided(meeting.id(), decided.id(), meeting.communityId(),
                                meeting.kind().name(), decided.status().name(), decided.tally().eligible(),
                                decided.tally().present(), decided.tally().votesFor(), decided.tally().votesAgainst(),
                                decided.tally().abstentions(), at)))
                        .doOnSuccess(done -> meters.counter("gridgov.committee.motions.decided",
                                "outcome", decided.status().name()).increment())
                        .thenReturn(decided));
    }

    /** Runs a command on the meeting, locked, if the caller organises it: 404 if not visible, 403 if not theirs. */
    private <T> Mono<T> organised(UUID id, Caller caller, Function<Meeting, Mono<T>> command) {
        return visible(id, caller)
                .flatMap(seen -> isOrganiser(caller, seen).flatMap(organiser -> organiser ? store.findForUpdate(id)
                        : Mono.error(ProblemException.forbidden("Only the meeting's organisers do this."))))
                .flatMap(command);
    }

    public Mono<Boolean> isOrganiser(Caller caller, Meeting meeting) {
        return access.isAdminOf(caller, meeting.communityId()).flatMap(admin -> admin || meeting.gridId() == null
                || meeting.kind() != MeetingKind.GRID_BRIEFING || !caller.has(Role.GRID_STAFF) ? Mono.just(admin)
                : jurisdictions.covers(caller, meeting.gridId()));
    }

    /** Admins of the community call any meeting; grid staff a briefing of their own grid. */
    private Mono<Void> mayOrganise(Caller caller, UUID communityId, MeetingKind kind, UUID gridId) {
        Mono<Void> gridChecked = gridId == null ? Mono.empty() : gridTree.find(gridId)
                .filter(node -> "GRID".equals(node.kind()) && node.isWithin(communityId))
                .switchIfEmpty(Mono.error(() -> ProblemException.unknownReferences(List.of(
                        new FieldError("gridId", "no grid of this community has this id")))))
                .then();
        if (kind == MeetingKind.GRID_BRIEFING && gridId != null && caller.has(Role.GRID_STAFF)
                && !CommunityAccess.isAdmin(caller)) {
            return jurisdictions.require(caller, gridId).then(gridChecked);
        }
        return access.requireAdminOf(caller, communityId).then(gridChecked);
    }

    /** Every unit, party member, need, wish and project the meeting names must be known to the committee's read models. */
    private Mono<Void> checkReferences(Scheduling s) {
        return Mono.zip(store.unitsOf(s.communityId(), s.invitees().unitIds()).collectList().map(Set::copyOf),
                        store.membersOf(s.communityId(), s.invitees().memberIds()).collectList().map(Set::copyOf),
                        store.needsOf(s.communityId(), refs(s.agenda(), AgendaItem.Ref.NEED)).collectList().map(Set::copyOf),
                        store.wishesOf(s.communityId(), refs(s.agenda(), AgendaItem.Ref.WISH)).collectList().map(Set::copyOf),
                        store.projectsOf(s.communityId(), refs(s.agenda(), AgendaItem.Ref.PROJECT)).collectList()
                                .map(Set::copyOf))
                .flatMap(known -> {
                    List<FieldError> errors = new ArrayList<>();
                    unknown(errors, "invitees.unitIds", s.invitees().unitIds(), known.getT1(),
                            "no member unit of this community's committee has this id");
                    unknown(errors, "invitees.memberIds", s.invitees().memberIds(), known.getT2(),
                            "no party member of this community has this id");
                    Map<AgendaItem.Ref, Set<UUID>> refs = Map.of(AgendaItem.Ref.NEED, known.getT3(),
                            AgendaItem.Ref.WISH, known.getT4(), AgendaItem.Ref.PROJECT, known.getT5());
                    for (int i = 0; i < s.agenda().size(); i++) {
                        AgendaItem item = s.agenda().get(i);
                        if (item.refId() != null && !refs.getOrDefault(item.refKind(), Set.of()).contains(item.refId())) {
                            errors.add(new FieldError("agenda[" + i + "].refId", item.refKind() == AgendaItem.Ref.OTHER
                                    ? "an item of kind OTHER names nothing"
                                    : "no " + item.refKind().name().toLowerCase() + " of this community has this id"));
                        }
                    }
                    return errors.isEmpty() ? Mono.<Void>empty() : Mono.error(ProblemException.unknownReferences(errors));
                });
    }

    private static List<UUID> refs(List<AgendaItem> agenda, AgendaItem.Ref kind) {
        return agenda.stream().filter(item -> item.refKind() == kind && item.refId() != null).map(AgendaItem::refId).toList();
    }

    private static void unknown(List<FieldError> errors, String field, List<UUID> ids, Set<UUID> known, String message) {
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", message));
            }
        }
    }

    public Flux<Meeting> inCommunity(UUID communityId, Instant from, Instant to, Caller caller) {
        return access.canRead(caller, communityId).flatMapMany(allowed -> allowed ? store.inCommunity(communityId, from, to)
                : Flux.error(ProblemException.forbidden("Only those in this community read its meetings.")));
    }

    public Flux<Motion> motionsOf(UUID meetingId) {
        return store.motionsOf(meetingId);
    }
}
