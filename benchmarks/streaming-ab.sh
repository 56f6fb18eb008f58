#!/usr/bin/env bash
# The streaming step of two built checkouts, side by side on one machine:
#   benchmarks/streaming-ab.sh OLD_DIR NEW_DIR [ROUNDS]
# runs StreamingCollisionBenchmarks (BenchmarkDotNet's default job, out of process) of OLD_DIR and NEW_DIR
# alternately (old, new, old, new, … ROUNDS times each, default 2) and prints one table: per run the git revision
# (-dirty: uncommitted changes, e.g. the patch below), the 1-minute load average before–after, mean ± error per
# benchmark (BenchmarkDotNet's Error, half its 99.9 % confidence interval; this script's earlier tables gave
# ± StdDev) and the allocation per operation. Each checkout must already be built in Release (dotnet build
# benchmarks/CollisionModel.Benchmarks -c Release); nothing is rebuilt here except BenchmarkDotNet's own per-run
# launcher. Reports and logs go to a temporary folder, printed at the end.
#
# The class restarts its engines from the initial state every RestartEvery collisions (else the decay model's
# coherence reaches a subnormal fixed point and the benchmark measures subnormal arithmetic; docs/performance.md);
# EngineRestart is the cost of one restart, and "restart per collision" (EngineRestart / RestartEvery) what the
# restarts add to each step timing. A checkout whose class does not restart is run anyway, with a warning.
# The "before" side of the bookkeeping-core comparison is d852816 with the same benchmark change ported
# (benchmarks/ab/streaming-restart-d852816.patch); from the root of this checkout:
#   git worktree add --detach ../cm-d852816 d852816
#   git -C ../cm-d852816 apply "$PWD/benchmarks/ab/streaming-restart-d852816.patch"
#   (cd ../cm-d852816 && dotnet build benchmarks/CollisionModel.Benchmarks -c Release)
#   dotnet build benchmarks/CollisionModel.Benchmarks -c Release
#   benchmarks/streaming-ab.sh ../cm-d852816 . 3
# Measure on a quiet machine only (nothing else building or testing); each run takes ~2–3 minutes.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 OLD_DIR NEW_DIR [ROUNDS]" >&2
  exit 2
fi
old=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
rounds=${3:-2}
if ! [[ $rounds =~ ^[1-9][0-9]*$ ]]; then
  echo "ROUNDS must be a positive integer, got '$rounds'" >&2
  exit 2
fi
for dir in "$old" "$new"; do
  if [[ ! -f $dir/benchmarks/CollisionModel.Benchmarks/CollisionModel.Benchmarks.csproj ]]; then
    echo "$dir is not a CollisionModel checkout (no benchmarks/CollisionModel.Benchmarks)" >&2
    exit 2
  fi
  if ! grep -q RestartEvery "$dir/benchmarks/CollisionModel.Benchmarks/CollisionBenchmarks.cs"; then
    echo "warning: $dir's StreamingCollisionBenchmarks does not restart its engines, so its rows measure the" \
      "subnormal fixed point (for d852816 apply benchmarks/ab/streaming-restart-d852816.patch)" >&2
  fi
done

out=$(mktemp -d "${TMPDIR:-/tmp}/streaming-ab.XXXXXX")
summary=$out/summary.tsv
: > "$summary"

run() { # run ROUND LABEL DIR
  local round=$1 label=$2 dir=$3
  local artifacts=$out/$label-$round
  local rev load
  rev=$(git -C "$dir" rev-parse --short HEAD 2>/dev/null || echo '?')
  git -C "$dir" diff --quiet HEAD 2>/dev/null || rev+=-dirty
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "round $round: $label ($rev, load $load) ..." >&2
  (cd "$dir" && dotnet run -c Release --no-build --project benchmarks/CollisionModel.Benchmarks -- \
      --filter '*StreamingCollisionBenchmarks*' --artifacts "$artifacts") > "$artifacts.log" 2>&1 || {
    echo "the benchmark of $dir failed; see $artifacts.log" >&2
    exit 1
  }
  local report
  report=$(find "$artifacts/results" -name '*StreamingCollisionBenchmarks-report.csv' | head -n 1)
  if [[ -z $report ]]; then
    echo "no report in $artifacts/results; see $artifacts.log" >&2
    exit 1
  fi
  local after restart_every
  after=$(cut -d' ' -f1 /proc/loadavg)
  # Collisions between the class's restarts (empty when it does not restart), for the restart's share per collision.
  restart_every=$(sed -n 's/.*const int RestartEvery = \([0-9_]*\);.*/\1/p' \
    "$dir/benchmarks/CollisionModel.Benchmarks/CollisionBenchmarks.cs" | tr -d _)
  printf '%s\t%s\t%s\t%s–%s\t%s\t%s\n' "$round" "$label" "$rev" "$load" "$after" "$report" "$restart_every" >> "$summary"
}

for round in $(seq 1 "$rounds"); do
  run "$round" old "$old"
  run "$round" new "$new"
done

python3 - "$summary" <<'EOF'
import csv, re, sys

def nanoseconds(cell):
    value, unit = re.fullmatch(r"([\d,.]+) (ns|μs|µs|us|ms|s)", cell.strip()).groups()
    return float(value.replace(",", "")) * {"ns": 1, "μs": 1e3, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]

methods = ["PlainStep", "StepWithBookkeeping", "StepWithBookkeepingUnguarded", "EngineRestart"]
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
print("| round | build | git | load | " + " | ".join(methods) + " | restart per collision | allocated |")
print("|---|---|---|---|" + "---:|" * (len(methods) + 1) + "---|")
for round_, label, rev, load, report, restart_every in rows:
    with open(report, newline="", encoding="utf-8") as f:
        table = {r["Method"]: r for r in csv.DictReader(f)}
    cells = []
    for m in methods:
        r = table.get(m)
        if r is None:
            cells.append("—")  # not in this checkout's benchmark class
        else:
            error = r.get("Error")
            cells.append(r["Mean"] + (f" ± {error}" if error and error != "NA" else ""))
    # In the order of the columns (EngineRestart: per restart, not per collision).
    # EngineRestart / RestartEvery: what the restarts add to each step timing above.
    share = (f"{nanoseconds(table['EngineRestart']['Mean']) / int(restart_every):.2f} ns"
             if restart_every and "EngineRestart" in table else "—")
    allocated = " / ".join(table[m].get("Allocated", "?") if m in table else "—" for m in methods)
    print(f"| {round_} | {label} | {rev} | {load} | " + " | ".join(cells) + f" | {share} | {allocated} |")
EOF
echo "reports and logs: $out" >&2
