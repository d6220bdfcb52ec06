package org.gridgov.member.points.domain;

/**
 * Points lapse first in, first out: spending always uses the oldest points. So what is left of the
 * points earned before a cut-off is what was earned before it minus everything taken out since the
 * account opened (redemptions, earlier expiries, downward corrections), never less than zero.
 */
public final class Expiry {

    private Expiry() {
    }

    /**
     * @param creditedBefore points credited to the member before the cut-off
     * @param debitedSoFar   points debited from the member so far, as a positive number
     * @return the points that lapse at the cut-off
     */
    public static long lapsing(long creditedBefore, long debitedSoFar) {
        return Math.max(0, creditedBefore - debitedSoFar);
    }
}
