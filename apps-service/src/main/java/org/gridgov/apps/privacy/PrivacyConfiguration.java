package org.gridgov.apps.privacy;

import org.gridgov.kit.privacy.Sealer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    /** Fails the start-up when {@code APPS_DATA_KEY} is missing: without it no webhook secret can be stored or read. */
    @Bean
    Sealer sealer(@Value("${gridgov.apps.data-key:}") String key) {
        return new Sealer(Sealer.decodeKey(key, "APPS_DATA_KEY"));
    }
}
