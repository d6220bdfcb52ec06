package org.gridgov.fieldwork.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class FieldCaseTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final UUID department = UUID.randomUUID();

    private FieldCase reported() {
        return FieldCase.report(UUID.randomUUID(), new FieldCase.Report(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Category.REPAIRS, " 管道破裂 ", 12, 0, Severity.URGENT, List.of(), CaseSource.STAFF,
                null, null, "staff-1"), T0);
    }

    @Test
    void a_referred_case_goes_through_acknowledgement_handling_and_verification_to_closed() {
        FieldCase c = reported().file(T0).refer(department, Duration.ofHours(4), T0);
        assertThat(c.progress().dueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        c = c.acknowledge(department, Duration.ofDays(2), T0.plus(Duration.ofHours(5)));
        assertThat(c.progress().acknowledgedOnTime()).isFalse();
        c = c.reportHandled(department, "修好了", T0.plus(Duration.ofDays(1)));
        assertThat(c.progress().handledOnTime()).isTrue();
        c = c.verify(true, Duration.ofDays(2), T0.plus(Duration.ofDays(1)));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.report().description()).isEqualTo("管道破裂");
    }

    @Test
    void a_failed_verification_returns_the_case_as_rework_and_a_late_rework_spoils_handled_on_time() {
        FieldCase c = reported().file(T0).refer(department, Duration.ofHours(4), T0)
                .acknowledge(department, Duration.ofDays(2), T0.plus(Duration.ofHours(1)))
                .reportHandled(department, "修好了", T0.plus(Duration.ofHours(2)))
                .verify(false, Duration.ofDays(2), T0.plus(Duration.ofHours(3)));
        assertThat(c.status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(c.progress().reworkCount()).isEqualTo(1);
        assertThat(c.progress().dueAt()).isEqualTo(T0.plus(Duration.ofHours(3)).plus(Duration.ofDays(2)));
        c = c.reportHandled(department, "再修", T0.plus(Duration.ofDays(3)));
        assertThat(c.progress().handledOnTime()).isFalse();
        assertThat(c.progress().firstHandledAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void steps_out_of_order_or_by_another_department_are_refused() {
        FieldCase filed = reported().file(T0);
        assertThatThrownBy(() -> reported().refer(department, Duration.ofHours(1), T0))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        FieldCase referred = filed.refer(department, Duration.ofHours(1), T0);
        assertThatThrownBy(() -> referred.acknowledge(UUID.randomUUID(), Duration.ofDays(1), T0))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        assertThatThrownBy(() -> referred.reportHandled(null, "我们自己修", T0))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        assertThatThrownBy(() -> reported().decline(" ", T0))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("reason"));
    }

    @Test
    void the_community_solves_a_filed_case_itself() {
        FieldCase c = reported().file(T0).reportHandled(null, "物业修复", T0.plus(Duration.ofHours(1)));
        assertThat(c.status()).isEqualTo(CaseStatus.HANDLED);
        assertThat(c.verify(false, Duration.ofDays(1), T0.plus(Duration.ofHours(2))).status()).isEqualTo(CaseStatus.FILED);
    }
}
