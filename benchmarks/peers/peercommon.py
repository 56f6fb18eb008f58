"""Shared helpers for the peer benchmarks: the physics parameters, timing statistics and JSON-line output.

Every peer prints one JSON object per line on stdout (prefixed by nothing), so benchmarks/compare.sh can gather
them with a line filter; human-readable progress goes to stderr.
"""
import json
import math
import os
import platform
import statistics
import sys
import time

# physics.md §1, §5: two qubits A, B; ancillas E; tensor order A, B, E; basis |00>, |01>, |10>, |11>.
GAMMA = 1.0
KAPPA = 0.5
P0 = GAMMA / (GAMMA + KAPPA)          # thermal ancilla populations
P1 = KAPPA / (GAMMA + KAPPA)
A_AMP = 1.0 / math.sqrt(2.0)          # a|00> + b|11>
B_AMP = math.sqrt(1.0 - A_AMP ** 2)
TOTAL_TIME = 1.0                      # T; δt = T / K; θ = sqrt((γ + κ) δt)

# Knobs (environment) so compare.sh can shorten or lengthen a run without editing the scripts.
TARGET_SECONDS = float(os.environ.get("PEERS_TARGET_SECONDS", "1.2"))   # wall time of one timed run
REPEATS = int(os.environ.get("PEERS_REPEATS", "5"))
CHECK_STEPS = 100                     # K of the cross-peer correctness check emitted with every result


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def emit(record):
    """One machine-readable result line on stdout."""
    record.setdefault("python", platform.python_version())
    print(json.dumps(record, sort_keys=True), flush=True)


def stats(samples):
    return {"min": min(samples), "median": statistics.median(samples), "max": max(samples)}


def calibrate(run, probe_steps, target_seconds=None):
    """Pick K so that run(K) takes about target_seconds, from one short probe run."""
    target = TARGET_SECONDS if target_seconds is None else target_seconds
    t0 = time.perf_counter()
    run(probe_steps)
    per_step = (time.perf_counter() - t0) / probe_steps
    return max(probe_steps, int(target / per_step))


def time_loop(name, impl, run, probe_steps, extra=None):
    """Time run(K) REPEATS times with K calibrated to ~TARGET_SECONDS; emit µs per collision min/median/max.

    run(K) performs K collisions with δt = T / K and returns a dict of final-state checks (same on every peer),
    so the work can be compared across implementations.
    """
    check_fixed = run(CHECK_STEPS)   # identical K on every peer, so the checks can be compared across peers
    steps = calibrate(run, probe_steps)
    samples = []
    check = None
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        check = run(steps)
        samples.append((time.perf_counter() - t0) / steps * 1e6)
    rec = {"bench": name, "impl": impl, "unit": "us/step", "steps": steps, "repeats": REPEATS}
    rec.update(stats(samples))
    rec["check"] = check
    rec["check_K%d" % CHECK_STEPS] = check_fixed
    if extra:
        rec.update(extra)
    log(f"{impl:6s} {name:28s} K={steps:7d}  min {rec['min']:9.3f}  median {rec['median']:9.3f}  max {rec['max']:9.3f} us/step")
    emit(rec)
    return rec
