package org.commitmenttracker.command;

import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.commitmenttracker.service.schema.SchemaCheck;
import org.commitmenttracker.service.schema.SchemaMigration;
import org.commitmenttracker.service.security.TrackerSecurity;
import org.commitmenttracker.service.transaction.Transactions;
import org.commitmenttracker.service.web.ApiDocumentation;
import org.commitmenttracker.service.web.ApiProblems;
import org.commitmenttracker.service.web.HttpHardening;
import org.commitmenttracker.service.web.ProblemErrorController;
import org.commitmenttracker.service.web.RequestCorrelation;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Officers' writes: HTTP requests become commands on the Commitment aggregate. */
@SpringBootApplication
@Import({Transactions.class, TrackerSecurity.class, ApiProblems.class, ProblemErrorController.class, HttpHardening.class,
        EventStoreSchema.class, RequestCorrelation.class, ApiDocumentation.class, SchemaCheck.class})
public class CommandServiceApplication {

    /**
     * The service's own defaults (command-service.properties, so it can share a JVM with the query
     * service), then an operator's {@code application.properties} or {@code application.yml},
     * found where Spring Boot looks for them ({@code ./config/}, {@code ./},
     * {@code spring.config.additional-location}), which overrides them.
     */
    public static final String CONFIG_NAMES = "spring.config.name=command-service,application";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandServiceApplication.class).properties(CONFIG_NAMES);
    }

    /** The migration step of this service ({@code migrate}): its Flyway migrations as the owner role, then exit. */
    public static SpringApplicationBuilder migration() {
        return SchemaMigration.builder(CONFIG_NAMES);
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        if (SchemaMigration.requested(args)) {
            SchemaMigration.run(migration(), args);
            return;
        }
        builder().run(args);
    }
}
