package org.commitmenttracker.service.schema;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/**
 * The migration step: {@code java -jar <service>.jar migrate} runs that service's Flyway
 * migrations as the owner role and exits, so that only this short-lived step ever holds the
 * owner's password (a running service that held it could switch off the event store's
 * append-only trigger). The step reads the service's own properties (locations, schema,
 * placeholders, {@code TRACKER_DB_URL}) and nothing else of the service starts: no web server,
 * no Axon. The running services only validate ({@link SchemaCheck}).
 */
public final class SchemaMigration {

    /** The first argument that selects the migration step instead of the service. */
    public static final String COMMAND = "migrate";

    private SchemaMigration() {
    }

    public static boolean requested(String... args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /**
     * The step for a service whose properties are named {@code configNames} (a
     * {@code spring.config.name=...} pair, as the service's own builder sets it). The owner's
     * credentials are defaults here, never in the service's properties.
     */
    public static SpringApplicationBuilder builder(String configNames) {
        return new SpringApplicationBuilder(Step.class)
                .web(WebApplicationType.NONE)
                .properties(configNames,
                        "spring.flyway.url=${spring.datasource.url}",
                        "spring.flyway.user=${TRACKER_OWNER_DB_USER:tracker_owner}",
                        "spring.flyway.password=${TRACKER_OWNER_DB_PASSWORD:}",
                        "spring.main.banner-mode=off");
    }

    /** Runs the migrations and returns once they are applied; throws when they fail. */
    public static void run(SpringApplicationBuilder step, String... args) {
        String[] rest = requested(args) ? Arrays.copyOfRange(args, 1, args.length) : args;
        try (ConfigurableApplicationContext done = step.run(rest)) {
            // Flyway migrated while the context started; nothing else to do.
        }
    }

    /** Flyway alone, on a DataSource of its own made from {@code spring.flyway.url/user/password}. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration(FlywayAutoConfiguration.class)
    static class Step {
    }
}
