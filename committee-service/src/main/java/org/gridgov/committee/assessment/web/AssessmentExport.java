package org.gridgov.committee.assessment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Reason;

/**
 * The assessment as the table that goes into the units' annual performance review: one row per unit,
 * the figures, the score, the band and the reasons. CSV (UTF-8 with a byte-order mark, so that a
 * spreadsheet opens the Chinese names right) or XLSX.
 */
final class AssessmentExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> HEADER = List.of("place", "unit_id", "unit", "score", "band", "signed", "completed",
            "milestones_due", "milestones_on_time", "escalations", "declines", "reviews", "average_review", "reasons");

    private AssessmentExport() {
    }

    static String fileName(AssessmentView view, String extension) {
        return "assessment-" + view.communityId() + "-" + view.year() + "-v" + view.version() + "." + extension;
    }

    private static List<Object> row(AssessmentView.AssessedUnitView unit) {
        AssessmentView.AssessedFiguresView f = unit.figures();
        return List.of(unit.place(), unit.unitId().toString(), unit.name(), unit.score(), unit.band(), f.signed(),
                f.completed(), f.milestonesDue(), f.milestonesOnTime(), f.escalations(), f.declines(), f.reviews(),
                f.averageReview() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", f.averageReview()), reasons(unit.reasons()));
    }

    private static String reasons(List<Reason> reasons) {
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
