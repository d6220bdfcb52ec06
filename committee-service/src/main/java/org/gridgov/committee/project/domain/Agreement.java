package org.gridgov.committee.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * The project claim agreement (项目认领书) a unit signs: who signed for it, what it commits to and by when.
 * Numbered per community and year; never changed once signed.
 */
public record Agreement(UUID projectId, String number, UUID unitId, String signatory, String commitments,
                        List<Milestone> milestones, Instant signedAt) {

    public static final int MAX_MILESTONES = 20;

    public Agreement {
        milestones = List.copyOf(milestones);
    }

    /** Checks what the unit submitted; the number is given when it is stored. */
    public static Agreement draft(Project project, UUID unitId, String signatory, String commitments,
                                  List<Milestone> milestones, Instant at) {
        if (signatory == null || signatory.isBlank()) {
            throw Refusal.invalidField("signatory", "The agreement names who signs it for the unit.");
        }
        if (commitments == null || commitments.isBlank()) {
            throw Refusal.invalidField("commitments", "The agreement says what the unit commits to.");
        }
        if (milestones == null || milestones.isEmpty() || milestones.size() > MAX_MILESTONES) {
            throw Refusal.invalidField("milestones", "The agreement has 1 to " + MAX_MILESTONES + " milestones.");
        }
        for (int i = 0; i < milestones.size(); i++) {
            Milestone milestone = milestones.get(i);
            if (milestone.title() == null || milestone.title().isBlank()) {
                throw Refusal.invalidField("milestones[" + i + "].title", "Every milestone has a title.");
            }
            LocalDate due = milestone.dueDate();
            if (due == null || due.getYear() < project.year() || due.getYear() > project.year() + 1) {
                throw Refusal.invalidField("milestones[" + i + "].dueDate",
                        "A milestone is due in the project's year or the next.");
            }
        }
        return new Agreement(project.id(), null, unitId, signatory.strip(), commitments.strip(), milestones, at);
    }

    public Agreement numbered(int sequence, int year) {
        return new Agreement(projectId, year + "-" + String.format("%03d", sequence), unitId, signatory, commitments,
                milestones, signedAt);
    }

    /** The signatory as shown to those who may not see unit contacts' names: the family name and stars. */
    public String maskedSignatory() {
        int first = signatory.codePointAt(0);
        int rest = signatory.codePointCount(0, signatory.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }
}
