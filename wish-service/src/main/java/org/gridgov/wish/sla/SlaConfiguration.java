package org.gridgov.wish.sla;

import org.gridgov.wish.sla.domain.SlaPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
class SlaConfiguration {

    /** Built once at start-up, so that a mistake in {@code gridgov.sla.*} stops the service rather than a command. */
    @Bean
    SlaPolicy slaPolicy(SlaProperties properties) {
        return properties.policy();
    }
}
