package org.gridgov.kit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clock a test platform moves from outside the service: the base clock plus the ISO-8601 duration a file holds
 * (e.g. {@code PT31M}), the file re-read at most every {@code recheck}; a missing or empty file is no offset, and a file
 * that does not hold a duration keeps the offset last read (a warning says so). The kit makes the service's single
 * {@link Clock} one only when {@code gridgov.clock.offset-file} is set — nothing to switch off where it is not.
 */
public final class OffsetFileClock extends Clock {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetFileClock.class);

    private record Reading(Duration offset, long readAtMillis) {
    }

    private final Clock base;
    private final Path file;
    private final long recheckMillis;
    private volatile Reading last;

    public OffsetFileClock(Clock base, Path file, Duration recheck) {
        this.base = base;
        this.file = file;
        this.recheckMillis = recheck.toMillis();
    }

    private OffsetFileClock(Clock base, OffsetFileClock same) {
        this(base, same.file, Duration.ofMillis(same.recheckMillis));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset());
    }

    /** The offset the file holds now (as last read, if that was less than {@code recheck} ago). */
    public Duration offset() {
        long now = base.millis();
        Reading reading = last;
        if (reading == null || now - reading.readAtMillis() >= recheckMillis || now < reading.readAtMillis()) {
            reading = new Reading(read(reading == null ? Duration.ZERO : reading.offset()), now);
            last = reading;
        }
        return reading.offset();
    }

    private Duration read(Duration previous) {
        Duration offset;
        try {
            String text = Files.readString(file).strip();
            offset = text.isEmpty() ? Duration.ZERO : Duration.parse(text);
        } catch (NoSuchFileException e) {
            offset = Duration.ZERO;
        } catch (IOException | DateTimeParseException e) {
            LOG.warn("{} holds no ISO-8601 duration ({}); the clock keeps its offset of {}.", file, e.getMessage(), previous);
            return previous;
        }
        if (!offset.equals(previous)) {
            LOG.warn("The clock is {} off the system clock (the offset in {}).", offset, file);
        }
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(base.getZone()) ? this : new OffsetFileClock(base.withZone(zone), this);
    }
}
