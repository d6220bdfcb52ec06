package org.gridgov.member.points;

import org.gridgov.member.points.domain.PointsPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PointsConfiguration {

    @Bean
    PointsPolicy pointsPolicy(@Value("${gridgov.points.per-closed-wish:20}") long perClosedWish,
                              @Value("${gridgov.points.per-service-hour:10}") long perServiceHour) {
        return new PointsPolicy(perClosedWish, perServiceHour);
    }
}
