#!/usr/bin/env bash
# Backup and restore drill (docs/deploy.md): dumps the database at SOURCE_URL with pg_dump,
# restores the dump into a new, empty database and compares every table's row count.
# Usage: SOURCE_URL=postgres://…/coop ADMIN_URL=postgres://…/postgres deploy/restore-drill.sh [dump-file]
set -euo pipefail
: "${SOURCE_URL:?set SOURCE_URL to the database to back up}"
: "${ADMIN_URL:?set ADMIN_URL to a database on the same server for creating the scratch copy}"
# Without a named file the dump (every pseudonym and ciphertext) goes to a private directory that
# is removed however the drill ends: success, failure, Ctrl-C or kill. A named file is the caller's.
workdir=""
if [ $# -ge 1 ]; then dump=$1; else workdir=$(mktemp -d -t restore-drill.XXXXXX); dump="$workdir/drill.dump"; fi
scratch="restore_drill_$(date +%s)_$$"
scratch_url="${ADMIN_URL%/*}/$scratch"
cleanup() {
  if [ -n "$workdir" ]; then rm -rf -- "$workdir"; fi
  psql -q "$ADMIN_URL" -c "drop database if exists $scratch" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

pg_dump --format=custom --no-owner --file="$dump" "$SOURCE_URL"
psql -q "$ADMIN_URL" -c "create database $scratch"
pg_restore --no-owner --dbname="$scratch_url" "$dump"

counts() {
  psql -At "$1" -c "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1" |
    while read -r t; do echo "$t $(psql -At "$1" -c "select count(*) from \"$t\"")"; done
}
before=$(counts "$SOURCE_URL"); after=$(counts "$scratch_url")
tables=$(echo "$before" | wc -l)
if [ "$before" != "$after" ]; then
  echo "FAIL: the restored copy differs:"; diff <(echo "$before") <(echo "$after") || true; exit 1
fi
rows=$(echo "$before" | awk '{s += $2} END {print s}')
size=$(du -h "$dump" | cut -f1)
echo "restore drill: $tables tables, $rows rows restored identically from $size dump"
