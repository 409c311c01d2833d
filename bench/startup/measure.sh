#!/usr/bin/env bash
# Start-up cost of `dotnet-fitcheck check examples/seed/fitcheck.yml` as a ratio to a trivial console app
# built the same way (bench/startup/Trivial). Both are published in Release; a wall-clock mean over RUNS runs
# each, with hyperfine when it is installed, else a bash loop over `date +%s%N`.
#
#   bench/startup/measure.sh            # as the tool ships: `dotnet pack` makes a portable, framework-dependent
#                                       # package, so the code is JIT-compiled at start (MODE=jit)
#   MODE=r2r bench/startup/measure.sh   # RID-specific publish: ReadyToRun precompiles every assembly
#   MODE=aot bench/startup/measure.sh   # Native AOT (McMaster.Extensions.CommandLineUtils reports trim
#                                       # warning IL2104, so warnings are not errors in this mode)
#   RUNS=50 bench/startup/measure.sh
#
# The goal is a ratio of at most 1.5: the check should cost a pipeline about what starting .NET costs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-30}"
MODE="${MODE:-jit}"
OUT="${OUT:-$(mktemp -d -t fitcheck-startup.XXXXXX)}"
RID="${RID:-$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "$MODE" in
  r2r) PUBLISH=(-r "$RID" --self-contained false -p:PublishReadyToRun=true) ;;
  aot) PUBLISH=(-r "$RID" -p:PublishAot=true -p:TreatWarningsAsErrors=false) ;;
  jit) PUBLISH=() ;;
  *) echo "MODE must be jit, r2r or aot" >&2; exit 2 ;;
esac

publish() { # project, output directory
  dotnet publish "$1" -c Release -o "$2" -nodeReuse:false -p:UseSharedCompilation=false "${PUBLISH[@]}" -v:quiet -nologo >/dev/null
}

echo "Publishing ($MODE${PUBLISH:+, $RID}) to $OUT ..."
publish "$ROOT/src/FitCheck.Cli/FitCheck.Cli.csproj" "$OUT/fitcheck"
publish "$ROOT/bench/startup/Trivial/Trivial.csproj" "$OUT/trivial"

TOOL=("$OUT/fitcheck/dotnet-fitcheck" check "$ROOT/examples/seed/fitcheck.yml")
TRIVIAL=("$OUT/trivial/Trivial")

# The seed manifest fails YOLOv3's gates on purpose: exit 1 is the expected answer, anything else is not.
set +e
"${TOOL[@]}" >/dev/null 2>&1
code=$?
set -e
if [ "$code" -ne 1 ]; then
  echo "dotnet-fitcheck check exited $code, expected 1" >&2
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

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs "$RUNS" -N -i --export-csv "$OUT/startup.csv" \
    -n trivial "${TRIVIAL[*]}" -n "fitcheck check" "${TOOL[*]}"
  trivial_ms=$(awk -F, 'NR == 2 { printf "%.1f", $2 * 1000 }' "$OUT/startup.csv")
  tool_ms=$(awk -F, 'NR == 3 { printf "%.1f", $2 * 1000 }' "$OUT/startup.csv")
else
  trivial_ms=$(mean_ms "${TRIVIAL[@]}")
  tool_ms=$(mean_ms "${TOOL[@]}")
fi

ratio=$(awk -v a="$tool_ms" -v b="$trivial_ms" 'BEGIN { printf "%.2f", a / b }')
echo
echo "mode:                 $MODE"
echo "trivial console app:  $trivial_ms ms (mean of $RUNS)"
echo "dotnet-fitcheck check: $tool_ms ms (mean of $RUNS)"
echo "ratio:                $ratio (goal <= 1.5)"
