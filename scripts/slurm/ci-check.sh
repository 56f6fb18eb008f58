#!/usr/bin/env bash
# CI check of the Slurm path: a throw-away one-node cluster runs a sharded sweep as a job array plus a merge job with
# --dependency=afterok, one array task is cancelled and resubmitted alone, and the merged result must equal the
# unsharded run byte for byte.
#
# Installs slurmctld, slurmd, slurm-client and munge from the distribution's packages when they are missing (needs
# root and apt-get). Everything else lives in a temporary folder: the cluster reads its own slurm.conf through
# SLURM_CONF, with its own ports, state and logs, so /etc/slurm is never touched. Daemons this script starts are
# stopped by pid on exit, also on failure.
#
# Usage: scripts/slurm/ci-check.sh [path/to/collision]   (default: the Release build of src/CollisionModel.Cli)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
collision=${1:-$repo/src/CollisionModel.Cli/bin/Release/net10.0/collision}
ctld_port=${SLURM_CI_CTLD_PORT:-16817}
slurmd_port=${SLURM_CI_SLURMD_PORT:-16818}
deadline_seconds=${SLURM_CI_TIMEOUT:-180}

log() { echo "slurm-ci: $*"; }
fail() { echo "slurm-ci: FAILED: $*" >&2; exit 1; }

[ -x "$collision" ] || fail "no collision binary at $collision (build with: dotnet build -c Release)."
collision=$(cd "$(dirname "$collision")" && pwd)/$(basename "$collision")

# --- packages -------------------------------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  [ "$(id -u)" -eq 0 ] || fail "Slurm/munge missing and not root: install slurmctld slurmd slurm-client munge."
  command -v apt-get >/dev/null || fail "Slurm/munge missing and no apt-get."
  log "installing slurmctld slurmd slurm-client munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

# --- cluster --------------------------------------------------------------------------------------------------------
work=$(mktemp -d /tmp/collision-slurm-ci.XXXXXX)
export SLURM_CONF=$work/slurm.conf
started_pids=()
stop_cluster() {
  local status=$?
  set +e
  if [ -f "$work/slurmctld.pid" ]; then
    scancel --user="$(id -un)" >/dev/null 2>&1
    for _ in $(seq 100); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.1; done
  fi
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" ${munged_pidfile:+"$munged_pidfile"}; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null
    for _ in $(seq 50); do
      state=$(ps -o stat= -p "$pid" 2>/dev/null)
      case "$state" in ''|Z*) break ;; esac
      sleep 0.1
    done
    state=$(ps -o stat= -p "$pid" 2>/dev/null)
    case "$state" in ''|Z*) ;; *) kill -9 "$pid" 2>/dev/null ;; esac
  done
  if [ "$status" -ne 0 ]; then
    echo "slurm-ci: logs:" >&2
    for f in "$work"/*.log "$work"/jobs/*.log; do [ -f "$f" ] && { echo "== $f" >&2; tail -n 15 "$f" >&2; }; done
  fi
  [ -n "${SLURM_CI_KEEP:-}" ] || rm -rf "$work"
  exit "$status"
}
trap stop_cluster EXIT

cpus=$(nproc)
memory=$(( $(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p') * 9 / 10 ))
mkdir -p "$work/state" "$work/spool" "$work/jobs"
cat > "$SLURM_CONF" <<CONF
ClusterName=collisionci
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$(id -un)
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerParameters=batch_sched_delay=0
DependencyParameters=kill_invalid_depend
MailProg=/bin/true
NodeName=localhost CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

munged_pidfile=
if ! munge -n >/dev/null 2>&1; then
  log "starting munged"
  install -d -o munge -g munge -m 0755 /run/munge
  runuser -u munge -- /usr/sbin/munged
  munged_pidfile=/run/munge/munged.pid
  for _ in $(seq 100); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n >/dev/null 2>&1 || fail "munged did not start."
fi
log "starting slurmctld and slurmd (ports $ctld_port, $slurmd_port)"
/usr/sbin/slurmctld
/usr/sbin/slurmd -N localhost
for _ in $(seq 200); do [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break; sleep 0.1; done
[ "$(sinfo -h -o %T 2>/dev/null)" = idle ] || fail "node did not become idle: $(sinfo -h 2>&1)"

# --- the sweep ------------------------------------------------------------------------------------------------------
spec=$work/spec.json
cat > "$spec" <<'SPEC'
{
  "command": "conjecture",
  "fixed": { "points": 9 },
  "grid": { "seed": [SEEDS] },
  "random": { "count": 40, "seed": 11, "uniform": { "time": [4, 16] } },
  "keep": ["E_R_gibbs", "c", "max_conjecture_ratio", "violates"]
}
SPEC
# 120 points, 40 per shard: long enough for task 1 to be caught mid-run even on a fast machine.
sed -i "s/SEEDS/$(seq -s, 0 79)/" "$spec"
shards=3
"$collision" sweep --spec "$spec" --out "$work/unsharded" 2>/dev/null
"$collision" merge "$work/unsharded" --output "$work/unsharded.jsonl"

wait_for() { # job ids…: wait until none is queued or running
  local end=$((SECONDS + deadline_seconds))
  while [ -n "$(squeue -h -j "$(IFS=,; echo "$*")" 2>/dev/null)" ]; do
    [ "$SECONDS" -lt "$end" ] || fail "jobs $* still queued after ${deadline_seconds}s: $(squeue 2>&1)"
    sleep 0.2
  done
}
state_of() { scontrol -o show job "$1" 2>&1 | grep -o "JobState=[A-Z_]*" | head -n 1 | cut -d= -f2; }

export SPEC=$spec OUT=$work/sharded SHARDS=$shards COLLISION=$collision
cd "$work/jobs"
array=$(sbatch --parsable --array=0-$((shards - 1)) -o "$work/jobs/sweep-%A_%a.log" "$here/sweep-array.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$array" -o "$work/jobs/merge-%j.log" "$here/merge.sbatch")
log "array job $array (tasks 0-$((shards - 1))), merge job $merge (afterok)"
# Cancel task 1 mid-run, once it has written some of its points (as a preemption or a time limit would).
task1=$OUT/points-1-of-$shards.jsonl
end=$((SECONDS + deadline_seconds))
until [ -s "$task1" ]; do
  [ "$SECONDS" -lt "$end" ] || fail "task ${array}_1 wrote nothing within ${deadline_seconds}s."
  sleep 0.02
done
scancel "${array}_1"
wait_for "$array" "$merge"
[ "$(state_of "${array}_1")" = CANCELLED ] || fail "task ${array}_1 ended $(state_of "${array}_1") before it could be cancelled; enlarge the spec."
[ "$(state_of "$merge")" = CANCELLED ] || fail "merge job $merge is $(state_of "$merge"); it must not run after a cancelled task."
[ ! -e "$OUT/merged.jsonl" ] || fail "merge ran although task 1 was cancelled."
written=$(grep -c . "$task1" || true)
if "$collision" merge "$OUT" >/dev/null 2>"$work/gap.txt"; then fail "merge accepted a sweep with shard 1 incomplete."; fi
grep -q "missing" "$work/gap.txt" || fail "merge did not name the missing points: $(cat "$work/gap.txt")"
log "task 1 cancelled after $written of its points; merge job cancelled with it; merge refuses the gap"

# Resubmitted alone: SLURM_ARRAY_TASK_COUNT/MIN/MAX now describe a one-task array; the shard must still be 1 of 3.
again=$(sbatch --parsable --array=1 -o "$work/jobs/sweep-%A_%a.log" "$here/sweep-array.sbatch")
merge2=$(sbatch --parsable --dependency=afterok:"$again" -o "$work/jobs/merge-%j.log" "$here/merge.sbatch")
log "task 1 resubmitted as $again, merge job $merge2 (afterok)"
wait_for "$again" "$merge2"
[ "$(state_of "$merge2")" = COMPLETED ] || fail "merge job $merge2 ended $(state_of "$merge2")."
grep -q "already done" "$work/jobs/sweep-${again}_1.log" || fail "the resubmitted task did not resume: $(cat "$work/jobs/sweep-${again}_1.log")"
log "resubmitted task: $(cat "$work/jobs/sweep-${again}_1.log")"
cmp "$work/unsharded.jsonl" "$OUT/merged.jsonl" || fail "sharded merge differs from the unsharded run."
[ -s "$OUT/merged.parquet" ] && [ -s "$OUT/merged.csv" ] || fail "merge job wrote no CSV/Parquet."
log "passed: $(wc -l < "$OUT/merged.jsonl") points, sharded ($shards array tasks, one resubmitted) = unsharded, byte for byte"
