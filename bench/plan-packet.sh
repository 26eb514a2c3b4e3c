#!/usr/bin/env bash
# Whole-process time of `plan` on a generated packet of 60 changes over 10 large, hot tables
# (the issue's target: 50 changes under 2 s). Usage: bench/plan-packet.sh [RUNS]
# Needs target/migsafe.jar (mvn -B -o -DskipTests package) and hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/schema"
for i in $(seq 0 9); do
  echo "CREATE TABLE t$i (id bigint PRIMARY KEY, a text, b integer, c varchar(20), d text, e integer);" >> "$dir/schema/current.sql"
  echo "CREATE TABLE t$i (id bigint PRIMARY KEY, a text NOT NULL, b bigint, c varchar(40), d2 text, e integer, f text DEFAULT 'x');" >> "$dir/schema/target.sql"
  echo "CREATE INDEX t${i}_e_idx ON t$i (e);" >> "$dir/schema/target.sql"
done
{
  echo "apiVersion: migsafe/v1"
  echo "kind: MigrationPacket"
  echo "id: sixty-changes"
  echo "owner: team-bench"
  echo "dialect: postgresql"
  echo 'engineVersion: "16"'
  echo "schema: {current: schema/current.sql, target: schema/target.sql}"
  echo "renames:"
  for i in $(seq 0 9); do echo "  - {table: t$i, from: d, to: d2}"; done
  echo "tables:"
  for i in $(seq 0 9); do echo "  t$i: {rows: 5000000, sizeGb: 4, writesPerSecond: 200}"; done
} > "$dir/packet.yaml"
./migsafe plan "$dir/packet.yaml" --format json > /dev/null   # build the CDS archive once
hyperfine -w 1 -r "${1:-10}" \
  "./migsafe plan $dir/packet.yaml --format json --start 2026-12-07T09:00" \
  "java -jar target/migsafe.jar plan $dir/packet.yaml --format json --start 2026-12-07T09:00"
