package org.gridgov.gateway;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "GridGov public API", version = "v1",
        description = "The one public entry to GridGov: grid structure, members and units, wishes and needs, "
                + "matching, the Grand Party Committee's projects, field work (cases referred to departments), "
                + "and the Open311 GeoReport v2 facade. "
                + "Errors are RFC 9457 application/problem+json."))
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
