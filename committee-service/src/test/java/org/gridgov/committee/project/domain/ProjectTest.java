package org.gridgov.committee.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Quarter;
import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private final UUID unit = UUID.randomUUID();
    private final UUID otherUnit = UUID.randomUUID();

    private Project open() {
        return Project.open(UUID.randomUUID(), 2026, "楼道照明", Category.SAFETY, null, List.of(), null, NOW);
    }

    @Test
    void an_open_project_is_claimed_once_and_a_second_claim_is_a_conflict() {
        Project claimed = open().claim(unit, NOW);
        assertThat(claimed.status()).isEqualTo(ProjectStatus.CLAIMED);
        assertThat(claimed.unitId()).isEqualTo(unit);
        assertThatThrownBy(() -> claimed.claim(otherUnit, NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void only_the_holding_unit_declines_signs_and_delivers() {
        Project offered = Project.offered(UUID.randomUUID(), 2026, "助老", Category.ELDERLY_CARE, List.of(), unit, null, NOW);
        assertThatThrownBy(() -> offered.sign(otherUnit, NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        Project declined = offered.decline(unit, NOW);
        assertThat(declined.status()).isEqualTo(ProjectStatus.OPEN);
        assertThat(declined.unitId()).isNull();
    }

    @Test
    void a_signed_project_progresses_forward_only_and_completes_then_its_review_closes_it() {
        Project signed = open().claim(unit, NOW).sign(unit, NOW);
        Project half = signed.progress(unit, 50, NOW);
        assertThatThrownBy(() -> half.progress(unit, 40, NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("percent"));
        assertThat(half.review(NOW).status()).isEqualTo(ProjectStatus.SIGNED);
        Project completed = half.complete(unit, NOW);
        assertThat(completed.percent()).isEqualTo(100);
        assertThat(completed.review(NOW).status()).isEqualTo(ProjectStatus.REVIEWED_FINAL);
        assertThatThrownBy(() -> completed.review(NOW).review(NOW)).isInstanceOf(Refusal.class);
    }

    @Test
    void an_admin_cancels_an_unsettled_project_with_a_reason_and_a_settled_one_is_a_conflict() {
        Project signed = open().claim(unit, NOW).sign(unit, NOW);
        assertThatThrownBy(() -> signed.cancel(" ", NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("reason"));
        Project cancelled = signed.cancel(" 资金未落实 ", NOW);
        assertThat(cancelled.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("资金未落实");
        assertThat(cancelled.unitId()).as("who held it stays on record").isEqualTo(unit);
        assertThat(cancelled.revision()).isEqualTo(signed.revision() + 1);
        assertThat(cancelled.status().isHeld()).as("no longer counts against the unit's quota").isFalse();
        assertThat(open().cancel("重复立项", NOW).status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThatThrownBy(() -> cancelled.cancel("again", NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        assertThatThrownBy(() -> signed.complete(unit, NOW).review(NOW).cancel("too late", NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void every_command_counts_a_revision_so_the_store_accepts_only_the_first_of_two_racing_writes() {
        Project project = open();
        assertThat(project.claim(unit, NOW).revision()).isEqualTo(project.revision() + 1);
    }

    @Test
    void an_agreement_needs_a_signatory_commitments_and_milestones_due_in_the_projects_year_or_the_next() {
        Project project = open();
        List<Milestone> ok = List.of(new Milestone("完成", LocalDate.of(2026, 9, 30), null));
        assertThatThrownBy(() -> Agreement.draft(project, unit, " ", "x", ok, NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("signatory"));
        assertThatThrownBy(() -> Agreement.draft(project, unit, "王", "x",
                List.of(new Milestone("太早", LocalDate.of(2025, 12, 31), null)), NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("milestones[0].dueDate"));
        Agreement agreement = Agreement.draft(project, unit, "王建国", "x", ok, NOW).numbered(7, 2026);
        assertThat(agreement.number()).isEqualTo("2026-007");
        assertThat(agreement.maskedSignatory()).isEqualTo("王**");
    }

    @Test
    void a_milestone_reached_on_its_due_day_is_on_time_and_the_day_after_is_late() {
        LocalDate due = LocalDate.of(2026, 6, 30);
        assertThat(new Milestone("m", due, Instant.parse("2026-06-30T23:00:00Z")).reachedOnTime()).isTrue();
        assertThat(new Milestone("m", due, Instant.parse("2026-07-01T00:00:01Z")).reachedOnTime()).isFalse();
        assertThat(new Milestone("m", due, null).reachedOnTime()).isFalse();
    }

    @Test
    void a_quarter_is_written_like_2026Q3() {
        assertThat(Quarter.parse("2026Q3")).isEqualTo(new Quarter(2026, 3));
        assertThatThrownBy(() -> Quarter.parse("2026Q5")).isInstanceOf(Refusal.class);
    }
}
