package org.gridgov.fieldwork.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CareWeekTest {

    private static final UUID RECIPIENT = UUID.randomUUID();
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

    private static CareContact contact(CareContact.Kind kind, String at) {
        return new CareContact(UUID.randomUUID(), RECIPIENT, kind, "carer", null, Instant.parse(at));
    }

    @Test
    void a_past_week_with_daily_care_a_home_visit_a_deed_and_the_wish_has_no_gaps() {
        List<CareContact> contacts = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            contacts.add(contact(CareContact.Kind.DAILY_CARE, MONDAY.plusDays(day) + "T09:00:00Z"));
        }
        contacts.add(contact(CareContact.Kind.HOME_VISIT, "2026-03-04T10:00:00Z"));
        contacts.add(contact(CareContact.Kind.MONTHLY_DEED, "2026-03-01T10:00:00Z"));
        contacts.add(contact(CareContact.Kind.YEARLY_WISH, "2026-01-15T10:00:00Z"));

        CareWeek week = CareWeek.of(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-01-01"), contacts,
                LocalDate.parse("2026-03-20"));

        assertThat(week.monday()).isEqualTo(MONDAY);
        assertThat(week.daysDue()).isEqualTo(7);
        assertThat(week.daysCaredFor()).isEqualTo(7);
        assertThat(week.gaps()).isEmpty();
    }

    @Test
    void the_current_week_counts_only_the_days_so_far_and_since_registration() {
        List<CareContact> contacts = List.of(contact(CareContact.Kind.DAILY_CARE, "2026-03-04T09:00:00Z"),
                contact(CareContact.Kind.DAILY_CARE, "2026-03-04T18:00:00Z"));

        CareWeek week = CareWeek.of(MONDAY, LocalDate.parse("2026-03-03"), contacts, LocalDate.parse("2026-03-04"));

        assertThat(week.daysDue()).as("Tuesday and Wednesday").isEqualTo(2);
        assertThat(week.daysCaredFor()).as("two contacts, one day").isEqualTo(1);
        assertThat(week.gaps()).containsExactly(CareContact.Kind.DAILY_CARE, CareContact.Kind.HOME_VISIT,
                CareContact.Kind.MONTHLY_DEED, CareContact.Kind.YEARLY_WISH);
    }

    @Test
    void last_months_deed_and_last_years_wish_do_not_count() {
        List<CareContact> contacts = List.of(contact(CareContact.Kind.MONTHLY_DEED, "2026-02-27T09:00:00Z"),
                contact(CareContact.Kind.YEARLY_WISH, "2025-12-30T09:00:00Z"));

        CareWeek week = CareWeek.of(MONDAY, LocalDate.parse("2025-01-01"), contacts, LocalDate.parse("2026-03-10"));

        assertThat(week.monthlyDeed()).isFalse();
        assertThat(week.yearlyWish()).isFalse();
    }

    @Test
    void a_week_before_registration_has_nothing_due() {
        CareWeek week = CareWeek.of(MONDAY, LocalDate.parse("2026-04-01"), List.of(), LocalDate.parse("2026-04-02"));

        assertThat(week.daysDue()).isZero();
        assertThat(week.gaps()).isEmpty();
    }
}
