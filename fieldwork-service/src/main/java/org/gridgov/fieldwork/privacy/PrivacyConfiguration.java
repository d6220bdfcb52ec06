package org.gridgov.fieldwork.privacy;

import org.gridgov.kit.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    /**
     * Fails the start-up when {@code FIELDWORK_DATA_KEY} is missing (the cipher says so): care recipients' data is
     * stored encrypted only.
     */
    @Bean
    PersonalDataCipher personalDataCipher(@Value("${gridgov.fieldwork.data-key:}") String key) {
        return new PersonalDataCipher(key, "FIELDWORK_DATA_KEY", "gridgov-fieldwork/lookup/v1");
    }
}
