package org.gridgov.committee.meeting.domain;

/**
 * When a motion passes: more than {@code quorum} of the eligible must be present, and more than {@code majority}
 * of those present must vote for it (the default: more than half, and more than half).
 */
public record QuorumRule(double quorum, double majority) {

    public static final QuorumRule HALF_AND_HALF = new QuorumRule(0.5, 0.5);

    public QuorumRule {
        if (quorum < 0 || quorum >= 1 || majority < 0 || majority >= 1) {
            throw new IllegalArgumentException("quorum and majority are fractions in [0, 1)");
        }
    }

    public boolean passes(Tally tally) {
        return tally.present() > quorum * tally.eligible() && tally.votesFor() > majority * tally.present();
    }
}
