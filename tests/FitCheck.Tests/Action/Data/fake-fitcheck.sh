#!/usr/bin/env bash
# Stands in for the installed dotnet-fitcheck in the action's tests: logs its arguments (and whether it
# was asked for GitHub annotations), writes canned reports where --report/--output ask, and exits with
# FAKE_FITCHECK_EXIT (1 = a gate failed) for `check`; with 2 it prints a located diagnostic on stderr.
set -euo pipefail
printf '%s\n' "$*" >>"$FAKE_LOG/fitcheck.args"
printf '%s\n' "${GITHUB_ACTIONS:-}" >>"$FAKE_LOG/fitcheck.annotations"
output="" format=console baseline_run=false code="${FAKE_FITCHECK_EXIT:-1}"
while [ $# -gt 0 ]; do
  case "$1" in
    --report)
      fmt="${2%%=*}" path="${2#*=}"
      case "$fmt" in
        md) if [ "$code" -le 1 ]; then cat "${FAKE_MARKDOWN:?}" >"$path"; fi ;;
        json) printf '{ "schemaVersion": 1, "summary": { "verdict": "fail" }, "results": [] }\n' >"$path" ;;
        junit) printf '<testsuites tests="1" failures="1" />\n' >"$path" ;;
        sarif) printf '{ "version": "2.1.0", "runs": [] }\n' >"$path" ;;
      esac
      shift 2
      ;;
    --output) output="$2"; baseline_run=true; shift 2 ;;
    --format) format="$2"; shift 2 ;;
    *) shift ;;
  esac
done
if [ "$baseline_run" = true ]; then
  printf '{ "schemaVersion": 1, "results": [], "format": "%s" }\n' "$format" >"$output"
  exit 0
fi
echo "fake fitcheck: console table"
if [ "$code" -eq 2 ]; then
  echo 'fitcheck.yml(4,12): error FC0104: size "8 MiBB" has an unknown unit' >&2
  echo '  hint: use B, kB, MB, GB, KiB, MiB or GiB' >&2
fi
exit "$code"
