package org.gridgov.fieldwork.care.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class CareRecipientTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final UUID MEMBER = UUID.randomUUID();

    private static CareRecipient recipient() {
        return CareRecipient.register(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(CareGroup.ELDERLY_ALONE), List.of("staff-li", MEMBER.toString()), "staff-li", NOW);
    }

    @Test
    void the_first_home_visit_is_due_a_week_after_registration() {
        assertThat(recipient().visitDueAt()).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        assertThat(recipient().missed(Instant.parse("2026-03-09T07:59:59Z"))).isEmpty();
    }

    @Test
    void a_first_missed_week_reminds_and_the_next_one_escalates_until_a_visit() {
        CareRecipient.Missed first = recipient().missed(Instant.parse("2026-03-09T09:00:00Z")).orElseThrow();
        assertThat(first.alert()).isEqualTo(CareRecipient.Alert.REMINDER);
        assertThat(first.recipient().visitDueAt()).isEqualTo(Instant.parse("2026-03-16T08:00:00Z"));

        CareRecipient.Missed second = first.recipient().missed(Instant.parse("2026-03-16T09:00:00Z")).orElseThrow();
        assertThat(second.alert()).isEqualTo(CareRecipient.Alert.ESCALATION);
        assertThat(second.recipient().missedInARow()).isEqualTo(2);

        CareRecipient visited = second.recipient().visited(Instant.parse("2026-03-17T10:00:00Z"));
        assertThat(visited.missedInARow()).isZero();
        assertThat(visited.visitDueAt()).isEqualTo(Instant.parse("2026-03-24T10:00:00Z"));
    }

    @Test
    void carers_are_known_by_subject_or_member_id() {
        assertThat(recipient().caredForBy("staff-li", Optional.empty())).isTrue();
        assertThat(recipient().caredForBy("member-x", Optional.of(MEMBER))).isTrue();
        assertThat(recipient().caredForBy("staff-wang", Optional.of(UUID.randomUUID()))).isFalse();
    }

    @Test
    void bad_groups_or_carers_are_refused_naming_the_field() {
        assertThatThrownBy(() -> CareRecipient.register(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(), List.of("staff-li"), "staff-li", NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("groups"));
        assertThatThrownBy(() -> CareRecipient.register(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(CareGroup.DISABLED), List.of("staff-li", "staff-li"), "staff-li", NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("carers[1]"));
    }

    @Test
    void its_text_never_shows_the_groups() {
        assertThat(recipient().toString()).doesNotContain("ELDERLY_ALONE", "staff-li");
    }
}
