#!/usr/bin/env bash
# The streaming step of two built checkouts, side by side on one machine:
#   benchmarks/streaming-ab.sh OLD_DIR NEW_DIR [ROUNDS]
# runs StreamingCollisionBenchmarks (BenchmarkDotNet's default job, out of process) of OLD_DIR and NEW_DIR
# alternately (old, new, old, new, … ROUNDS times each, default 2) and prints one table of the means and allocations,
# with each run's git revision and load average. Each checkout must already be built in Release
# (dotnet build benchmarks/CollisionModel.Benchmarks -c Release); nothing is rebuilt here except BenchmarkDotNet's own
# per-run launcher. Reports and logs go to a temporary folder, printed at the end.
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
done

out=$(mktemp -d "${TMPDIR:-/tmp}/streaming-ab.XXXXXX")
summary=$out/summary.tsv
: > "$summary"

run() { # run ROUND LABEL DIR
  local round=$1 label=$2 dir=$3
  local artifacts=$out/$label-$round
  local rev load
  rev=$(git -C "$dir" rev-parse --short HEAD 2>/dev/null || echo '?')
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
  local after
  after=$(cut -d' ' -f1 /proc/loadavg)
  printf '%s\t%s\t%s\t%s–%s\t%s\n' "$round" "$label" "$rev" "$load" "$after" "$report" >> "$summary"
}

for round in $(seq 1 "$rounds"); do
  run "$round" old "$old"
  run "$round" new "$new"
done

python3 - "$summary" <<'EOF'
import csv, sys

methods = ["PlainStep", "StepWithBookkeeping", "StepWithBookkeepingUnguarded"]
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
print("| round | build | git | load | " + " | ".join(methods) + " | allocated |")
print("|---|---|---|---|" + "---:|" * len(methods) + "---|")
for round_, label, rev, load, report in rows:
    with open(report, newline="", encoding="utf-8") as f:
        table = {r["Method"]: r for r in csv.DictReader(f)}
    cells = []
    for m in methods:
        r = table.get(m)
        if r is None:
            cells.append("—")  # not in this checkout's benchmark class
        else:
            spread = r.get("StdDev") or r.get("Error")
            cells.append(r["Mean"] + (f" ± {spread}" if spread and spread != "NA" else ""))
    allocated = sorted({r.get("Allocated", "?") for r in table.values()})
    print(f"| {round_} | {label} | {rev} | {load} | " + " | ".join(cells) + f" | {', '.join(allocated)} |")
EOF
echo "reports and logs: $out" >&2
