package org.gridgov.kit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.gridgov.kit.test.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetFileClockTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");

    @TempDir
    Path directory;

    /** The system clock's stand-in, moved by the test. */
    private final TestClock base = new TestClock(T0);

    private OffsetFileClock clock(Path file) {
        return new OffsetFileClock(base, file, Duration.ofMillis(100));
    }

    @Test
    void without_the_file_or_with_it_empty_the_clock_is_the_base_clock() throws IOException {
        Path file = directory.resolve("offset");
        OffsetFileClock clock = clock(file);
        assertThat(clock.instant()).isEqualTo(T0);

        Files.writeString(file, " \n");
        base.advance(Duration.ofMillis(100));
        assertThat(clock.instant()).isEqualTo(T0.plusMillis(100));
    }

    @Test
    void the_clock_is_moved_by_the_duration_the_file_holds_read_again_at_most_every_recheck() throws IOException {
        Path file = directory.resolve("offset");
        Files.writeString(file, "PT31M\n");
        OffsetFileClock clock = clock(file);
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(31)));

        Files.writeString(file, "PT1H1M");
        base.advance(Duration.ofMillis(99));
        assertThat(clock.instant()).as("read 99 ms ago: not again yet").isEqualTo(T0.plusMillis(99).plus(Duration.ofMinutes(31)));
        base.advance(Duration.ofMillis(1));
        assertThat(clock.instant()).isEqualTo(T0.plusMillis(100).plus(Duration.ofMinutes(61)));
        assertThat(clock.millis()).isEqualTo(T0.plusMillis(100).plus(Duration.ofMinutes(61)).toEpochMilli());

        Files.delete(file);
        base.advance(Duration.ofMillis(100));
        assertThat(clock.instant()).as("put back: the file gone").isEqualTo(T0.plusMillis(200));
    }

    @Test
    void a_file_without_a_duration_keeps_the_offset_last_read() throws IOException {
        Path file = directory.resolve("offset");
        Files.writeString(file, "PT30M");
        OffsetFileClock clock = clock(file);
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(30)));

        Files.writeString(file, "half an hour");
        base.advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(1).plus(Duration.ofMinutes(30)));
    }

    @Test
    void a_negative_duration_moves_the_clock_back_and_the_zone_is_the_base_clocks() throws IOException {
        Path file = directory.resolve("offset");
        Files.writeString(file, "-PT2H");
        OffsetFileClock clock = clock(file);
        assertThat(clock.instant()).isEqualTo(T0.minus(Duration.ofHours(2)));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void the_kit_makes_the_services_clock_one_only_where_the_property_names_a_file() {
        DataKitAutoConfiguration kit = new DataKitAutoConfiguration();
        assertThat(kit.clock("")).isEqualTo(Clock.systemUTC());
        assertThat(kit.clock(directory.resolve("offset").toString())).isInstanceOf(OffsetFileClock.class);
    }
}
