package org.gridgov.committee.readmodel;

import org.gridgov.contracts.events.VolunteerRegistered;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Keeps the volunteers of each community from {@code member.events}: only volunteers that exist sign up for activities. */
@Component
record VolunteerEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("volunteer-read-model")
                .on(VolunteerRegistered.class, Sql.statement(db, """
                        insert into volunteer (id, community_id) values (:id, :community)
                        on conflict (id) do update set community_id = excluded.community_id""",
                        (upsert, volunteer) -> upsert.bind("id", volunteer.volunteerId())
                                .bind("community", volunteer.communityId())));
    }
}
