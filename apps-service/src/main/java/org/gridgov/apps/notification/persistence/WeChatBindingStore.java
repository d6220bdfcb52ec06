package org.gridgov.apps.notification.persistence;

import java.time.Instant;

import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** People's WeChat openids (table {@code wechat_binding}), sealed by the caller, by recipient key. */
@Component
public record WeChatBindingStore(DatabaseClient db) {

    public Mono<Void> save(Recipient recipient, String sealedOpenId, Instant at) {
        return db.sql("""
                        insert into wechat_binding (recipient, open_id, bound_at) values (:recipient, :openId, :at)
                        on conflict (recipient) do update set open_id = excluded.open_id, bound_at = excluded.bound_at""")
                .bind("recipient", recipient.key()).bind("openId", sealedOpenId).bind("at", Sql.utc(at))
                .fetch().rowsUpdated().then();
    }

    /** The sealed openid; empty when none is bound. */
    public Mono<String> find(Recipient recipient) {
        return db.sql("select open_id from wechat_binding where recipient = :recipient").bind("recipient", recipient.key())
                .map(row -> row.get("open_id", String.class)).one();
    }

    public Mono<Void> delete(Recipient recipient) {
        return db.sql("delete from wechat_binding where recipient = :recipient").bind("recipient", recipient.key())
                .fetch().rowsUpdated().then();
    }
}
