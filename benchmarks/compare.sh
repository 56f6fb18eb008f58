#!/usr/bin/env bash
# Side-by-side performance run (issue 8): our BenchmarkDotNet benchmarks against the peers doing the same work
# (QuTiP and careful numpy loops in benchmarks/peers/, the plain-C machine floor in benchmarks/floor/), then ONE
# table of per-step times with ratios. Every part prints JSON lines; the table is built from those files.
#
# Usage: benchmarks/compare.sh [--peers-only | --ours-only | --table-only DIR] [--quick] [--job JOB]
#                              [--filter PATTERN]...
#   --peers-only      run only the peers and the floor (no .NET)
#   --ours-only       run only our BenchmarkDotNet benchmarks
#   --table-only DIR  rebuild the table from a previous run's output directory
#   --quick           short peer runs (0.3 s per loop, 3 repeats, 10 s explicit budget), BenchmarkDotNet --job short,
#                     explicit run to 25 ancillas, convergence step by step to 1e5 (5 min at load 15; full run 4.5-6 min at load 1-4)
#   --job JOB         BenchmarkDotNet job (default: 1 launch, 3 warm-ups, 15 iterations; --quick sets short)
#   --filter PATTERN  BenchmarkDotNet filter, repeatable (default: streaming, eq. (5) dynamics, E_R)
# Environment: COMPARE_OUT (output dir, default BenchmarkDotNet.Artifacts/compare/<UTC stamp>),
#   PEERS_THREADS (BLAS/OpenMP threads for the peers, default 1: the peers and the floor are one-core runs),
#   PEERS_TARGET_SECONDS, PEERS_REPEATS, PEERS_BUDGET_SECONDS, PEERS_MEM_GIB, FLOOR_MIB (see the peer scripts),
#   EXPLICIT_ANCILLAS (27; quick 25) and EXPLICIT_REPEATS (2: the first run pays the fresh-page faults of the final
#   buffer, the second reuses the process's memory), CONVERGENCE_STEP_BY_STEP_MAX (1e6; quick 1e5).
# Our side: benchmarks/CollisionModel.Benchmarks (BenchmarkDotNet classes, plus the stopwatch harnesses
#   `explicit-e2e` and `convergence-sweep` for runs that are one sample each).
# Python (/usr/bin/python3 with python3-qutip, numpy, scipy) is needed only here, never by the build or tests.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
MODE=all
ARGS_TEXT="$*"
QUICK=0
JOB=""
FILTERS=()
TABLE_DIR=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --peers-only) MODE=peers ;;
        --ours-only) MODE=ours ;;
        --table-only) MODE=table; TABLE_DIR="$2"; shift ;;
        --quick) QUICK=1 ;;
        --job) JOB="$2"; shift ;;
        --filter) FILTERS+=("$2"); shift ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
if [[ ${#FILTERS[@]} -eq 0 ]]; then
    FILTERS=('*StreamingCollisionBenchmarks*' '*DynamicsBenchmarks*' '*EntanglementBenchmarks*')
fi

if [[ "$MODE" == table ]]; then
    OUT="$(cd "$TABLE_DIR" && pwd)"
else
    OUT="${COMPARE_OUT:-$ROOT/BenchmarkDotNet.Artifacts/compare/$(date -u +%Y%m%dT%H%M%SZ)}"
    mkdir -p "$OUT"
fi
echo "compare.sh: output in $OUT" >&2

machine_info() {
    {
        echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
        echo "cores: $(nproc)"
        echo "avx512f: $(grep -q avx512f /proc/cpuinfo && echo yes || echo no); avx2: $(grep -q avx2 /proc/cpuinfo && echo yes || echo no)"
        echo "mem_total: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
        echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
        echo "command: benchmarks/compare.sh $ARGS_TEXT"
        echo "dotnet: $(dotnet --version 2>/dev/null || echo none)"
    } > "$OUT/machine.txt"
}

run_peers() {
    if ! "$PY" -c "import qutip, numpy, scipy" 2>/dev/null; then
        echo "compare.sh: the peers need $PY with QuTiP, numpy and scipy (Debian: apt-get install -y python3-qutip)" >&2
        exit 3
    fi
    command -v gcc > /dev/null || { echo "compare.sh: the floor needs gcc" >&2; exit 3; }
    local threads="${PEERS_THREADS:-1}"
    export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
    export QUTIP_NUM_THREADS="$threads"
    if [[ $QUICK -eq 1 ]]; then
        export PEERS_TARGET_SECONDS="${PEERS_TARGET_SECONDS:-0.3}" PEERS_REPEATS="${PEERS_REPEATS:-3}"
        export PEERS_BUDGET_SECONDS="${PEERS_BUDGET_SECONDS:-10}"
        export PEERS_REPEATS_MESOLVE="${PEERS_REPEATS_MESOLVE:-10}" PEERS_REPEATS_EXPM="${PEERS_REPEATS_EXPM:-50}"
    fi
    echo "load_before_peers: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    echo "== floor (gcc -O3 -march=native)" >&2
    gcc -O3 -march=native -pthread -o "$OUT/floor" "$ROOT/benchmarks/floor/floor.c" -lm
    "$OUT/floor" > "$OUT/floor.jsonl"
    cat "$OUT/floor.jsonl" >&2
    : > "$OUT/peers.jsonl"
    for script in numpy_collision.py qutip_collision.py dynamics_eq5.py numpy_explicit.py qutip_explicit.py; do
        echo "== peers/$script" >&2
        (cd "$ROOT/benchmarks/peers" && "$PY" "$script") | grep '^{' >> "$OUT/peers.jsonl"
    done
}

run_ours() {
    local args=(--filter "${FILTERS[@]}" --exporters json csv --artifacts "$OUT/bdn")
    if [[ -n "$JOB" ]]; then args+=(--job "$JOB")
    elif [[ $QUICK -eq 1 ]]; then args+=(--job short)
    else args+=(--launchCount 1 --warmupCount 3 --iterationCount 15); fi
    local project=(--project "$ROOT/benchmarks/CollisionModel.Benchmarks")
    echo "== ours: dotnet build -c Release benchmarks/CollisionModel.Benchmarks" >&2
    (cd "$ROOT" && dotnet build -c Release benchmarks/CollisionModel.Benchmarks -nologo -v q) > "$OUT/build.log" 2>&1 \
        || { echo "compare.sh: build failed, see $OUT/build.log" >&2; tail -20 "$OUT/build.log" >&2; exit 4; }
    : > "$OUT/ours.jsonl"
    echo "load_before_ours: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    # Explicit run end to end (one 8 GiB run is one sample: stopwatch harness, copy bandwidth in the same process).
    local anc="${EXPLICIT_ANCILLAS:-27}" reps="${EXPLICIT_REPEATS:-2}"
    [[ $QUICK -eq 1 ]] && anc="${EXPLICIT_ANCILLAS:-25}"
    echo "== ours: dotnet run -c Release --no-build ${project[*]} -- explicit-e2e $anc $reps" >&2
    (cd "$ROOT" && dotnet run -c Release --no-build "${project[@]}" -- explicit-e2e "$anc" "$reps") \
        | tee -a "$OUT/ours.jsonl" | cut -c1-300 >&2
    local sbs="${CONVERGENCE_STEP_BY_STEP_MAX:-1000000}"
    [[ $QUICK -eq 1 ]] && sbs="${CONVERGENCE_STEP_BY_STEP_MAX:-100000}"
    echo "== ours: dotnet run -c Release --no-build ${project[*]} -- convergence-sweep $sbs" >&2
    (cd "$ROOT" && dotnet run -c Release --no-build "${project[@]}" -- convergence-sweep "$sbs") \
        | tee -a "$OUT/ours.jsonl" | cut -c1-300 >&2
    echo "== ours: dotnet run -c Release --no-build ${project[*]} -- ${args[*]}" >&2
    (cd "$ROOT" && dotnet run -c Release --no-build "${project[@]}" -- "${args[@]}") \
        > "$OUT/bdn.log" 2>&1 || { echo "compare.sh: BenchmarkDotNet failed, see $OUT/bdn.log" >&2; tail -20 "$OUT/bdn.log" >&2; }
}

case "$MODE" in
    all) machine_info; run_peers; run_ours ;;
    peers) machine_info; run_peers ;;
    ours) machine_info; run_ours ;;
    table) ;;
esac
[[ -f "$OUT/machine.txt" && "$MODE" != table ]] && {
    echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "elapsed: ${SECONDS} s"
} >> "$OUT/machine.txt"

"$PY" "$ROOT/benchmarks/peers/compare_table.py" "$OUT" "$ROOT/benchmarks/peers/mapping.tsv" | tee "$OUT/table.md"
