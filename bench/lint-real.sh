#!/usr/bin/env bash
# Whole-process lint of a real project's migration folder against squawk's native binary, in one
# hyperfine run (each command after its warm-up, one after the other), and the launcher's
# `--version`.
#
#   bench/lint-real.sh DIR SQUAWK [OLD_CHECKOUT]
#
# DIR: a folder of migrations (e.g. lemmy's migrations/, see docs/performance.md); SQUAWK: the
# squawk executable; OLD_CHECKOUT: another checkout of migsafe, built, whose ./migsafe is timed
# too. Results: bench/target/lint-real.{md,json}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ $# -ge 2 ] || { echo "usage: bench/lint-real.sh DIR SQUAWK [OLD_CHECKOUT]" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "lint-real.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
dir=$1 squawk=$2 old=${3:-}
# The launcher builds the jar and trains its class-data archive on the first run: not timed.
./migsafe --version >/dev/null
[ -z "$old" ] || "$old/migsafe" --version >/dev/null
files=$(find "$dir" -name '*.sql' | sort | tr '\n' ' ')
echo "$(echo "$files" | wc -w) files"
cmds=(-n "migsafe lint" "./migsafe lint $dir" -n "squawk" "$squawk $files")
[ -z "$old" ] || cmds+=(-n "old migsafe lint" "$old/migsafe lint $dir")
cmds+=(-n "migsafe --version" "./migsafe --version")
[ -z "$old" ] || cmds+=(-n "old migsafe --version" "$old/migsafe --version")
mkdir -p bench/target
# -N: no shell in between; -i: a lint with findings exits 1.
hyperfine -N -i --warmup 2 --runs "${RUNS:-10}" --style basic \
  --export-markdown bench/target/lint-real.md --export-json bench/target/lint-real.json "${cmds[@]}"
