package org.commitmenttracker.command;

import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.commitmenttracker.service.security.TrackerSecurity;
import org.commitmenttracker.service.web.ApiProblems;
import org.commitmenttracker.service.web.HttpHardening;
import org.commitmenttracker.service.web.ProblemErrorController;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Officers' writes: HTTP requests become commands on the Commitment aggregate. */
@SpringBootApplication
@Import({TrackerSecurity.class, ApiProblems.class, ProblemErrorController.class, HttpHardening.class, EventStoreSchema.class})
public class CommandServiceApplication {

    /** The service with its own configuration file, so it can share a JVM with the query service. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=command-service");
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        builder().run(args);
    }
}
