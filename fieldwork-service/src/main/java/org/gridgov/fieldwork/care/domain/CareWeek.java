package org.gridgov.fieldwork.care.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How one recipient's 四个一 stood in a week (Monday to Sunday, UTC days) as of a day: on how many of the days due it
 * had a care contact, whether it had its home visit, whether the month (of the week's last day counted) had its deed
 * and the year its wish — and the gaps, the kinds still missing.
 */
public record CareWeek(LocalDate monday, int daysDue, int daysCaredFor, boolean homeVisit, boolean monthlyDeed,
                       boolean yearlyWish, List<CareContact.Kind> gaps) {

    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * @param contacts the recipient's contacts of the year up to the week's end
     * @param today    days after it are not due yet
     */
    public static CareWeek of(LocalDate anyDay, LocalDate registeredOn, Collection<CareContact> contacts, LocalDate today) {
        LocalDate monday = mondayOf(anyDay);
        LocalDate sunday = monday.plusDays(6);
        LocalDate last = sunday.isBefore(today) ? sunday : today;
        LocalDate first = registeredOn.isAfter(monday) ? registeredOn : monday;
        int due = last.isBefore(first) ? 0 : (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        long caredFor = contacts.stream().map(c -> day(c.at())).filter(d -> !d.isBefore(first) && !d.isAfter(last))
                .distinct().count();
        boolean visit = contacts.stream().anyMatch(c -> c.kind() == CareContact.Kind.HOME_VISIT
                && !day(c.at()).isBefore(monday) && !day(c.at()).isAfter(sunday));
        LocalDate reference = last.isBefore(monday) ? monday : last;
        boolean deed = contacts.stream().anyMatch(c -> c.kind() == CareContact.Kind.MONTHLY_DEED
                && day(c.at()).getYear() == reference.getYear() && day(c.at()).getMonth() == reference.getMonth()
                && !day(c.at()).isAfter(reference));
        boolean wish = contacts.stream().anyMatch(c -> c.kind() == CareContact.Kind.YEARLY_WISH
                && day(c.at()).getYear() == reference.getYear() && !day(c.at()).isAfter(reference));
        List<CareContact.Kind> gaps = new ArrayList<>();
        if (caredFor < due) {
            gaps.add(CareContact.Kind.DAILY_CARE);
        }
        if (!visit && due > 0) {
            gaps.add(CareContact.Kind.HOME_VISIT);
        }
        if (!deed && due > 0) {
            gaps.add(CareContact.Kind.MONTHLY_DEED);
        }
        if (!wish && due > 0) {
            gaps.add(CareContact.Kind.YEARLY_WISH);
        }
        return new CareWeek(monday, due, (int) caredFor, visit, deed, wish, List.copyOf(gaps));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
