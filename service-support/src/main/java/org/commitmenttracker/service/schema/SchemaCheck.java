package org.commitmenttracker.service.schema;

import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A running service never migrates: Flyway, as the service's own role, only checks that every
 * migration of this jar has been applied (a schema newer than the jar is fine, for rolling
 * upgrades). When one is missing the service refuses to start and says which step to run.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaCheck {

    @Bean
    FlywayMigrationStrategy validateOnly() {
        return flyway -> {
            ValidateResult result = flyway.validateWithResult();
            if (!result.validationSuccessful) {
                throw new SchemaBehindException(flyway.getConfiguration().getDefaultSchema(), problems(result));
            }
        };
    }

    /** "migrations not applied: 15, 16", then any other problem in Flyway's own first line (its advice is for developers). */
    private static String problems(ValidateResult result) {
        if (result.invalidMigrations.isEmpty()) {
            return result.getAllErrorMessages();
        }
        Map<Boolean, List<ValidateOutput>> pending = result.invalidMigrations.stream().collect(Collectors.partitioningBy(
                migration -> migration.errorDetails.errorMessage.contains("not applied")));
        List<String> problems = new ArrayList<>();
        if (!pending.get(true).isEmpty()) {
            problems.add("migrations not applied: " + pending.get(true).stream().map(migration -> migration.version)
                    .collect(Collectors.joining(", ")));
        }
        pending.get(false).forEach(migration ->
                problems.add(migration.errorDetails.errorMessage.lines().findFirst().orElse("")));
        return String.join("; ", problems);
    }
}
