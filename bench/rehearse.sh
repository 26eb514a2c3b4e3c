#!/usr/bin/env bash
# Whole-process time of `rehearse` at the default scale (100,000 rows per table) on example
# packets: embedded server start, schema, synthetic rows, workload, every step, rollback and the
# forward-fix pass (the issue's target: under 60 s). Usage: bench/rehearse.sh [RUNS]
# Needs target/migsafe.jar (mvn -B -o -DskipTests package), hyperfine, and the server binaries
# in the local Maven repository (mvn -B verify puts them there) or network access.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./migsafe rules > /dev/null   # build the CDS archive once
hyperfine -w 1 -r "${1:-3}" --export-markdown "$out/rehearse.md" \
  "./migsafe rehearse examples/plan-rename-column/packet.yaml --format json --out $out/a.json" \
  "./migsafe rehearse examples/plan-int-to-bigint-key/packet.yaml --format json --out $out/b.json" \
  "./migsafe rehearse examples/plan-not-null-big-table/packet.yaml --data examples/plan-not-null-big-table/rehearsal-data.sql --format json --out $out/c.json"
cat "$out/rehearse.md"
# Peak resident memory of one run.
/usr/bin/time -f "peak RSS %M KB, %e s" ./migsafe rehearse examples/plan-rename-column/packet.yaml \
  --format json --out "$out/d.json" 2>&1 | grep -v '^migsafe:'
