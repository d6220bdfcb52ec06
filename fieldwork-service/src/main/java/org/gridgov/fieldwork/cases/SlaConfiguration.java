package org.gridgov.fieldwork.cases;

import java.time.Duration;
import java.util.Map;

import org.gridgov.fieldwork.cases.domain.Severity;
import org.gridgov.fieldwork.cases.domain.Sla;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The departments' SLA per severity, from {@code gridgov.fieldwork.sla.*}. */
@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

    @Bean
    Sla sla(@Value("${gridgov.fieldwork.sla.routine.acknowledge:24h}") Duration routineAcknowledge,
            @Value("${gridgov.fieldwork.sla.routine.handle:7d}") Duration routineHandle,
            @Value("${gridgov.fieldwork.sla.urgent.acknowledge:4h}") Duration urgentAcknowledge,
            @Value("${gridgov.fieldwork.sla.urgent.handle:2d}") Duration urgentHandle,
            @Value("${gridgov.fieldwork.sla.emergency.acknowledge:30m}") Duration emergencyAcknowledge,
            @Value("${gridgov.fieldwork.sla.emergency.handle:12h}") Duration emergencyHandle) {
        return new Sla(Map.of(
                Severity.ROUTINE, new Sla.Limits(routineAcknowledge, routineHandle),
                Severity.URGENT, new Sla.Limits(urgentAcknowledge, urgentHandle),
                Severity.EMERGENCY, new Sla.Limits(emergencyAcknowledge, emergencyHandle)));
    }
}
