package org.gridgov.wish.privacy;

import org.gridgov.kit.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    /**
     * Fails the start-up when {@code WISH_DATA_KEY} is missing (the cipher says so): without it no resident data can
     * be stored or read.
     */
    @Bean
    PersonalDataCipher personalDataCipher(@Value("${gridgov.wish.data-key:}") String key) {
        // the lookup purpose is part of every stored address key: changing it would lose the household directory
        return new PersonalDataCipher(key, "WISH_DATA_KEY", "gridgov-wish/address-lookup/v1");
    }
}
