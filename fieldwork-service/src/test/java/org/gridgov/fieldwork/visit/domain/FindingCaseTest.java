package org.gridgov.fieldwork.visit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class FindingCaseTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private static final Visit VISIT = Visit.record(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "staff-1",
            Visit.Kind.ROUTINE, "走访", List.of("水管漏水", " 楼道灯不亮 "), NOW, NOW);

    @Test
    void a_finding_without_a_description_is_described_as_it_was_written() {
        FindingCase made = FindingCase.of(VISIT, 1, null, null);
        assertThat(made.visitId()).isEqualTo(VISIT.id());
        assertThat(made.finding()).isEqualTo(1);
        assertThat(made.description()).isEqualTo("楼道灯不亮");
        assertThat(FindingCase.of(VISIT, 1, "  ", null).description()).isEqualTo("楼道灯不亮");
    }

    @Test
    void a_description_given_is_the_cases() {
        assertThat(FindingCase.of(VISIT, 0, " 水管爆裂 ", null).description()).isEqualTo("水管爆裂");
    }

    @Test
    void a_finding_the_visit_has_not_is_not_found() {
        for (int position : new int[] {-1, 2}) {
            assertThatThrownBy(() -> FindingCase.of(VISIT, position, null, null)).isInstanceOfSatisfying(Refusal.class,
                    r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        }
    }

    @Test
    void a_finding_is_made_a_case_once_and_the_refusal_names_that_case() {
        UUID existing = UUID.randomUUID();
        assertThatThrownBy(() -> FindingCase.of(VISIT, 1, null, existing)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
            assertThat(r.code()).isEqualTo("FINDING_FILED");
            assertThat(r.getMessage()).contains(existing.toString());
        });
    }
}
