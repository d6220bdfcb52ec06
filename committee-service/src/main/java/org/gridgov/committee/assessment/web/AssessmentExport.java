package org.gridgov.committee.assessment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gridgov.committee.assessment.domain.YearEndAssessment;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Placement;
import org.gridgov.committee.assessment.domain.YearEndAssessment.ScoreReason;

/**
 * The assessment as the table that goes into the units' annual performance review: one row per unit,
 * the figures (projects, wishes, red/black list quarters, joint meetings), the score, the band and the reasons. CSV (UTF-8 with a byte-order mark, so that a
 * spreadsheet opens the Chinese names right) or XLSX.
 */
final class AssessmentExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> HEADER = List.of("place", "unit_id", "unit", "score", "band", "signed", "completed",
            "milestones_due", "milestones_on_time", "escalations", "declines", "reviews", "average_review", "wishes_claimed",
            "wishes_fulfilled", "wishes_on_time", "wish_ratings", "average_wish_rating", "red_list_quarters",
            "black_list_quarters", "joint_meetings_invited", "joint_meetings_attended", "motions_decided", "motions_voted",
            "reasons");

    private AssessmentExport() {
    }

    static String fileName(AssessmentView view, String extension) {
        return "assessment-" + view.communityId() + "-" + view.year() + "-v" + view.version() + "." + extension;
    }

    /** A version of rule A1 counted no wishes or lists, one of A1 or A2 no joint meetings: those cells are empty, not 0. */
    private static List<Object> row(AssessmentView.AssessedUnitView unit) {
        AssessmentView.AssessedFiguresView f = unit.figures();
        AssessmentView.AssessedWishesView w = f.wishes();
        List<Object> row = new ArrayList<>(List.of(unit.place(), unit.unitId().toString(), unit.name(), unit.score(),
                unit.band(), f.signed(), f.completed(), f.milestonesDue(), f.milestonesOnTime(), f.escalations(),
                f.declines(), f.reviews(), decimal(f.averageReview())));
        row.addAll(w == null ? List.of("", "", "", "", "")
                : List.of(w.claimed(), w.fulfilled(), w.fulfilledOnTime(), w.ratings(), decimal(w.averageRating())));
        row.add(f.redBlackList() == null ? "" : quarters(f.redBlackList(), "RED"));
        row.add(f.redBlackList() == null ? "" : quarters(f.redBlackList(), "BLACK"));
        YearEndAssessment.JointMeetings m = f.jointMeetings();
        row.addAll(m == null ? List.of("", "", "", "") : List.of(m.invited(), m.attended(), m.motions(), m.voted()));
        row.add(reasons(unit.reasons()));
        return row;
    }

    private static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The quarters on that list with the rule, e.g. {@code 2026Q2 B4}. */
    private static String quarters(List<Placement> placements, String list) {
        return placements.stream().filter(placement -> placement.list().equals(list))
                .map(placement -> placement.quarter() + " " + placement.rule()).collect(Collectors.joining("; "));
    }

    private static String reasons(List<ScoreReason> reasons) {
        return reasons.stream().map(r -> r.text() + " (" + (r.points() > 0 ? "+" : "") + r.points() + ")")
                .collect(Collectors.joining("; "));
    }

    static byte[] csv(AssessmentView view) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", HEADER)).append("\r\n");
        for (AssessmentView.AssessedUnitView unit : view.units()) {
            out.append(row(unit).stream().map(value -> quoted(String.valueOf(value))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180 quoting; a leading formula character is defused so a spreadsheet shows the text, never runs it. */
    private static String quoted(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        return safe.matches(".*[\",\\r\\n].*") || !safe.equals(value) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    static byte[] xlsx(AssessmentView view) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "GridGov", "1.0");
            Worksheet sheet = workbook.newWorksheet(view.year() + " v" + view.version());
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.value(0, c, HEADER.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < view.units().size(); r++) {
                List<Object> row = row(view.units().get(r));
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Integer number) {
                        sheet.value(r + 1, c, number);
                    } else {
                        sheet.value(r + 1, c, String.valueOf(value));
                    }
                }
            }
            sheet.value(view.units().size() + 2, 0, "rule " + view.rule());
            sheet.value(view.units().size() + 2, 2, view.ruleText());
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
