package org.gridgov.kit.clients;

import org.gridgov.kit.events.EventsAutoConfiguration;
import org.gridgov.kit.security.SecurityKitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Opt-in ({@code gridgov.revoked-clients.enabled=true}) for services that accept client apps'
 * tokens but do not register apps: they learn revocations from apps.events.
 */
@AutoConfiguration(before = {EventsAutoConfiguration.class, SecurityKitAutoConfiguration.class}, afterName =
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration")
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnBean(DatabaseClient.class)
@ConditionalOnProperty("gridgov.revoked-clients.enabled")
public class RevokedClientsAutoConfiguration {

    @Bean
    RevokedClientsReadModel revokedClients(DatabaseClient db) {
        return new RevokedClientsReadModel(db);
    }
}
