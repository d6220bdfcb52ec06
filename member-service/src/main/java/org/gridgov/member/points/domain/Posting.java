package org.gridgov.member.points.domain;

/** One line of a ledger transaction: points added to (positive) or taken from (negative) an account. */
public record Posting(Account account, long amount) {
}
