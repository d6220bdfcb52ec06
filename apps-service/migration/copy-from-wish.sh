#!/usr/bin/env bash
# Copies a running district's client apps and webhooks from wish-service's database into apps-service's,
# once, before wish-service is upgraded to the version whose migration V7 drops those tables
# (README "Moving apps out of wish-service"). Safe to run again: rows already copied are left as they are.
#
#   WISH_DB=postgresql://wish:…@wish-db-rw/wish APPS_DB=postgresql://apps:…@apps-db-rw/apps \
#     apps-service/migration/copy-from-wish.sh
#
# Needs psql. apps-service must have started once (its V1 creates the tables) and must run with
# APPS_DATA_KEY = wish-service's WISH_DATA_KEY, or the copied signing secrets and payloads do not open.
set -euo pipefail
: "${WISH_DB:?give the wish database URL}" "${APPS_DB:?give the apps database URL}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# parents first, so that the foreign keys hold at every step
tables=(client_app webhook_subscription webhook_delivery webhook_attempt)
for table in "${tables[@]}"; do
  psql "$WISH_DB" -v ON_ERROR_STOP=1 -q -c "\\copy (select * from $table) to '$work/$table.csv' with (format csv)"
done

{
  echo "begin;"
  for table in "${tables[@]}"; do
    echo "create temporary table incoming_$table (like $table) on commit drop;"
    echo "\\copy incoming_$table from '$work/$table.csv' with (format csv)"
    echo "insert into $table select * from incoming_$table on conflict do nothing;"
  done
  echo "commit;"
  for table in "${tables[@]}"; do
    echo "select '$table' as copied, count(*) from $table;"
  done
} > "$work/load.sql"
psql "$APPS_DB" -v ON_ERROR_STOP=1 -q -f "$work/load.sql"
