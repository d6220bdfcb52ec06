package org.gridgov.kit.jurisdiction;

import org.gridgov.kit.events.EventsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/** Opt-in ({@code gridgov.grid-tree.enabled=true}) for services that keep the grid tree to check jurisdictions. */
@AutoConfiguration(before = EventsAutoConfiguration.class, afterName =
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration")
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnBean(DatabaseClient.class)
@ConditionalOnProperty("gridgov.grid-tree.enabled")
public class JurisdictionAutoConfiguration {

    @Bean
    GridTree gridTree(DatabaseClient db) {
        return new GridTree(db);
    }

    @Bean
    Jurisdictions jurisdictions(GridTree gridTree) {
        return new Jurisdictions(gridTree);
    }
}
