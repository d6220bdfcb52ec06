package org.gridgov.wish.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.WishStatus;

/**
 * How long each step may take, per category (a broken lift is more urgent than a book donation),
 * when to remind before a deadline, and how long each escalated level gets before the next one
 * (GRID → COMMUNITY → STREET).
 */
public final class SlaPolicy {

    /**
     * Step durations; in an override, a {@code null} keeps the default.
     *
     * @param fulfil        used when the resident gave no {@code wantedBy}
     * @param escalateAfter how long an escalated level has before the wish goes one level higher
     */
    public record Deadlines(Duration dispatch, Duration claim, Duration fulfil, Duration close, Duration escalateAfter) {

        Deadlines over(Deadlines defaults) {
            return new Deadlines(dispatch != null ? dispatch : defaults.dispatch,
                    claim != null ? claim : defaults.claim,
                    fulfil != null ? fulfil : defaults.fulfil,
                    close != null ? close : defaults.close,
                    escalateAfter != null ? escalateAfter : defaults.escalateAfter);
        }

        Duration of(SlaStep step) {
            return switch (step) {
                case DISPATCH -> dispatch;
                case CLAIM -> claim;
                case FULFIL -> fulfil;
                case CLOSE -> close;
            };
        }
    }

    private final Deadlines defaults;
    private final Map<Category, Deadlines> byCategory = new EnumMap<>(Category.class);
    private final double reminderShare;

    /**
     * @param reminderShare the share of a step's time left when the reminder goes out (0.2: with a
     *                      fifth of the time left)
     */
    public SlaPolicy(Deadlines defaults, Map<Category, Deadlines> overrides, double reminderShare) {
        Objects.requireNonNull(defaults, "defaults");
        for (SlaStep step : SlaStep.values()) {
            requirePositive(defaults.of(step), step.name());
        }
        requirePositive(defaults.escalateAfter(), "escalateAfter");
        if (!(reminderShare > 0 && reminderShare < 1)) {
            throw new IllegalArgumentException("the reminder share must lie between 0 and 1");
        }
        this.defaults = defaults;
        overrides.forEach((category, deadlines) -> byCategory.put(category, deadlines.over(defaults)));
        byCategory.values().forEach(deadlines -> {
            for (SlaStep step : SlaStep.values()) {
                requirePositive(deadlines.of(step), step.name());
            }
            requirePositive(deadlines.escalateAfter(), "escalateAfter");
        });
        this.reminderShare = reminderShare;
    }

    public Deadlines deadlinesFor(Category category) {
        return byCategory.getOrDefault(category, defaults);
    }

    /**
     * The deadline of the step a wish waits in from {@code at}, none for a final status. Fulfilment
     * is due by the date the resident wanted it, when they gave one that still lies ahead.
     */
    public Optional<Deadline> deadlineFor(WishStatus status, Category category, Optional<Instant> wantedBy, Instant at) {
        return SlaStep.waitingIn(status).map(step -> {
            Instant due = step == SlaStep.FULFIL && wantedBy.filter(at::isBefore).isPresent()
                    ? wantedBy.get()
                    : at.plus(deadlinesFor(category).of(step));
            return deadline(step, at, due);
        });
    }

    /** What the timer does at {@code now}: nothing yet, remind, escalate, or note the last missed deadline. */
    public SlaFiring fire(SlaTimer timer, Instant now) {
        Deadline deadline = timer.deadline();
        if (now.isBefore(timer.nextFireAt())) {
            return new SlaFiring(Optional.empty(), Optional.of(timer), false);
        }
        if (now.isBefore(deadline.dueAt())) {
            SlaAlert reminder = new SlaAlert(SlaAlert.Kind.REMINDER, deadline.step(), timer.level(), deadline.dueAt());
            return new SlaFiring(Optional.of(reminder),
                    Optional.of(new SlaTimer(timer.category(), deadline, true, timer.level())), false);
        }
        // A reminder still owed when the deadline has already passed is pointless: escalate instead.
        return timer.level().next()
                .map(up -> {
                    Instant nextDue = deadline.dueAt().plus(deadlinesFor(timer.category()).escalateAfter());
                    SlaTimer next = new SlaTimer(timer.category(), deadline(deadline.step(), deadline.dueAt(), nextDue),
                            false, up);
                    return new SlaFiring(Optional.of(new SlaAlert(SlaAlert.Kind.ESCALATION, deadline.step(), up,
                            deadline.dueAt())), Optional.of(next), true);
                })
                .orElseGet(() -> new SlaFiring(Optional.empty(), Optional.empty(), true));
    }

    private Deadline deadline(SlaStep step, Instant start, Instant due) {
        Duration window = Duration.between(start, due);
        Instant remindAt = due.minusMillis((long) (window.toMillis() * reminderShare));
        return new Deadline(step, start, due, remindAt);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the SLA duration " + what + " must be positive");
        }
    }
}
