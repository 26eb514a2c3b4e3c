#!/usr/bin/env bash
# surfaces over a repository of at least 100,000 files, made of copies of a real application.
#
#   bench/surfaces-100k.sh [SOURCE] [COPIES]
#
# SOURCE: a checkout of a real application (default: outline/outline at the commit below,
# cloned into bench/target/outline; Business Source License 1.1, read only, never committed).
# COPIES: how many copies make the scanned tree (default: enough for 100,000 files). Each copy
# is a folder of its own under bench/target/surfaces-100k, so paths and .gitignore files stay
# as the application has them. Times `./migsafe surfaces` with /usr/bin/time (wall, CPU, peak
# RSS) three times, after one untimed run that warms the file cache and the launcher's
# class-data archive; writes the table to bench/target/surfaces-100k.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
OUTLINE_COMMIT=d77dcdf853868c5d5fe125c895c9b71f0eff5c68
src=${1:-bench/target/outline}
if [ ! -d "$src" ]; then
  git clone -q https://github.com/outline/outline "$src"
  git -C "$src" checkout -q "$OUTLINE_COMMIT"
fi
files=$(find "$src" -type f -not -path '*/.git/*' | wc -l)
copies=${2:-$(( (100000 + files - 1) / files ))}
tree=bench/target/surfaces-100k
if [ ! -f "$tree/.copies-$copies" ]; then
  rm -rf "$tree" && mkdir -p "$tree"
  for i in $(seq 1 "$copies"); do
    mkdir -p "$tree/copy-$i"
    (cd "$src" && tar --exclude=.git -cf - .) | tar -xf - -C "$tree/copy-$i"
  done
  touch "$tree/.copies-$copies"
fi
total=$(find "$tree" -type f | wc -l)
out=bench/target/surfaces-100k.txt
echo "tree: $total files ($copies copies of $src, $files files each)" | tee "$out"
# TARGET: what to look for. The default is a table no ORM of outline maps (the cost of listing,
# reading and prefiltering every file); TARGET='--table documents --column title' looks for a
# column outline's Sequelize model maps, which each of the copies declares again
# (docs/performance.md: that run does not finish in 20 minutes).
read -r -a target <<<"${TARGET:---table pg_stat_statements --column query}"
./migsafe surfaces "${target[@]}" "$tree" > /dev/null
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
    ./migsafe surfaces "${target[@]}" --format json "$tree" \
    2>>"$out" > bench/target/surfaces-100k.json
done
python3 - "$out" <<'PY'
import json, sys
r = json.load(open("bench/target/surfaces-100k.json"))
uses = sum(len(t["surfaces"]) for t in r["targets"])
line = f"uses: {uses}, files read: {r['filesRead']}, not read: {r['skipped']}"
open(sys.argv[1], "a").write(line + "\n")
PY
cat "$out"
