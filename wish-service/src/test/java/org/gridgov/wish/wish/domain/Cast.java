package org.gridgov.wish.wish.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.Category;

/** The people a wish meets, as the domain sees them towards one wish in one community (an object mother). */
final class Cast {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final UUID UNIT_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID UNIT_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID UNIT_ELSEWHERE = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID MEMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final Placement PLACEMENT = new Placement(UUID.fromString("00000000-0000-0000-0000-000000000111"),
            UUID.fromString("00000000-0000-0000-0000-000000000011"), UUID.fromString("00000000-0000-0000-0000-000000000001"));

    static final Actor RESIDENT = actor("resident-1", ActorRole.RESIDENT);
    static final Actor OTHER_RESIDENT = actor("resident-2", ActorRole.RESIDENT);
    static final Actor GRID_STAFF = new Actor("staff-1", Set.of(ActorRole.GRID_STAFF), Optional.empty(), Optional.empty(),
            true, false, false);
    static final Actor STAFF_ELSEWHERE = actor("staff-9", ActorRole.GRID_STAFF);
    static final Actor COMMUNITY_ADMIN = new Actor("admin-1", Set.of(ActorRole.COMMUNITY_ADMIN), Optional.empty(),
            Optional.empty(), true, false, false);
    static final Actor UNIT_A_ACTOR = unit("unit-a-user", UNIT_A, true);
    static final Actor UNIT_B_ACTOR = unit("unit-b-user", UNIT_B, true);
    static final Actor UNIT_ELSEWHERE_ACTOR = unit("unit-e-user", UNIT_ELSEWHERE, false);
    static final Actor PARTY_MEMBER = new Actor("member-1", Set.of(ActorRole.PARTY_MEMBER), Optional.empty(),
            Optional.of(MEMBER), false, false, true);
    static final Actor CLIENT = actor("hotline-app", ActorRole.CLIENT);

    static final PersonalData DATA = new PersonalData(Optional.of("张三丰"), "13812345678", "太平街社区朝华新城3栋2单元501");

    private Cast() {
    }

    static Actor actor(String id, ActorRole role) {
        return new Actor(id, Set.of(role), Optional.empty(), Optional.empty(), false, false, false);
    }

    static Actor unit(String id, UUID unit, boolean servesCommunity) {
        return new Actor(id, Set.of(ActorRole.UNIT), Optional.of(unit), Optional.empty(), false, servesCommunity, false);
    }

    static Wish.Order order() {
        return new Wish.Order(Category.ELDERLY_CARE, "帮独居老人买菜", Optional.of("每周两次"), Optional.empty(), DATA);
    }

    static Wish submitted() {
        return Wish.submit(UUID.randomUUID(), RESIDENT, order(), PLACEMENT, T0).wish();
    }

    static Wish dispatched() {
        return submitted().dispatch(GRID_STAFF, List.of(UNIT_A), Optional.empty(), T0.plusSeconds(60)).wish();
    }

    static Wish claimedByUnitA() {
        return dispatched().claim(UNIT_A_ACTOR, T0.plusSeconds(120)).wish();
    }

    static Wish fulfilled() {
        return claimedByUnitA().fulfil(UNIT_A_ACTOR, "买好了", Optional.empty(), List.of(MEMBER),
                T0.plusSeconds(180)).wish();
    }

    /** The same wish, escalated by the SLA timers to {@code level} (which the timers, not commands, set). */
    static Wish escalated(Wish wish, EscalationLevel level) {
        Wish.Snapshot s = wish.snapshot();
        return Wish.restore(new Wish.Snapshot(s.id(), s.status(), s.version(), s.category(), s.title(), s.description(),
                s.wantedBy(), s.placement(), s.submitter(), s.personalData(), s.claimer(), s.candidateUnits(),
                s.servedMemberIds(), s.rating(), s.ratingComment(), s.evidenceUrl(), level, s.submittedAt(),
                s.dispatchedAt(), s.claimedAt(), s.fulfilledAt(), s.closedAt(), s.endedAt(), s.followup()));
    }
}
