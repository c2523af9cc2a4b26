package org.commitmenttracker.query;

import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.commitmenttracker.service.security.TrackerSecurity;
import org.commitmenttracker.service.web.ApiProblems;
import org.commitmenttracker.service.web.HttpHardening;
import org.commitmenttracker.service.web.ProblemErrorController;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Reads: tails the event store with streaming processors, builds read models, answers queries. */
@SpringBootApplication
@Import({TrackerSecurity.class, ApiProblems.class, ProblemErrorController.class, HttpHardening.class, EventStoreSchema.class})
public class QueryServiceApplication {

    /** The service with its own configuration file, so it can share a JVM with the command service. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        builder().run(args);
    }
}
