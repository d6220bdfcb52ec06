package org.gridgov.kit.runtime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

@AutoConfiguration
public class RuntimeKitAutoConfiguration {

    @Bean
    @ConditionalOnProperty("GRIDGOV_PARENT_PID")
    ParentProcessWatcher parentProcessWatcher(Environment environment) {
        return new ParentProcessWatcher(environment.getRequiredProperty("GRIDGOV_PARENT_PID", Long.class));
    }
}
