package org.gridgov.kit.data;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** What every service with a database gets: the kit's migrations, transactions, idempotent commands, database failures as problems. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration"})
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnBean(DatabaseClient.class)
@Import(DataAccessProblemHandler.class)
public class DataKitAutoConfiguration {

    static final String KIT_MIGRATIONS = "classpath:db/kit";
    /** How often an {@link OffsetFileClock} reads its file again, at most. */
    static final Duration OFFSET_RECHECK = Duration.ofMillis(100);

    @Bean
    FlywayConfigurationCustomizer kitMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(KIT_MIGRATIONS));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }

    /**
     * The service's single clock: the system's, or — {@code gridgov.clock.offset-file} set, as a test platform sets it —
     * the system's moved by the duration that file holds ({@link OffsetFileClock}).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${gridgov.clock.offset-file:}") String offsetFile) {
        return offsetFile.isBlank() ? Clock.systemUTC()
                : new OffsetFileClock(Clock.systemUTC(), Path.of(offsetFile.strip()), OFFSET_RECHECK);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    Idempotency idempotency(DatabaseClient db, TransactionalOperator tx, JsonMapper json,
                            @Value("${gridgov.idempotency.retention:24h}") Duration retention) {
        return new Idempotency(db, tx, json, retention);
    }
}
