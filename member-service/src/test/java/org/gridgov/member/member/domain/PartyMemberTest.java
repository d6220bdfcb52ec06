package org.gridgov.member.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class PartyMemberTest {

    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    private static PartyMember member(MemberKind kind) {
        return new PartyMember(UUID.randomUUID(), "陈志强", kind, UUID.randomUUID(), Optional.of(UUID.randomUUID()),
                Optional.empty(), Optional.empty(), NOW);
    }

    @Test
    void an_in_service_member_dual_reports_to_a_community_which_they_then_serve() {
        UUID home = UUID.randomUUID();
        PartyMember reported = member(MemberKind.IN_SERVICE).dualReport(home, " 区税务局 ", Optional.empty(), false, NOW);
        assertThat(reported.communityId()).isEqualTo(home);
        assertThat(reported.gridId()).as("a grid of another community no longer applies").isEmpty();
        assertThat(reported.dualReport()).get().extracting(PartyMember.DualReport::workUnit).isEqualTo("区税务局");
        assertThat(reported.alreadyReported(home, "区税务局", Optional.empty())).isTrue();
        assertThat(reported.alreadyReported(home, "区教委", Optional.empty())).isFalse();
    }

    @Test
    void only_in_service_members_dual_report() {
        assertThatThrownBy(() -> member(MemberKind.RETIRED).dualReport(UUID.randomUUID(), "区税务局", Optional.empty(), true, NOW))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo("NOT_IN_SERVICE"));
    }

    @Test
    void a_service_record_is_decided_once() {
        ServiceRecord record = ServiceRecord.record(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("1.5"),
                LocalDate.of(2026, 6, 30), Optional.empty(), Optional.of("清扫楼道"), LocalDate.of(2026, 7, 1), NOW);
        ServiceRecord approved = record.decide(true);
        assertThat(approved.status()).isEqualTo(ServiceRecord.Status.APPROVED);
        assertThatThrownBy(() -> approved.decide(false)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ServiceRecord.record(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("1.25"),
                LocalDate.of(2026, 6, 30), Optional.empty(), Optional.of("清扫楼道"), LocalDate.of(2026, 7, 1), NOW))
                .isInstanceOf(Refusal.class);
    }
}
