#!/usr/bin/env bash
# Start-up cost of `dotnet-fitcheck check examples/seed/fitcheck.yml --format json` as a ratio to a JIT
# hello-world (bench/startup/Trivial, framework-dependent, Release): mean wall-clock time over RUNS runs
# after 3 warm-ups each, with hyperfine when it is installed, else a bash loop over `date +%s%N`.
#
#   bench/startup/measure.sh            # as a user gets it (MODE=tool): this machine's RID package packed
#                                       # as Native AOT, installed with `dotnet tool install --tool-path`
#                                       # into a temp folder, the installed command run directly; also
#                                       # `dotnet fitcheck` through a local tool manifest (the SDK's lookup)
#   MODE=jit bench/startup/measure.sh   # the portable package's code (FitCheck.any): JIT at every start
#   MODE=r2r bench/startup/measure.sh   # a RID-specific ReadyToRun publish, for comparison
#   RUNS=50 bench/startup/measure.sh
#   OUT=/tmp/s REUSE=1 nice -n -20 bench/startup/measure.sh   # time again what an earlier run built in OUT;
#                                       # on a shared machine nice keeps other processes' load out of the figures
#
# Goal (MODE=tool): the installed command takes at most 0.5x the JIT hello-world. Native AOT needs clang.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-30}"
MODE="${MODE:-tool}"
OUT="${OUT:-$(mktemp -d -t fitcheck-startup.XXXXXX)}"
RID="${RID:-$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')}"
MANIFEST="$ROOT/examples/seed/fitcheck.yml"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

quiet() { "$@" -nodeReuse:false -p:UseSharedCompilation=false -v:quiet -nologo >/dev/null; }

reuse() { [ "${REUSE:-0}" = 1 ] && [ -e "$1" ]; }

echo "Building ($MODE, $RID) in $OUT ..."
reuse "$OUT/trivial/Trivial" || quiet dotnet publish "$ROOT/bench/startup/Trivial/Trivial.csproj" -c Release -o "$OUT/trivial"
TRIVIAL=("$OUT/trivial/Trivial")
LOCAL=()
case "$MODE" in
  tool)
    TOOL=("$OUT/tool/dotnet-fitcheck" check "$MANIFEST" --format json)
    LOCAL=(dotnet fitcheck check "$MANIFEST" --format json)
    export NUGET_PACKAGES="$OUT/packages"
    if ! reuse "$OUT/tool/dotnet-fitcheck"; then
      # A version no package cache has seen, so the install below cannot pick up an older build.
      version="0.0.0-bench.$(date +%Y%m%d%H%M%S)"
      rids="-p:FitCheckToolRids=\"$RID;any\""
      quiet dotnet pack "$ROOT/src/FitCheck.Cli" -c Release -r "$RID" "$rids" "-p:Version=$version" -o "$OUT/feed"
      quiet dotnet pack "$ROOT/src/FitCheck.Cli" -c Release "$rids" "-p:Version=$version" -o "$OUT/feed"
      dotnet tool install FitCheck --tool-path "$OUT/tool" --version "$version" --add-source "$OUT/feed" >/dev/null
      mkdir -p "$OUT/app/.config"
      printf '{ "version": 1, "isRoot": true, "tools": { "fitcheck": { "version": "%s", "commands": ["dotnet-fitcheck"], "rollForward": false } } }\n' \
        "$version" >"$OUT/app/.config/dotnet-tools.json"
      (cd "$OUT/app" && dotnet tool restore --add-source "$OUT/feed" >/dev/null)
    fi
    ls -l "$OUT/feed"
    ;;
  jit)
    reuse "$OUT/fitcheck/dotnet-fitcheck" || quiet dotnet publish "$ROOT/src/FitCheck.Cli" -c Release -o "$OUT/fitcheck"
    TOOL=("$OUT/fitcheck/dotnet-fitcheck" check "$MANIFEST" --format json)
    ;;
  r2r)
    reuse "$OUT/fitcheck/dotnet-fitcheck" || quiet dotnet publish "$ROOT/src/FitCheck.Cli" -c Release -r "$RID" --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -o "$OUT/fitcheck"
    TOOL=("$OUT/fitcheck/dotnet-fitcheck" check "$MANIFEST" --format json)
    ;;
  *) echo "MODE must be tool, jit or r2r" >&2; exit 2 ;;
esac

# The seed manifest fails YOLOv3's gates on purpose: exit 1 is the expected answer, anything else is not.
set +e
"${TOOL[@]}" >/dev/null 2>&1
code=$?
set -e
if [ "$code" -ne 1 ]; then
  echo "${TOOL[0]} check exited $code, expected 1" >&2
  exit 1
fi

mean_ms() { # command...; prints the mean wall time in milliseconds over RUNS runs after 3 warm-ups
  local i start end total=0
  for i in 1 2 3; do "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    total=$((total + end - start))
  done
  awk -v t="$total" -v n="$RUNS" 'BEGIN { printf "%.1f", t / n / 1e6 }'
}

measure() { # name command...; prints the mean in milliseconds
  local name="$1"
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 3 --runs "$RUNS" -N -i --export-csv "$OUT/$name.csv" -n "$name" "$*" >&2
    awk -F, 'NR == 2 { printf "%.1f", $2 * 1000 }' "$OUT/$name.csv"
  else
    mean_ms "$@"
  fi
}

trivial_ms=$(measure trivial "${TRIVIAL[@]}")
tool_ms=$(measure fitcheck "${TOOL[@]}")
ratio=$(awk -v a="$tool_ms" -v b="$trivial_ms" 'BEGIN { printf "%.2f", a / b }')
echo
echo "mode:                        $MODE ($RID)"
echo "JIT hello-world:             $trivial_ms ms (mean of $RUNS)"
echo "dotnet-fitcheck check --format json: $tool_ms ms (mean of $RUNS)"
if [ "${#LOCAL[@]}" -gt 0 ]; then
  # hyperfine -N splits on spaces; the SDK's local-tool lookup needs the manifest's folder as working directory.
  local_ms=$(cd "$OUT/app" && measure local-tool "${LOCAL[@]}")
  echo "dotnet fitcheck (local tool manifest): $local_ms ms (mean of $RUNS)"
fi
echo "ratio:                       $ratio (goal <= 0.5 for MODE=tool)"
