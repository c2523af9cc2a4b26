package org.commitmenttracker.service.schema;

/** The database's schema lacks migrations this service needs: the migration step has not run. */
public class SchemaBehindException extends IllegalStateException {

    private final String schema;

    public SchemaBehindException(String schema, String details) {
        super("the database schema '" + schema + "' is behind this service: " + details);
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }
}
