package org.commitmenttracker.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator overrides the service's defaults the usual Spring Boot way, with an
 * {@code application.yml} (or {@code .properties}) of their own; the service's own file still
 * supplies everything the operator does not set.
 */
class ConfigurationFilesTest {

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    @Test
    void anOperatorsApplicationYmlOverridesTheServiceDefaults(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("application.yml"), """
                tracker:
                  snapshot-threshold: 7
                """);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NothingElse.class)
                .web(WebApplicationType.NONE)
                .properties(CommandServiceApplication.CONFIG_NAMES)
                .run("--spring.config.additional-location=file:" + config + "/")) {
            assertThat(context.getEnvironment().getProperty("tracker.snapshot-threshold")).isEqualTo("7");
            assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("command-service");
        }
    }
}
