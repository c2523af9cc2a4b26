-- The running service checks at start, as its own role, that every migration has been applied
-- (SchemaCheck); migrations themselves run only in the migration step, as the owner.
GRANT SELECT ON ${flyway:defaultSchema}.${flyway:table} TO ${command_role};
