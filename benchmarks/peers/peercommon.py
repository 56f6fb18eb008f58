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

# docs/conventions.md §1, §5: two qubits A, B; ancillas E; tensor order A, B, E; basis |00>, |01>, |10>, |11>.
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
    samples, cpu = [], []
    check = None
    for _ in range(REPEATS):
        t0, c0 = time.perf_counter(), time.process_time()
        check = run(steps)
        samples.append((time.perf_counter() - t0) / steps * 1e6)
        cpu.append((time.process_time() - c0) / steps * 1e6)
    rec = {"bench": name, "impl": impl, "unit": "us/step", "steps": steps, "repeats": REPEATS}
    rec.update(stats(samples))
    rec["cpu"] = stats(cpu)   # process CPU time: what the work costs when the machine is shared
    rec["check"] = check
    rec["check_K%d" % CHECK_STEPS] = check_fixed
    if extra:
        rec.update(extra)
    log(f"{impl:6s} {name:28s} K={steps:7d}  min {rec['min']:9.3f}  median {rec['median']:9.3f}  max {rec['max']:9.3f} us/step")
    emit(rec)
    return rec


# Explicit pure-ancilla dephasing (docs/conventions.md §5): one fresh |0> ancilla per step, controlled rotation on (B, E):
# |0>_B|0>_E → |0>|0>, |1>_B|0>_E → |1>(cos θ|0> + sin θ|1>), cos θ = 1 − η δt.
ETA = 1.0
DT = 0.01
COS_THETA = 1.0 - ETA * DT
SIN_THETA = math.sqrt(1.0 - COS_THETA ** 2)
BUDGET_SECONDS = float(os.environ.get("PEERS_BUDGET_SECONDS", "30"))
MEMORY_GIB = float(os.environ.get("PEERS_MEM_GIB", "8"))
# Which clock the budget counts: "wall" (default) or "cpu" (process CPU time; fairer when the machine is shared).
BUDGET_CLOCK = os.environ.get("PEERS_BUDGET_CLOCK", "wall")


def controlled_ry():
    """4×4 unitary on (B, E), basis |00>,|01>,|10>,|11>: identity on B = 0, R_y(2θ) on E when B = 1."""
    import numpy as np
    g = np.eye(4, dtype=complex)
    g[2:, 2:] = [[COS_THETA, -SIN_THETA], [SIN_THETA, COS_THETA]]
    return g


def memory_cap_bytes():
    """The smaller of PEERS_MEM_GIB and 60 % of MemAvailable: other jobs share this machine."""
    cap = MEMORY_GIB * 2 ** 30
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    cap = min(cap, 0.6 * int(line.split()[1]) * 1024)
    except OSError:
        pass
    return cap


def expected_s_ab(ancillas):
    """S_AB (nats) after n pure-ancilla dephasing collisions of a|00> + b|11>: coherence factor cos^n θ."""
    c = COS_THETA ** ancillas
    disc = math.sqrt(max(0.0, 1.0 - 4 * A_AMP ** 2 * B_AMP ** 2 * (1 - c * c)))
    return -sum(x * math.log(x) for x in ((1 + disc) / 2, (1 - disc) / 2) if x > 0)


def grow_run(impl, variant, start, grow_step, finish, peak_bytes_per_amplitude):
    """Grow one ancilla per step until the time budget or the memory cap; emit per-step and cumulative times.

    grow_step(state, n) returns the state with n ancillas (2^(n+2) amplitudes); finish(state) returns S_AB.
    The run stops before a step predicted (2.5× the last step: first-touch page faults make growth super-linear) to overrun the budget, or whose peak memory
    (peak_bytes_per_amplitude × new size) exceeds the cap.
    """
    import gc
    cap = memory_cap_bytes()
    per_step, cumulative, cpu_cumulative = [], [], []
    state = start()
    t_start, c_start = time.perf_counter(), time.process_time()
    n, stop = 0, "budget"
    while True:
        if peak_bytes_per_amplitude * 2 ** (n + 3) > cap:
            stop = "memory cap %.1f GiB" % (cap / 2 ** 30)
            break
        spent = cpu_cumulative if BUDGET_CLOCK == "cpu" else cumulative
        if per_step and spent[-1] + 2.5 * (spent[-1] - (spent[-2] if len(spent) > 1 else 0.0)) > BUDGET_SECONDS:
            break
        t0 = time.perf_counter()
        state = grow_step(state, n + 1)
        t1 = time.perf_counter()
        n += 1
        per_step.append(t1 - t0)
        cumulative.append(t1 - t_start)
        cpu_cumulative.append(time.process_time() - c_start)
        log(f"{impl:6s} explicit {variant:10s} ancillas {n:2d}  step {per_step[-1]*1e3:10.3f} ms  cumulative {cumulative[-1]:8.3f} s"
            f"  (cpu {cpu_cumulative[-1]:8.3f} s)")
    t0 = time.perf_counter()
    s_ab = finish(state)
    t_end = time.perf_counter()
    cpu_total = time.process_time() - c_start
    del state
    gc.collect()
    last = per_step[-1]
    emit({"bench": "explicit_dephasing", "impl": impl, "variant": variant, "ancillas": n, "qubits": n + 2,
          "stop": stop, "budget_s": BUDGET_SECONDS, "budget_clock": BUDGET_CLOCK, "per_step_s": per_step, "cumulative_s": cumulative,
          "cpu_cumulative_s": cpu_cumulative, "cpu_total_s": cpu_total,
          "final_S_AB_s": t_end - t0, "total_s": t_end - t_start, "last_step_s": last,
          "last_step_ns_per_amplitude": last / 2 ** (n + 2) * 1e9,
          "last_step_state_GBps": 16 * 2 ** (n + 2) / last / 1e9,
          "check": {"S_AB": s_ab, "S_AB_expected": expected_s_ab(n)}})
