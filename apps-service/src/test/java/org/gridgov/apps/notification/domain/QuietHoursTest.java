package org.gridgov.apps.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    private static Instant shanghai(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void overnight_quiet_hours_hold_a_message_until_the_morning_of_the_right_day() {
        assertThat(night.heldUntil(shanghai("2026-12-06T23:30"), SHANGHAI)).contains(shanghai("2026-12-07T07:00"));
        assertThat(night.heldUntil(shanghai("2026-12-07T02:00"), SHANGHAI)).contains(shanghai("2026-12-07T07:00"));
        assertThat(night.heldUntil(shanghai("2026-12-06T22:00"), SHANGHAI)).contains(shanghai("2026-12-07T07:00"));
        assertThat(night.heldUntil(shanghai("2026-12-07T07:00"), SHANGHAI)).isEmpty();
        assertThat(night.heldUntil(shanghai("2026-12-06T21:59"), SHANGHAI)).isEmpty();
        assertThat(night.heldUntil(shanghai("2026-12-06T12:00"), SHANGHAI)).isEmpty();
    }

    @Test
    void daytime_quiet_hours_and_the_time_zone_count() {
        QuietHours nap = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(nap.heldUntil(shanghai("2026-12-06T13:00"), SHANGHAI)).contains(shanghai("2026-12-06T14:00"));
        assertThat(nap.heldUntil(shanghai("2026-12-06T14:00"), SHANGHAI)).isEmpty();
        assertThat(nap.heldUntil(shanghai("2026-12-06T11:59"), SHANGHAI)).isEmpty();
        // 05:00 UTC is 13:00 in Shanghai
        assertThat(nap.heldUntil(Instant.parse("2026-12-06T05:00:00Z"), SHANGHAI)).contains(Instant.parse("2026-12-06T06:00:00Z"));
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_inbox_is_always_among_the_channels_and_a_kind_may_choose_others() {
        Preferences p = new Preferences(Set.of(), Map.of("wish-closed-resident", Set.of(Channel.SMS)), Optional.empty());
        assertThat(p.channelsFor("wish-claimed-resident")).containsExactly(Channel.INBOX);
        assertThat(p.channelsFor("wish-closed-resident")).containsExactlyInAnyOrder(Channel.INBOX, Channel.SMS);
        assertThat(Preferences.DEFAULT.channelsFor("anything")).containsExactlyInAnyOrder(Channel.INBOX, Channel.SMS);
    }
}
