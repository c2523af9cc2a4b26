package org.commitmenttracker.service.schema;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" block for a schema the migration step has not brought up to date. */
class SchemaBehindFailureAnalyzer extends AbstractFailureAnalyzer<SchemaBehindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaBehindException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Run this jar's migration step first, as the owner role: java -jar <service>.jar migrate "
                        + "with TRACKER_DB_URL and TRACKER_OWNER_DB_PASSWORD set (README, \"Migrations\"). "
                        + "The service itself holds no owner credentials and never migrates.", cause);
    }
}
