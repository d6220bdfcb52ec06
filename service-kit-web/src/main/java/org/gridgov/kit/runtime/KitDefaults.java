package org.gridgov.kit.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every GridGov service shares (observability, graceful shutdown, database,
 * Kafka and issuer wiring from environment variables) with the lowest precedence, so each service
 * states only what is its own.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "gridgov-kit-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(RESOURCE)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
