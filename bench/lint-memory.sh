#!/usr/bin/env bash
# Peak memory and wall time of `migsafe lint` against input size (issue 15, item 4).
#
# Generates files of N `ALTER TABLE ... ADD COLUMN` statements (bench/add-columns.py, about 42
# bytes a statement) and lints each once with the launcher under a fixed heap, recording wall
# time, peak resident set size and exit code from /usr/bin/time -v. JSON goes to a file (not
# kept in memory by anyone but the OS), so its size is part of the table.
#
# Usage: bench/lint-memory.sh [N...]          default 50000 100000 250000 500000
# Environment: HEAP (default 512m), FORMAT (default json), OUT (default bench/target/lint-memory)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
heap=${HEAP:-512m}
format=${FORMAT:-json}
out=${OUT:-$here/bench/target/lint-memory}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50000 100000 250000 500000)
mkdir -p "$out"
[ -f "$here/target/migsafe.jar" ] || (cd "$here" && mvn -o -q -B -DskipTests package)
table="$out/table.md"
{
  echo "| statements | file (MB) | heap | exit | wall (s) | peak RSS (MB) | $format output (MB) |"
  echo "|---:|---:|---|---:|---:|---:|---:|"
} > "$table"
for n in "${sizes[@]}"; do
  sql="$out/$n.sql"
  [ -f "$sql" ] || "$here/bench/add-columns.py" "$n" > "$sql"
  set +e
  JAVA_TOOL_OPTIONS="-Xmx$heap" /usr/bin/time -v "$here/migsafe" lint "$sql" --format "$format" \
    > "$out/$n.$format" 2> "$out/$n.time"
  set -e
  exit_code=$(sed -n 's/.*Exit status: //p' "$out/$n.time")
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/$n.time" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/$n.time" \
    | awk '{ printf "%.0f", $1 / 1024 }')
  mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
  echo "| $n | $(mb "$sql") | $heap | $exit_code | $wall | $rss | $(mb "$out/$n.$format") |" >> "$table"
  grep -h "out of memory" "$out/$n.time" || true
done
cat "$table"
