package org.gridgov.wish;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "GridGov wish-service", version = "v1", description = "Wishes and needs through the order, dispatch, claim and close workflow."))
public class WishServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WishServiceApplication.class, args);
    }
}
