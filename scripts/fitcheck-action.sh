#!/usr/bin/env bash
# The GitHub Action's logic (action.yml only calls this), kept here so it can be tested locally:
#   fitcheck-action.sh cache-key  print the key under which the installed tool is cached
#   fitcheck-action.sh install    install the FitCheck tool with --tool-path and export FITCHECK_COMMAND
#   fitcheck-action.sh run        check the manifest, write reports, step summary, outputs and PR comment
#   fitcheck-action.sh finish     exit with the run's code, so the step fails when a gate fails
#
# Inputs come as environment variables (action.yml maps its inputs onto them):
#   FITCHECK_MANIFEST     manifest path (default fitcheck.yml)
#   FITCHECK_VERSION      tool version to install (default: the Action's own version, from its ref,
#                         FITCHECK_ACTION_REF or GITHUB_ACTION_REF)
#   FITCHECK_INSTALL      auto (nuget.org, else build from the Action's checkout), nuget, or build
#   FITCHECK_SOURCE       extra NuGet source to install from (a folder with a packed FitCheck, a feed URL)
#   FITCHECK_TOOL_DIR     where the tool is installed (default $RUNNER_TEMP/fitcheck-tool; cached by action.yml)
#   FITCHECK_REPORTS      extra reports besides md and json: any of junit, sarif (comma or space separated)
#   FITCHECK_COMMENT      true: create or update one sticky PR comment (one per manifest) with the report
#   FITCHECK_BASELINE     a JSON report, or a git ref whose manifest is checked to make one
#   FITCHECK_MAX_GROWTH   with a baseline: fail when a figure grows (fps drops) by more, e.g. 5%
#   FITCHECK_GITHUB_TOKEN token for the comment (needs pull-requests: write)
#   FITCHECK_OUTPUT_DIR   where reports go, one folder per manifest (default $RUNNER_TEMP/fitcheck)
#   FITCHECK_COMMAND      the installed executable (set by `install`; tests point it at a fake)
#   FITCHECK_EXIT_CODE    for `finish`: the code `run` reported as its exit-code output
#   FITCHECK_API_TIMEOUT  seconds per GitHub API request (default 20); FITCHECK_API_PAGES: pages of
#                         comments searched for the sticky one (default 10, 100 comments a page)
# and the runner's own GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH, GITHUB_REF,
# GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_ACTION_PATH, GITHUB_ACTION_REF.
#
# Portability: macOS runners have bash 3.2, so no bash-4 features (associative arrays, mapfile, ${x,,},
# and no "${a[@]}" of an empty array under set -u); no jq (JSON is read and written with awk and sed);
# every path is quoted, so a temp folder or manifest with spaces works. shellcheck-clean.
set -euo pipefail

# GitHub refuses comment bodies over 65,536 characters. Bytes >= characters, so a byte budget is safe.
readonly MAX_COMMENT_BYTES=65000

log() { printf '%s\n' "$*" >&2; }
warn() { printf '::warning title=FitCheck %s::%s\n' "$1" "$2" >&2; }

output() { # name value
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  else
    printf '%s=%s\n' "$1" "$2"
  fi
}

action_root() { (cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd); }

tool() {
  if [ -n "${FITCHECK_COMMAND:-}" ]; then
    "$FITCHECK_COMMAND" "$@"
  elif command -v dotnet-fitcheck >/dev/null 2>&1; then
    dotnet-fitcheck "$@"
  else
    dotnet fitcheck "$@"
  fi
}

# Runs a command, killing it after $1 seconds (macOS has no `timeout`). The watcher's output goes nowhere,
# so a $(...) around this never waits for a leftover sleep.
with_timeout() { # seconds command...
  local seconds="$1" pid watcher rc=0
  shift
  "$@" &
  pid=$!
  (sleep "$seconds" && kill -TERM "$pid") >/dev/null 2>&1 &
  watcher=$!
  wait "$pid" || rc=$?
  kill "$watcher" >/dev/null 2>&1 || true
  wait "$watcher" >/dev/null 2>&1 || true
  return "$rc"
}

# A short, path-safe name for the manifest: report folder and sticky-comment marker.
manifest_key() { # manifest
  local key="${1#./}"
  key="${key//[^A-Za-z0-9._-]/-}"
  printf '%s\n' "${key:-fitcheck}"
}

# ---------------------------------------------------------------------------------------------- install

# The version to install: the input, else the Action's own ref (v1.2.3 -> 1.2.3, v1 -> the latest 1.x).
# Nothing for a branch or a commit: that code may be unreleased, so it is built from the Action's checkout.
tool_version() {
  if [ -n "${FITCHECK_VERSION:-}" ]; then
    printf '%s\n' "$FITCHECK_VERSION"
    return 0
  fi
  # action.yml passes github.action_ref explicitly: not every runner sets GITHUB_ACTION_REF in composite steps.
  local ref="${FITCHECK_ACTION_REF:-${GITHUB_ACTION_REF:-}}"
  case "$ref" in
    v[0-9]*.[0-9]*.[0-9]*) printf '%s\n' "${ref#v}" ;;
    v[0-9]*.[0-9]*) printf '%s.*\n' "${ref#v}" ;;
    v[0-9]*) printf '%s.*\n' "${ref#v}" ;;
  esac
}

# A digest of the Action's sources, so a cached tool built from them is rebuilt when they change.
sources_digest() {
  local root
  root="$(action_root)"
  (cd "$root" && find src Directory.Build.props Directory.Packages.props -type f \
    ! -path '*/bin/*' ! -path '*/obj/*' -exec cksum {} + 2>/dev/null | LC_ALL=C sort | cksum | awk '{ print $1 }')
}

cmd_cache_key() {
  local version
  version="$(tool_version)"
  # A floating or missing version resolves differently as releases appear: the sources pin it down.
  printf 'fitcheck-tool-%s-%s-%s-%s\n' "${RUNNER_OS:-$(uname -s)}" "${RUNNER_ARCH:-$(uname -m)}" \
    "${version:-source}" "$(sources_digest)"
}

installed_command() { # dir
  if [ -f "$1/dotnet-fitcheck.exe" ]; then
    printf '%s\n' "$1/dotnet-fitcheck.exe"
  else
    printf '%s\n' "$1/dotnet-fitcheck"
  fi
}

install_from_feed() { # dir version [source]
  local args
  args=(tool install FitCheck --tool-path "$1")
  if [ -n "$2" ]; then args+=(--version "$2"); fi
  if [ -n "${3:-}" ]; then args+=(--add-source "$3"); fi
  with_timeout "${FITCHECK_INSTALL_TIMEOUT:-300}" dotnet "${args[@]}" >&2
}

install_from_checkout() { # dir
  local root feed version
  root="$(action_root)"
  feed="$(mktemp -d)"
  version="0.0.0-action.$(sources_digest)"
  log "building FitCheck $version from $root"
  with_timeout "${FITCHECK_BUILD_TIMEOUT:-900}" dotnet pack "$root/src/FitCheck.Cli/FitCheck.Cli.csproj" \
    -c Release -o "$feed" "-p:Version=$version" -nologo -v:quiet >&2 || return $?
  install_from_feed "$1" "$version" "$feed"
}

cmd_install() {
  local dir="${FITCHECK_TOOL_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/fitcheck-tool}"
  local mode="${FITCHECK_INSTALL:-auto}" version command
  version="$(tool_version)"
  command="$(installed_command "$dir")"
  if [ -x "$command" ]; then
    log "FitCheck is already installed in $dir (restored from the cache)"
  else
    case "$mode" in
      nuget) install_from_feed "$dir" "$version" "${FITCHECK_SOURCE:-}" ;;
      build) install_from_checkout "$dir" ;;
      auto)
        if [ -z "$version" ] && [ -z "${FITCHECK_SOURCE:-}" ]; then
          log "the Action runs from an unreleased ref (${FITCHECK_ACTION_REF:-${GITHUB_ACTION_REF:-a local checkout}}): building the tool"
          install_from_checkout "$dir"
        elif ! install_from_feed "$dir" "$version" "${FITCHECK_SOURCE:-}"; then
          warn install "FitCheck ${version:-(latest)} could not be installed from the NuGet feed; building it from the Action's checkout"
          rm -rf "$dir"
          install_from_checkout "$dir"
        fi
        ;;
      *)
        log "::error title=FitCheck install::install must be auto, nuget or build, not '$mode'"
        return 2
        ;;
    esac
    command="$(installed_command "$dir")"
  fi
  if [ -n "${GITHUB_ENV:-}" ]; then
    printf 'FITCHECK_COMMAND=%s\n' "$command" >>"$GITHUB_ENV"
  fi
  printf '%s\n' "$command"
}

# --------------------------------------------------------------------------------------------- baseline

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
    # Not GITHUB_ACTIONS: the base's failures are not this PR's, and would spend GitHub's 10 annotations
    # per step on temporary paths before the PR's own.
    GITHUB_ACTIONS=false tool check "$tree/$manifest" --format json --output "$out" >&2 || rc=$?
  else
    log "$manifest does not exist at $baseline; every deployment shows as added"
    rc=3
  fi
  git worktree remove --force "$tree" >&2 || true
  if [ "$rc" -le 1 ]; then
    printf '%s\n' "$out"
  elif [ "$rc" -eq 2 ]; then
    warn baseline "the manifest at $baseline could not be checked; no comparison"
  fi
}

# ------------------------------------------------------------------------------------------------- JSON

# Reads JSON on stdin without jq. Strings are split out first (escaped quotes and backslashes set aside),
# so the structure is scanned in the short stretches between them. Prints:
#   mode=comments: "id N" for each element of the top-level array whose body contains $want, then
#                  "count N" (elements on this page); "error" when the document is not an array
#   mode=pr:       the pull request's number (top-level "number", else pull_request.number)
json_scan() { # mode [want]
  LC_ALL=C awk -v mode="$1" -v want="${2:-}" '
    { text = text $0 "\n" }
    END {
      gsub(/\\\\/, "\001", text)
      gsub(/\\"/, "\002", text)
      n = split(text, part, "\"")
      depth = 0; top = ""; count = 0; pending = ""; key = ""; value = 0
      for (i = 1; i <= n; i++) {
        if (i % 2 == 0) {
          if (value) {
            if (depth == 2 && key == "body") body = part[i]
            value = 0
          } else {
            pending = part[i]
          }
          continue
        }
        seg = part[i]
        len = length(seg)
        for (j = 1; j <= len; j++) {
          c = substr(seg, j, 1)
          if (c == "{" || c == "[") {
            if (depth == 0) top = c
            if (depth == 1) parent = key
            depth++
            value = 0
            if (depth == 2) { id = ""; body = "" }
          } else if (c == "}" || c == "]") {
            if (depth == 2 && c == "}" && top == "[") {
              count++
              if (want != "" && index(body, want) > 0 && id != "") print "id " id
            }
            depth--
            value = 0
          } else if (c == ":") {
            key = pending
            value = 1
            if (match(substr(seg, j + 1), /^[ \t\r\n]*[0-9]+/)) {
              number = substr(seg, j + 1, RLENGTH)
              gsub(/[^0-9]/, "", number)
              if (depth == 2 && key == "id") id = number
              if (key == "number" && (depth == 1 || (depth == 2 && parent == "pull_request")) && pr == "") pr = number
            }
          } else if (c == ",") {
            value = 0
          }
        }
      }
      if (mode == "pr") { if (pr != "") print pr; exit 0 }
      if (top != "[") { print "error"; exit 0 }
      print "count " count
    }'
}

# Markdown on stdin as a JSON object {"body": "..."}: backslashes, quotes, tabs and CRs escaped, other
# control characters dropped, lines joined with \n.
json_body() {
  local tab cr
  tab="$(printf '\t')"
  cr="$(printf '\r')"
  LC_ALL=C tr -d '\000-\010\013\014\016-\037' |
    LC_ALL=C sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e "s/$tab/\\\\t/g" -e "s/$cr/\\\\r/g" |
    LC_ALL=C awk 'BEGIN { printf "{\"body\":\"" } { printf "%s\\n", $0 } END { printf "\"}\n" }'
}

# ----------------------------------------------------------------------------------------------- GitHub

pr_number() {
  local ref="${GITHUB_REF:-}" number=""
  if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
    number="$(json_scan pr <"$GITHUB_EVENT_PATH")"
  fi
  if [ -z "$number" ]; then
    case "$ref" in
      refs/pull/*/merge | refs/pull/*/head)
        number="${ref#refs/pull/}"
        number="${number%%/*}"
        ;;
    esac
  fi
  printf '%s\n' "$number"
}

# One REST call with a connect and a total timeout. The response body goes to $API_BODY, the HTTP status
# to stdout ("000" when there was no answer); returns non-zero unless the status is 2xx.
api() { # method url [body-file]
  local status args
  args=(-sS -o "$API_BODY" -w '%{http_code}' -X "$1"
    --connect-timeout 5 --max-time "${FITCHECK_API_TIMEOUT:-20}"
    -H "Accept: application/vnd.github+json" -H "X-GitHub-Api-Version: 2022-11-28"
    -H "Authorization: Bearer $FITCHECK_GITHUB_TOKEN")
  if [ $# -ge 3 ]; then args+=(-H "Content-Type: application/json" --data-binary "@$3"); fi
  : >"$API_BODY"
  status="$(curl "${args[@]}" "$2" 2>"$API_BODY.err")" || status="${status:-000}"
  printf '%s\n' "${status:-000}"
  case "$status" in
    2??) return 0 ;;
    *) return 1 ;;
  esac
}

# Why a call failed, in a few words: "HTTP 403: Resource not accessible by integration", "no answer: ...".
api_failure() { # status
  local detail=""
  if [ "$1" = 000 ]; then
    detail="$(head -c 200 "$API_BODY.err" | tr '\r\n' '  ')"
    printf 'no answer from %s (%s)\n' "${GITHUB_API_URL:-https://api.github.com}" "${detail:-connection failed}"
    return 0
  fi
  detail="$(LC_ALL=C sed -n 's/.*"message"[ ]*:[ ]*"\([^"]*\)".*/\1/p' "$API_BODY" | head -n 1 | head -c 200)"
  if [ -z "$detail" ] && grep -qi '<html' "$API_BODY"; then detail="an HTML error page"; fi
  printf 'HTTP %s%s\n' "$1" "${detail:+: $detail}"
}

# Sets COMMENT_ID to this manifest's sticky comment on the PR (empty: none yet); fails, with FIND_ERROR
# saying why, when the comments cannot be listed. At most FITCHECK_API_PAGES pages are read.
find_comment() { # repo_api pr want
  local page=1 pages="${FITCHECK_API_PAGES:-10}" status scan count id
  COMMENT_ID=""
  FIND_ERROR=""
  while [ "$page" -le "$pages" ]; do
    if ! status="$(api GET "$1/issues/$2/comments?per_page=100&page=$page")"; then
      FIND_ERROR="$(api_failure "$status")"
      return 1
    fi
    scan="$(json_scan comments "$3" <"$API_BODY")"
    case "$scan" in
      error | "")
        FIND_ERROR="the comment list is not JSON ($(head -c 80 "$API_BODY" | tr '\r\n' '  '))"
        return 1
        ;;
    esac
    id="$(printf '%s\n' "$scan" | awk '$1 == "id" { print $2; exit }')"
    if [ -n "$id" ]; then
      COMMENT_ID="$id"
      return 0
    fi
    count="$(printf '%s\n' "$scan" | awk '$1 == "count" { print $2 }')"
    if [ "${count:-0}" -lt 100 ]; then
      return 0
    fi
    page=$((page + 1))
  done
  log "no FitCheck comment among the first $((pages * 100)) comments; posting a new one"
}

# Creates or updates the manifest's sticky comment. Never fails the step: a comment is a convenience,
# the step summary and the exit code are the record.
post_comment() { # markdown-file manifest
  local pr
  pr="$(pr_number)"
  if [ -z "$pr" ]; then
    log "not a pull request event; no comment"
    return 0
  fi
  if [ -z "${FITCHECK_GITHUB_TOKEN:-}" ]; then
    warn comment "no github-token; the PR comment is skipped (the job summary has the report)"
    return 0
  fi
  local repo_api="${GITHUB_API_URL:-https://api.github.com}/repos/${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"
  local want payload id status
  want="fitcheck-comment: $(manifest_key "$2") "
  API_BODY="$(mktemp)"
  payload="$(mktemp)"
  { printf '<!-- %s-->\n' "$want"; cat "$1"; } | json_body >"$payload"
  if ! find_comment "$repo_api" "$pr" "$want"; then
    warn comment "could not read the pull request's comments ($FIND_ERROR); no comment, the job summary has the report"
    return 0
  fi
  id="$COMMENT_ID"
  if [ -n "$id" ]; then
    status="$(api PATCH "$repo_api/issues/comments/$id" "$payload")" ||
      warn comment "could not update comment $id ($(api_failure "$status")); the job summary has the report"
  else
    status="$(api POST "$repo_api/issues/$pr/comments" "$payload")" ||
      warn comment "could not create the comment ($(api_failure "$status"); a fork's token cannot write); the job summary has the report"
  fi
}

# ------------------------------------------------------------------------------------------------- run

summary_url() {
  if [ -n "${GITHUB_RUN_ID:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ]; then
    printf '%s/%s/actions/runs/%s\n' "${GITHUB_SERVER_URL:-https://github.com}" "$GITHUB_REPOSITORY" "$GITHUB_RUN_ID"
  fi
}

# Copies Markdown, cutting it at a line (a table row) so it stays under the byte budget; an open
# <details> or code fence is closed, and a last line points to the job summary.
truncate_markdown() { # file budget
  LC_ALL=C awk -v budget="$2" -v url="$(summary_url)" '
    {
      line = $0
      if (cut) { dropped++; next }
      if (used + length(line) + 1 > budget - 400) { cut = 1; dropped++; next }
      used += length(line) + 1
      print line
      if (line ~ /^```/) fence = !fence
      if (line ~ /<details>/) open++
      if (line ~ /<\/details>/) open--
    }
    END {
      if (!cut) exit 0
      if (fence) print "```"
      for (; open > 0; open--) print "</details>"
      where = url != "" ? "the [job summary](" url ")" : "the job summary"
      printf "\n> ✂️ The report is cut here (%d more lines) to fit a GitHub comment: the full report is in %s.\n", dropped, where
    }' "$1"
}

# The comment for a check that could not run: say so, so an old "passes" comment does not stay up.
# shellcheck disable=SC2016 # the backticks are Markdown, not a command substitution
error_markdown() { # manifest rc stderr-file
  printf '## ⚠️ FitCheck could not check `%s`\n\n' "$1"
  printf 'The manifest, a model or the baseline is wrong (exit code %s), so no gate was evaluated: ' "$2"
  printf 'this pull request is not known to fit. The diagnostics:\n\n```text\n'
  # Workflow commands ("::error title=…::message") become "error: message".
  LC_ALL=C sed -e 's/^::\([a-z]*\)[^:]*::/\1: /' -e 's/```/`‵`/g' "$3" | head -n 40 || true
  printf '```\n'
}

cmd_run() {
  local manifest="${FITCHECK_MANIFEST:-fitcheck.yml}" key root out
  key="$(manifest_key "$manifest")"
  root="${FITCHECK_OUTPUT_DIR:-${RUNNER_TEMP:-.}/fitcheck}"
  # One folder per manifest: several runs of the Action in one job keep their own reports.
  out="$root/$key"
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  local json="$out/fitcheck.json" md="$out/fitcheck.md" sarif="" stderr="$out/stderr.txt"
  local args
  args=(check "$manifest" --report "json=$json" --report "md=$md")

  local report reports="${FITCHECK_REPORTS:-}" wanted
  read -r -a wanted <<<"${reports//,/ } md"
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
        output verdict error
        output exit-code 2
        return 0
        ;;
    esac
  done

  local baseline rc=0
  : >"$stderr"
  baseline="$(resolve_baseline "$out" 2>>"$stderr")" || rc=$?
  if [ "$rc" -eq 0 ]; then
    if [ -n "$baseline" ]; then
      args+=(--baseline "$baseline")
      if [ -n "${FITCHECK_MAX_GROWTH:-}" ]; then args+=(--max-growth "$FITCHECK_MAX_GROWTH"); fi
    fi
    tool "${args[@]}" 2>>"$stderr" || rc=$?
  fi
  cat "$stderr" >&2

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

  local comment="$out/comment.md"
  if [ "$verdict" = error ] || [ ! -f "$md" ]; then
    error_markdown "$manifest" "$rc" "$stderr" >"$comment"
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$comment" >>"$GITHUB_STEP_SUMMARY"; fi
  else
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$md" >>"$GITHUB_STEP_SUMMARY"; fi
    truncate_markdown "$md" "$MAX_COMMENT_BYTES" >"$comment"
  fi
  if [ "${FITCHECK_COMMENT:-false}" = true ]; then
    post_comment "$comment" "$manifest"
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
  cache-key) cmd_cache_key ;;
  install) cmd_install ;;
  run) cmd_run ;;
  finish) cmd_finish ;;
  *)
    log "usage: $0 cache-key|install|run|finish"
    exit 2
    ;;
esac
