package org.commitmenttracker.service.schema;

import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                throw new SchemaBehindException(String.join(",", flyway.getConfiguration().getSchemas()),
                        result.getAllErrorMessages());
            }
        };
    }
}
