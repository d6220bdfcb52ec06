package org.gridgov.grid.importing;

import java.util.UUID;

import org.gridgov.grid.importing.domain.ImportPlanner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportPlanner importPlanner() {
        return new ImportPlanner(UUID::randomUUID);
    }
}
