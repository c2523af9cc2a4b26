package org.commitmenttracker.service.schema;

import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                // Flyway's messages add a line of advice for developers (ignoreMigrationPatterns): the first lines say it.
                String problems = result.invalidMigrations.isEmpty() ? result.getAllErrorMessages()
                        : result.invalidMigrations.stream()
                                .map(migration -> migration.errorDetails.errorMessage.lines().findFirst().orElse(""))
                                .collect(Collectors.joining(" "));
                throw new SchemaBehindException(flyway.getConfiguration().getDefaultSchema(), problems);
            }
        };
    }
}
