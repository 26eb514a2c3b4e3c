#!/usr/bin/env bash
# The logic of the migsafe GitHub Action (action.yml): lint what a pull request changes with
# every migration replayed, write SARIF for code scanning and annotations for the log, plan
# each changed packet, and post one pull-request comment that later runs update in place.
#
# Everything below reads its inputs from the environment (action.yml never pastes an input
# into this script), and file names and messages come from the pull request, so every
# expansion is quoted and lists travel as arrays: no text from a migration is ever a shell
# word of its own.
#
# Environment:
#   MIGSAFE            the migsafe command (a path)
#   MIGSAFE_PATHS      migration files or folders, one per line
#   MIGSAFE_BASE       the commit the pull request is compared with (its base SHA)
#   MIGSAFE_PACKETS    optional: a glob (as in `case`) of packet files; changed ones are planned
#   MIGSAFE_FAIL_ON    lint --fail-on (default high)
#   MIGSAFE_COMMENT    true to post or update the pull-request comment (default true)
#   MIGSAFE_PR         the pull request number (empty: no comment)
#   GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_TOKEN: the REST API, as GitHub sets them
#   RUNNER_TEMP, GITHUB_OUTPUT: as GitHub sets them
# Exit status: 0, or 1 when lint or a plan fails its --fail-on, 2 on bad input.
set -euo pipefail

: "${MIGSAFE:?MIGSAFE must name the migsafe command}"
: "${MIGSAFE_PATHS:?MIGSAFE_PATHS must list the migration folders}"
: "${MIGSAFE_BASE:?MIGSAFE_BASE must be the base commit of the pull request}"
fail_on=${MIGSAFE_FAIL_ON:-high}
out=${RUNNER_TEMP:-/tmp}/migsafe
mkdir -p "$out"
# The marker that finds this action's comment again; invisible in the rendered comment.
marker='<!-- migsafe:pull-request-comment -->'

paths=()
while IFS= read -r p; do
  [ -n "$p" ] && paths+=("$p")
done <<< "$MIGSAFE_PATHS"

if ! git cat-file -e "$MIGSAFE_BASE^{commit}" 2>/dev/null; then
  echo "migsafe: base commit $MIGSAFE_BASE is not in this clone; check out with fetch-depth: 0" >&2
  exit 2
fi

status=0
lint() {
  "$MIGSAFE" lint --changed-since "$MIGSAFE_BASE" --fail-on "$fail_on" "$@" -- "${paths[@]}"
}
# Annotations on standard output: GitHub reads workflow commands from the log.
lint --format github || status=$?
if [ "$status" -ge 2 ]; then
  exit "$status"
fi
lint --format sarif --out "$out/migsafe.sarif" || true
lint --format md --out "$out/lint.md" || true
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "sarif=$out/migsafe.sarif" >> "$GITHUB_OUTPUT"
fi

{
  echo "$marker"
  cat "$out/lint.md"
} > "$out/comment.md"

# Packets the pull request changed: plan each, gates included.
if [ -n "${MIGSAFE_PACKETS:-}" ]; then
  base=$(git merge-base "$MIGSAFE_BASE" HEAD)
  while IFS= read -r -d '' file; do
    # shellcheck disable=SC2254 # the glob is the user's pattern, matched on purpose
    case $file in
      $MIGSAFE_PACKETS) ;;
      *) continue ;;
    esac
    [ -f "$file" ] || continue
    plan_status=0
    "$MIGSAFE" plan --format md --out "$out/plan.md" -- "$file" || plan_status=$?
    if [ "$plan_status" -ge 2 ]; then
      exit "$plan_status"
    fi
    [ "$plan_status" -gt "$status" ] && status=$plan_status
    {
      echo
      # A code span cannot hold a backtick; the name is shown without them.
      printf '<details><summary>Plan of <code>%s</code>%s</summary>\n\n' \
        "$(printf '%s' "$file" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')" \
        "$([ "$plan_status" -eq 1 ] && echo ': a gate or finding fails' || true)"
      cat "$out/plan.md"
      printf '\n</details>\n'
    } >> "$out/comment.md"
  done < <(git -c core.quotePath=false diff --name-only -z "$base" HEAD --)
fi

# GitHub refuses comments over 65,536 characters.
if [ "$(wc -c < "$out/comment.md")" -gt 60000 ]; then
  head -c 60000 "$out/comment.md" > "$out/comment.cut"
  printf '\n\n*Cut at 60,000 characters: the annotations and code scanning have every finding.*\n' \
    >> "$out/comment.cut"
  mv "$out/comment.cut" "$out/comment.md"
fi

# Finds this action's comment by its marker and updates it, or posts it. Every call is checked
# here, because the function runs where set -e does not apply.
comment() {
  local api=${GITHUB_API_URL:-https://api.github.com}
  local repo=${GITHUB_REPOSITORY:?}
  local existing='' page=1 count
  call() {
    curl --silent --show-error --fail --retry 2 \
      -H "Authorization: Bearer $GITHUB_TOKEN" \
      -H "Accept: application/vnd.github+json" \
      -H "X-GitHub-Api-Version: 2022-11-28" "$@"
  }
  # At most 30 pages of 100: a pull request with more comments gets a new one.
  while [ -z "$existing" ] && [ "$page" -le 30 ]; do
    call -o "$out/comments.json" \
      "$api/repos/$repo/issues/$MIGSAFE_PR/comments?per_page=100&page=$page" || return 1
    count=$(jq 'length' "$out/comments.json") || return 1
    [ "$count" -eq 0 ] && break
    existing=$(jq -r --arg m "$marker" \
      'map(select((.body // "") | startswith($m))) | first | .id // empty' \
      "$out/comments.json") || return 1
    page=$((page + 1))
  done
  jq -n --rawfile body "$out/comment.md" '{body: $body}' > "$out/comment.json" || return 1
  if [ -n "$existing" ]; then
    call -X PATCH --data-binary "@$out/comment.json" -o /dev/null \
      "$api/repos/$repo/issues/comments/$existing" || return 1
    echo "migsafe: updated the pull-request comment $existing" >&2
  else
    call -X POST --data-binary "@$out/comment.json" -o /dev/null \
      "$api/repos/$repo/issues/$MIGSAFE_PR/comments" || return 1
    echo "migsafe: posted the pull-request comment" >&2
  fi
}

if [ "${MIGSAFE_COMMENT:-true}" = true ] && [ -n "${MIGSAFE_PR:-}" ]; then
  : "${GITHUB_TOKEN:?GITHUB_TOKEN is needed to comment}"
  # A pull request from a fork gets a read-only token: the findings still show as annotations
  # and in the step's result, so a comment that cannot be posted is a warning, not a failure.
  if ! comment; then
    echo "::warning title=migsafe::the pull-request comment could not be posted or updated" \
      "(a pull request from a fork has a read-only token)"
  fi
fi
exit "$status"
