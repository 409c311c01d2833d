#!/usr/bin/env bash
# Stands in for curl in the action's tests: records each request (method, URL, body) under $FAKE_LOG and
# answers a GET of the comment list with $FAKE_COMMENTS (a JSON array), anything else with {}.
set -euo pipefail
method=GET url="" body=""
while [ $# -gt 0 ]; do
  case "$1" in
    -X) method="$2"; shift 2 ;;
    -H) shift 2 ;;
    --data-binary) body="${2#@}"; shift 2 ;;
    -*) shift ;;
    *) url="$1"; shift ;;
  esac
done
n=$(($(cat "$FAKE_LOG/curl.count" 2>/dev/null || echo 0) + 1))
echo "$n" >"$FAKE_LOG/curl.count"
printf '%s %s\n' "$method" "$url" >>"$FAKE_LOG/curl.requests"
if [ -n "$body" ]; then cp "$body" "$FAKE_LOG/curl.body.$n.json"; fi
if [ "$method" = GET ]; then cat "$FAKE_COMMENTS"; else echo '{}'; fi
