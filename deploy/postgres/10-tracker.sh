#!/usr/bin/env bash
# First start of the postgres:16 container: the same roles and schemas as TrackerDatabase
# provisions for the local stack and the tests. Passwords come from the environment.
set -euo pipefail
: "${TRACKER_OWNER_DB_PASSWORD:?set TRACKER_OWNER_DB_PASSWORD}"
: "${TRACKER_COMMAND_DB_PASSWORD:?set TRACKER_COMMAND_DB_PASSWORD}"
: "${TRACKER_QUERY_DB_PASSWORD:?set TRACKER_QUERY_DB_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$TRACKER_OWNER_DB_PASSWORD" -v command_pw="$TRACKER_COMMAND_DB_PASSWORD" \
  -v query_pw="$TRACKER_QUERY_DB_PASSWORD" <<'SQL'
CREATE ROLE tracker_owner LOGIN PASSWORD :'owner_pw';
CREATE ROLE tracker_command LOGIN PASSWORD :'command_pw';
CREATE ROLE tracker_query LOGIN PASSWORD :'query_pw';
CREATE DATABASE tracker OWNER tracker_owner;
SQL

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname tracker <<'SQL'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE tracker FROM PUBLIC;
GRANT CONNECT ON DATABASE tracker TO tracker_owner, tracker_command, tracker_query;
CREATE SCHEMA events AUTHORIZATION tracker_owner;
CREATE SCHEMA command AUTHORIZATION tracker_owner;
CREATE SCHEMA query AUTHORIZATION tracker_owner;
GRANT USAGE ON SCHEMA events TO tracker_command, tracker_query;
GRANT USAGE ON SCHEMA command TO tracker_command;
GRANT USAGE ON SCHEMA query TO tracker_query;
SQL
