package org.gridgov.apps;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "GridGov apps-service", version = "v1",
        description = "Third-party client apps: registration, credentials and revocation, and signed webhooks "
                + "for the events of every topic an app's scopes allow, within its jurisdiction."))
public class AppsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AppsServiceApplication.class, args);
    }
}
