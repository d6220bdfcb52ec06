package org.gridgov.fieldwork;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "GridGov fieldwork-service", version = "v1",
        description = "Grid staff's field work: cases found in the field, filed by the community and referred to "
                + "functional departments (吹哨报到) with SLA timers, and the departments' performance."))
public class FieldworkServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FieldworkServiceApplication.class, args);
    }
}
