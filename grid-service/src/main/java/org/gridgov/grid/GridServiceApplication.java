package org.gridgov.grid;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "GridGov grid-service", version = "v1", description = "The district's grid tree, addresses and grid staff."))
public class GridServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridServiceApplication.class, args);
    }
}
