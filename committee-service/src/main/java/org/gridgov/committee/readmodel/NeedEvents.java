package org.gridgov.committee.readmodel;

import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.contracts.events.NeedPublished;
import org.gridgov.contracts.events.NeedRecorded;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the needs lists' titles and categories from {@code wish.events}: a project is named after its need. */
@Component
record NeedEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("need-read-model")
                .on(NeedRecorded.class, need -> need(need.needId(), need.communityId(), need.category(), need.title()))
                .on(NeedPublished.class, need -> need(need.needId(), need.communityId(), need.category(), need.title()));
    }

    private Mono<Void> need(UUID id, UUID communityId, Category category, String title) {
        return db.sql("""
                        insert into need (id, community_id, category, title) values (:id, :community, :category, :title)
                        on conflict (id) do update set community_id = excluded.community_id, category = excluded.category,
                            title = coalesce(excluded.title, need.title)""")
                .bind("id", id)
                .bind("community", communityId)
                .bind("category", category.name())
                .bind("title", Parameter.fromOrEmpty(title, String.class))
                .fetch().rowsUpdated().then();
    }
}
