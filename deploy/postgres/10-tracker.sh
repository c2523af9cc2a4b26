#!/usr/bin/env bash
# First start of the postgres container: the roles, database and schemas of
# tracker-postgres/.../provision.sql (the same script TrackerDatabase runs for the local stack and
# the tests). Passwords from files (Docker secrets) or, failing that, the environment.
set -euo pipefail

secret() { # secret NAME: the content of $NAME_FILE if set, else $NAME
  local file_var="$1_FILE"
  if [[ -n "${!file_var:-}" ]]; then cat "${!file_var}"; else printf '%s' "${!1:?set $1 or $file_var}"; fi
}

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v database="${TRACKER_DATABASE:-tracker}" \
  -v owner_password="$(secret TRACKER_OWNER_DB_PASSWORD)" \
  -v command_password="$(secret TRACKER_COMMAND_DB_PASSWORD)" \
  -v query_password="$(secret TRACKER_QUERY_DB_PASSWORD)" \
  -f "${TRACKER_PROVISION_SQL:-/opt/tracker/provision.sql}"
