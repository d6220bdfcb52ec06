package org.gridgov.wish.open311;

import java.util.List;

import org.gridgov.kit.security.OpenPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311Properties.class)
class Open311Configuration {

    /** GeoReport v2 apps send no bearer token: the facade checks their api_key itself. */
    @Bean
    OpenPaths open311Paths() {
        return () -> List.of("/open311/**");
    }
}
