package org.gridgov.matching.candidate.domain;

/**
 * What a candidate has on its plate and how it delivered before: open claims, fulfilled wishes, how
 * many of those were late, and how many were of the wanted category.
 */
public record ServiceRecord(int openClaims, int fulfilled, int fulfilledLate, int fulfilledInCategory) {

    public static final ServiceRecord NONE = new ServiceRecord(0, 0, 0, 0);

    public int fulfilledOnTime() {
        return fulfilled - fulfilledLate;
    }
}
