-- The tracker's roles, database and schemas: the one place they are written. Run by psql at the
-- first start of the postgres container (deploy/postgres/10-tracker.sh) and by TrackerDatabase
-- for the local stack and the tests. Idempotent: a second run changes nothing but passwords.
-- psql variables: database, owner_password, command_password, query_password.
--
-- tracker_owner runs the migrations and owns every table; each service has a runtime role that
-- owns nothing, so it cannot switch off the append-only trigger of the event store.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tracker_owner') THEN
        CREATE ROLE tracker_owner;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tracker_command') THEN
        CREATE ROLE tracker_command;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tracker_query') THEN
        CREATE ROLE tracker_query;
    END IF;
END
$$;
ALTER ROLE tracker_owner LOGIN PASSWORD :'owner_password';
ALTER ROLE tracker_command LOGIN PASSWORD :'command_password';
ALTER ROLE tracker_query LOGIN PASSWORD :'query_password';

SELECT format('CREATE DATABASE %I OWNER tracker_owner', :'database')
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec

\connect :"database"
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO tracker_owner, tracker_command, tracker_query;
CREATE SCHEMA IF NOT EXISTS events AUTHORIZATION tracker_owner;
CREATE SCHEMA IF NOT EXISTS command AUTHORIZATION tracker_owner;
CREATE SCHEMA IF NOT EXISTS query AUTHORIZATION tracker_owner;
GRANT USAGE ON SCHEMA events TO tracker_command, tracker_query;
GRANT USAGE ON SCHEMA command TO tracker_command;
GRANT USAGE ON SCHEMA query TO tracker_query;
