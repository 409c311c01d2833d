#!/usr/bin/env bash
# The GitHub Action's logic (action.yml only calls this), kept here so it can be tested locally:
#   fitcheck-action.sh install   install the FitCheck tool and export FITCHECK_COMMAND
#   fitcheck-action.sh run       check the manifest, write reports, step summary, outputs and PR comment
#   fitcheck-action.sh finish    exit with the run's code, so the step fails when a gate fails
#
# Inputs come as environment variables (action.yml maps its inputs onto them):
#   FITCHECK_MANIFEST     manifest path (default fitcheck.yml)
#   FITCHECK_VERSION      tool version to install (default: the latest)
#   FITCHECK_SOURCE       extra NuGet source to install from (a folder with a packed FitCheck, a feed URL)
#   FITCHECK_REPORTS      extra reports besides md and json: any of junit, sarif (comma or space separated)
#   FITCHECK_COMMENT      true: create or update one sticky PR comment with the Markdown report
#   FITCHECK_BASELINE     a JSON report, or a git ref whose manifest is checked to make one
#   FITCHECK_MAX_GROWTH   with a baseline: fail when a figure grows (fps drops) by more, e.g. 5%
#   FITCHECK_GITHUB_TOKEN token for the comment (needs pull-requests: write)
#   FITCHECK_OUTPUT_DIR   where reports go (default $RUNNER_TEMP/fitcheck)
#   FITCHECK_COMMAND      how to run the tool (set by `install`; tests point it at a fake)
#   FITCHECK_EXIT_CODE    for `finish`: the code `run` reported as its exit-code output
# and the runner's own GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL.
set -euo pipefail

readonly MARKER='<!-- fitcheck-report -->'
# GitHub refuses comment bodies over 65536 characters; keep room for the truncation note.
readonly MAX_COMMENT_CHARS=60000

log() { printf '%s\n' "$*" >&2; }

output() { # name value
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  else
    printf '%s=%s\n' "$1" "$2"
  fi
}

tool() {
  local -a cmd
  read -r -a cmd <<<"${FITCHECK_COMMAND:-dotnet fitcheck}"
  "${cmd[@]}" "$@"
}

cmd_install() {
  local dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/fitcheck-tool"
  local -a args=(tool install FitCheck --tool-path "$dir")
  if [ -n "${FITCHECK_VERSION:-}" ]; then args+=(--version "$FITCHECK_VERSION"); fi
  if [ -n "${FITCHECK_SOURCE:-}" ]; then args+=(--add-source "$FITCHECK_SOURCE"); fi
  if [ -x "$dir/dotnet-fitcheck" ]; then
    args[1]=update
  fi
  dotnet "${args[@]}"
  if [ -n "${GITHUB_ENV:-}" ]; then
    printf 'FITCHECK_COMMAND=%s\n' "$dir/dotnet-fitcheck" >>"$GITHUB_ENV"
  fi
  printf '%s\n' "$dir/dotnet-fitcheck"
}

# Prints the path of a JSON report to compare with, or nothing when there is none to compare with.
resolve_baseline() { # out_dir
  local baseline="${FITCHECK_BASELINE:-}"
  # Named after the ref, because reports show the baseline's file name ("Compared with baseline-origin-main.json").
  local out="$1/baseline-${baseline//[^A-Za-z0-9._-]/-}.json"
  if [ -z "$baseline" ]; then
    return 0
  fi
  if [ -f "$baseline" ]; then
    printf '%s\n' "$baseline"
    return 0
  fi
  if ! git rev-parse --verify --quiet "${baseline}^{commit}" >/dev/null; then
    log "::error title=FitCheck baseline::'$baseline' is neither a file nor a git ref here (with a ref, check out with fetch-depth: 0)"
    return 2
  fi

  # Check the manifest as it was at the ref, with this version of the tool, so only the models differ.
  local tree
  tree="$(mktemp -d)"
  git worktree add --quiet --detach "$tree" "$baseline" >&2
  local manifest="${FITCHECK_MANIFEST:-fitcheck.yml}" rc=0
  if [ -f "$tree/$manifest" ]; then
    tool check "$tree/$manifest" --format json --output "$out" >&2 || rc=$?
  else
    log "::notice title=FitCheck baseline::$manifest does not exist at $baseline; every deployment shows as added"
    rc=3
  fi
  git worktree remove --force "$tree" >&2 || true
  if [ "$rc" -le 1 ]; then
    printf '%s\n' "$out"
  elif [ "$rc" -eq 2 ]; then
    log "::warning title=FitCheck baseline::the manifest at $baseline could not be checked; no comparison"
  fi
}

pr_number() {
  if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
    jq -r '.pull_request.number // empty' "$GITHUB_EVENT_PATH"
  fi
}

api() { # method url [body-file]
  local -a args=(-sS --fail-with-body -X "$1" -H "Accept: application/vnd.github+json"
    -H "Authorization: Bearer $FITCHECK_GITHUB_TOKEN" -H "X-GitHub-Api-Version: 2022-11-28")
  if [ $# -ge 3 ]; then args+=(-H "Content-Type: application/json" --data-binary "@$3"); fi
  curl "${args[@]}" "$2"
}

# The id of this action's earlier comment on the PR (the first with the marker), or nothing.
find_comment() { # repo_api pr
  local page=1 body count id
  while :; do
    body="$(api GET "$1/issues/$2/comments?per_page=100&page=$page")"
    id="$(jq -r --arg m "$MARKER" '[.[] | select((.body // "") | contains($m)) | .id][0] // empty' <<<"$body")"
    if [ -n "$id" ]; then
      printf '%s\n' "$id"
      return 0
    fi
    count="$(jq 'length' <<<"$body")"
    if [ "$count" -lt 100 ]; then
      return 0
    fi
    page=$((page + 1))
  done
}

post_comment() { # markdown-file
  local pr
  pr="$(pr_number)"
  if [ -z "$pr" ]; then
    log "not a pull request event; no comment"
    return 0
  fi
  if [ -z "${FITCHECK_GITHUB_TOKEN:-}" ]; then
    log "::warning title=FitCheck comment::no github-token; the PR comment is skipped"
    return 0
  fi
  local repo_api="${GITHUB_API_URL:-https://api.github.com}/repos/${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"
  local payload
  payload="$(mktemp)"
  jq -Rs --argjson max "$MAX_COMMENT_CHARS" \
    '{body: (if length > $max then .[0:$max] + "\n\n… truncated: the full report is in the job summary." else . end)}' \
    <"$1" >"$payload"
  local id
  if ! id="$(find_comment "$repo_api" "$pr")"; then
    log "::warning title=FitCheck comment::could not list the PR's comments (a fork's token cannot write); see the job summary"
    return 0
  fi
  if [ -n "$id" ]; then
    api PATCH "$repo_api/issues/comments/$id" "$payload" >/dev/null \
      || log "::warning title=FitCheck comment::could not update comment $id"
  else
    api POST "$repo_api/issues/$pr/comments" "$payload" >/dev/null \
      || log "::warning title=FitCheck comment::could not create the comment"
  fi
}

cmd_run() {
  local manifest="${FITCHECK_MANIFEST:-fitcheck.yml}"
  local out="${FITCHECK_OUTPUT_DIR:-${RUNNER_TEMP:-.}/fitcheck}"
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  local json="$out/fitcheck.json" md="$out/fitcheck.md" sarif=""
  local -a args=(check "$manifest" --report "json=$json" --report "md=$md")

  local report
  local reports="${FITCHECK_REPORTS:-}"
  local -a wanted
  read -r -a wanted <<<"${reports//,/ }"
  for report in "${wanted[@]}"; do
    case "$report" in
      md | markdown | json) ;;
      junit) args+=(--report "junit=$out/fitcheck.junit.xml") ;;
      sarif)
        if [ -z "$sarif" ]; then
          sarif="$out/fitcheck.sarif"
          args+=(--report "sarif=$sarif")
        fi
        ;;
      *)
        log "::error title=FitCheck reports::unknown report '$report'; use junit, sarif (md and json are always written)"
        output exit-code 2
        return 0
        ;;
    esac
  done

  local baseline rc=0
  baseline="$(resolve_baseline "$out")" || rc=$?
  if [ "$rc" -ne 0 ]; then
    output verdict error
    output exit-code "$rc"
    return 0
  fi
  if [ -n "$baseline" ]; then
    args+=(--baseline "$baseline")
    if [ -n "${FITCHECK_MAX_GROWTH:-}" ]; then args+=(--max-growth "$FITCHECK_MAX_GROWTH"); fi
  fi

  tool "${args[@]}" || rc=$?
  local verdict
  case "$rc" in
    0) verdict=pass ;;
    1) verdict=fail ;;
    *) verdict=error ;;
  esac
  output verdict "$verdict"
  output exit-code "$rc"
  output report-json "$json"
  output report-markdown "$md"
  output sarif "$sarif"

  if [ "$verdict" = error ] || [ ! -f "$md" ]; then
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      # shellcheck disable=SC2016 # the backticks are Markdown, not a command substitution
      printf '## FitCheck could not check `%s`\n\nThe manifest, a model or the baseline is wrong (exit code %s); the log shows the diagnostic.\n' \
        "$manifest" "$rc" >>"$GITHUB_STEP_SUMMARY"
    fi
    return 0
  fi

  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    cat "$md" >>"$GITHUB_STEP_SUMMARY"
  fi
  if [ "${FITCHECK_COMMENT:-false}" = true ]; then
    post_comment "$md"
  fi
}

cmd_finish() {
  local rc="${FITCHECK_EXIT_CODE:-0}"
  case "$rc" in
    0) ;;
    1) log "::error title=FitCheck::a gate failed; the job summary and the PR comment show which and why" ;;
    *) log "::error title=FitCheck::the check could not run (exit code $rc); the log above shows the diagnostic" ;;
  esac
  exit "$rc"
}

case "${1:-}" in
  install) cmd_install ;;
  run) cmd_run ;;
  finish) cmd_finish ;;
  *)
    log "usage: $0 install|run|finish"
    exit 2
    ;;
esac
