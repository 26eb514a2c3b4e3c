#!/usr/bin/env bash
# Whole-process time of `report` over 100,000 past migrations (issue 5: under 3 s), cold (no
# record cache: every YAML file parsed) and warm (the cache from the previous run), measured
# with hyperfine.
#
#   bench/report-100k.sh [CATALOG_DIR]
#
# CATALOG_DIR: where the synthetic catalog is (made there by ReportBench when it has no
# migrations/ yet; 400 MB of disk blocks for 49 MB of YAML); default: a temporary folder,
# removed afterwards. COLD_RUNS and WARM_RUNS set the number of runs (default 5 and 15).
# Results: bench/target/report-100k/{cold,warm}.{md,json}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v hyperfine >/dev/null || { echo "report-100k.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[ -f target/migsafe.jar ] || mvn -o -q -B -DskipTests package
mvn -o -q -B -f bench/pom.xml package

if [ -n "${1:-}" ]; then
  mkdir -p "$1"
  catalog=$(cd "$1" && pwd)
else
  catalog=$(mktemp -d)
  trap 'rm -rf "$catalog"' EXIT
fi
if [ ! -d "$catalog/migrations" ]; then
  java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.migsafe.bench.ReportBench \
    generate "$catalog" 100000
fi
echo "catalog: $catalog ($(ls "$catalog/migrations" | wc -l) records)"

# The launcher makes target/migsafe.jsa on its first run after a build; do that outside timing.
./migsafe --version >/dev/null
# The cache trusts a file's stamp only when the file is older than two seconds before the run
# that cached it (RecordCache.RACY_NANOS); freshly generated files would be re-hashed once.
sleep 3

out=bench/target/report-100k
mkdir -p "$out"
jar=target/migsafe.jar
report="report --catalog $catalog --quarter 2026-Q3 --format json"
hyperfine -N --runs "${COLD_RUNS:-5}" --style basic \
  --prepare "rm -rf $catalog/.migsafe/records" \
  --export-markdown "$out/cold.md" --export-json "$out/cold.json" \
  -n "cold: ./migsafe" "./migsafe $report" \
  -n "cold: java -jar" "java -jar $jar $report"
hyperfine -N --warmup 2 --runs "${WARM_RUNS:-15}" --style basic \
  --export-markdown "$out/warm.md" --export-json "$out/warm.json" \
  -n "warm: ./migsafe" "./migsafe $report" \
  -n "warm: java -jar" "java -jar $jar $report"
cat "$out/cold.md" "$out/warm.md"
