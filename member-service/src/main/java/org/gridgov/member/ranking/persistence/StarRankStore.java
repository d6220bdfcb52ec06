package org.gridgov.member.ranking.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.gridgov.kit.data.Sql;
import org.gridgov.member.ranking.domain.StarRank;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** What the star rank is computed from: points earned and service hours approved, per member, per year. */
@Component
public record StarRankStore(DatabaseClient db) {

    /**
     * Every party member of the community. Points earned are the year's credits for closed wishes and
     * service plus corrections either way; redemptions and expiries do not lower them.
     */
    public Flux<StarRank.Figures> figures(UUID communityId, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        return db.sql("""
                        select m.id, m.name, coalesce(p.earned, 0) as earned, coalesce(p.wishes, 0) as wishes,
                               coalesce(h.hours, 0) as hours
                        from party_member m
                        left join (
                            select t.member_id, cast(sum(e.amount) as bigint) as earned, count(*) filter (where t.cause = 'WISH_CLOSED') as wishes
                            from points_transaction t
                            join points_entry e on e.transaction_id = t.id and e.account = 'member:' || t.member_id
                            where t.cause in ('WISH_CLOSED', 'SERVICE_RECORD', 'CORRECTION')
                              and t.occurred_at >= :fromInstant and t.occurred_at < :toInstant
                            group by t.member_id) p on p.member_id = m.id
                        left join (
                            select member_id, sum(hours) as hours from service_record
                            where status = 'APPROVED' and served_on >= :fromDate and served_on < :toDate
                            group by member_id) h on h.member_id = m.id
                        where m.community_id = :communityId""")
                .bind("communityId", communityId)
                .bind("fromInstant", Sql.utc(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .bind("toInstant", Sql.utc(to.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .bind("fromDate", from).bind("toDate", to)
                .map(row -> new StarRank.Figures(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("earned", Long.class), row.get("hours", BigDecimal.class), row.get("wishes", Long.class)))
                .all();
    }
}
