#!/bin/bash
# Run once by the postgres image on the first start of an empty volume
# (/docker-entrypoint-initdb.d). POSTGRES_USER is the server's superuser, for administration only:
# PostgreSQL's row-level security does not apply to a superuser, so the app connects as its own
# role, groundwork, which is neither superuser nor BYPASSRLS and owns the database (and so the
# public schema, where Flyway creates the tables).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$GROUNDWORK_DB_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
create role groundwork login password :'app_password' nosuperuser nobypassrls nocreatedb nocreaterole;
alter database :"db" owner to groundwork;
-- the contact search keeps its trigram indexes under row-level security only when LIKE and ILIKE
-- are LEAKPROOF (docs/reports.md, "Contact search"); only a superuser may mark them
\c :"db"
alter function textlike(text, text) leakproof;
alter function texticlike(text, text) leakproof;
SQL
