package org.gridgov.member.points;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.points.domain.Cause;
import org.gridgov.member.points.domain.Expiry;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.persistence.LedgerStore;
import org.gridgov.member.access.Access;
import org.gridgov.member.access.GridPlaces;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Members' points accounts: statements, admins' corrections, and the lapse of old points. */
@Service
public record PointsAccounts(LedgerStore ledgerRepository, PointsLedger ledger, AccountHolders holders,
                             GridPlaces places, Access access, Clock clock) {

    public record Statement(LedgerStore.AccountSummary summary, List<LedgerStore.Entry> entries) {
    }

    /** The member themself and admins over their community see the account; others are told it does not exist. */
    public Mono<Statement> statement(UUID memberId, Optional<Long> beforeEntryId, int limit, Caller caller) {
        return holders.visible(memberId, caller)
                .filterWhen(member -> AccountHolders.isHolder(caller, memberId) ? Mono.just(true)
                        : access.isAdminOver(caller, member.communityId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("points account", memberId)))
                .flatMap(member -> Mono.zip(ledgerRepository.summary(memberId),
                        ledgerRepository.entries(memberId, beforeEntryId, limit).collectList()))
                .map(both -> new Statement(both.getT1(), both.getT2()));
    }

    public record Corrected(UUID transactionId, UUID memberId, long points, long balanceAfter) {
    }

    /** An admin over the member's community corrects the balance, giving a reason; it never goes below zero. */
    public Mono<Corrected> correct(UUID memberId, long points, String reason, Caller caller) {
        UUID id = UUID.randomUUID();
        return holders.visible(memberId, caller)
                .flatMap(member -> access.requireAdminOver(caller, member.communityId()))
                .then(Mono.fromCallable(() -> LedgerTransaction.correction(id, memberId, points, reason.strip(),
                        caller.subject(), now())))
                .flatMap(ledger::post)
                .map(balance -> new Corrected(id, memberId, points, balance));
    }

    public record ExpiryRun(UUID communityId, LocalDate earnedBefore, int membersAffected, long pointsLapsed) {
    }

    /**
     * Points a community's members earned before the cut-off and have not spent lapse (first in,
     * first out). Running it again for the same cut-off lapses nothing more.
     */
    public Mono<ExpiryRun> expire(UUID communityId, LocalDate earnedBefore, Caller caller) {
        Instant cutOff = earnedBefore.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!cutOff.isBefore(now())) {
            return Mono.error(ProblemException.invalid("Only points earned before today can lapse."));
        }
        UUID cutOffId = UUID.nameUUIDFromBytes(("points-expiry:" + communityId + ":" + earnedBefore)
                .getBytes(StandardCharsets.UTF_8));
        Cause cause = Cause.expiry(cutOffId, "points earned before " + earnedBefore + " and not spent lapse");
        Instant now = now();
        return places.community(communityId)
                .then(access.requireAdminOver(caller, communityId))
                // read every account before writing: one connection cannot stream a query and post meanwhile
                .then(ledgerRepository.expiryBasis(communityId, cutOff).collectList())
                .flatMapMany(Flux::fromIterable)
                .concatMap(basis -> {
                    long lapsing = Expiry.lapsing(basis.creditedBefore(), basis.debitedSoFar());
                    return lapsing == 0 ? Mono.<Long>empty()
                            : ledger.post(LedgerTransaction.debit(UUID.randomUUID(), basis.memberId(), lapsing, cause, now))
                                    .map(balance -> lapsing);
                })
                .collectList()
                .map(lapsed -> new ExpiryRun(communityId, earnedBefore, lapsed.size(),
                        lapsed.stream().mapToLong(Long::longValue).sum()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
