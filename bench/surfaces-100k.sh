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
if [ ! -d "$src" ] && [ -z "${1:-}" ] && [ -d bench/target/surfaces-100k/copy-1 ]; then
  # The copies made by an earlier run are outline at that commit: no clone needed.
  src=bench/target/surfaces-100k/copy-1
fi
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
# The same tree as a monorepo of services that each own their tables: in every copy but the
# first, outline's two models of `documents` map a table of that copy's own
# (`documents_2`, ...), so only the first copy's code reaches the table looked for through an
# ORM. Hard links, except for the two rewritten model files.
services=bench/target/surfaces-100k-services
if [ ! -f "$services/.copies-$copies" ]; then
  rm -rf "$services" && mkdir -p "$services"
  for i in $(seq 1 "$copies"); do
    cp -al "$tree/copy-$i" "$services/copy-$i"
    if [ "$i" -gt 1 ]; then
      for m in server/models/Document.ts server/models/Template.ts; do
        sed "s/tableName: \"documents\"/tableName: \"documents_$i\"/" "$tree/copy-$i/$m" \
          > "$services/copy-$i/$m.new" && mv "$services/copy-$i/$m.new" "$services/copy-$i/$m"
      done
    fi
  done
  touch "$services/.copies-$copies"
fi
total=$(find "$tree" -type f | wc -l)
out=bench/target/surfaces-100k.txt
echo "tree: $total files ($copies copies of $src, $files files each)" | tee "$out"
# What is looked for: a table no ORM of outline maps (the cost of listing, reading and
# prefiltering every file); a column outline's Sequelize models map, used through them in
# about one file in twenty-five and declared again by each copy (every use 37 times: the
# ORM readers' worst case); and that column in the services tree, where one copy maps it.
# Each case: the tree, then what is looked for. TARGET='--table T --column C' runs that one
# on the copies only.
if [ -n "${TARGET:-}" ]; then
  cases=("$tree $TARGET")
else
  cases=("$tree --table pg_stat_statements --column query"
    "$tree --table documents --column title"
    "$services --table documents --column title")
fi
for c in "${cases[@]}"; do
  read -r -a words <<<"$c"
  dir=${words[0]}
  target=("${words[@]:1}")
  echo "$dir: ${target[*]} (load before: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out"
  ./migsafe surfaces "${target[@]}" "$dir" > /dev/null
  for run in 1 2 3; do
    /usr/bin/time -f "run $run: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
      ./migsafe surfaces "${target[@]}" --format json "$dir" \
      2>>"$out" > bench/target/surfaces-100k.json
  done
  python3 - "$out" <<'PY'
import json, sys
r = json.load(open("bench/target/surfaces-100k.json"))
uses = sum(len(t["surfaces"]) for t in r["targets"])
line = f"uses: {uses}, files read: {r['filesRead']}, not read: {r['skipped']}"
open(sys.argv[1], "a").write(line + "\n")
PY
done
cat "$out"
