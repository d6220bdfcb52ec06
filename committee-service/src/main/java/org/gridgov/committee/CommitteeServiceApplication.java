package org.gridgov.committee;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "GridGov committee-service", version = "v1",
        description = "The Grand Party Committee's (大党委) projects: publication of the project list, claiming in public, "
                + "claim agreements, delivery and quarterly reviews."))
public class CommitteeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommitteeServiceApplication.class, args);
    }
}
