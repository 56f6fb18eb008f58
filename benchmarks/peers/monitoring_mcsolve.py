#!/usr/bin/python3
"""Monitored decay side by side: QuTiP's mcsolve and `collision trajectories` on the same problem, in one run.

The problem: resonance fluorescence, a qubit driven by H = (Ω/2)σx (Ω = 1) from |0⟩ that decays at rate γ = 1
(L = √γ σ⁻, σ⁻ = |0⟩⟨1|); the emitted quanta are counted. QuTiP unravels the Lindblad equation into quantum jumps
(mcsolve); the collision model lets each step's vacuum ancilla meet the qubit through a partial swap at rate γ and
reads the outgoing ancilla in |0⟩, |1⟩ (a click is 1), with the drive in Strang halves. Same number of trajectories
(1000) and output times (1001 on [0, T], T = 10). The collision step is δt = T/K with K = 1000 steps (a record every
step); its first-order discretisation error (a few 1e-3 in the populations, printed against mesolve below) is below
the statistical error (~0.5/√1000 = 0.016).

Checks, all printed: every output time's ⟨ρ_11⟩, ⟨Re ρ_01⟩, ⟨Im ρ_01⟩ and ⟨N(t)⟩ of both, against the exact Lindblad
values (mesolve; ⟨N(t)⟩ = γ∫₀ᵗ ρ_11) in units of each side's own standard error, and the two against each other in
units of their combined error; the largest |z| over 1001 times (for 4 quantities × 1001 correlated times, |z| < 5 is
the expectation; z is taken where the per-trajectory spread is ≥ 0.1, the largest absolute deviations everywhere).
The wall time of both: the mcsolve call with its default parallel map (every core), ours in process (the library
call, the warm second of two runs, through the benchmark harness) and as the whole CLI process (start-up and JSON
output included), with 1 and 2 threads.

Usage: benchmarks/peers/monitoring_mcsolve.py [--trajectories N] [--collision PATH]; one JSON line on stdout, the
table on stderr. Needs the Release build of the CLI (dotnet build src/CollisionModel.Cli -c Release) and Debian's
python3-qutip (/usr/bin/python3). Not part of the C# build or tests.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import qutip

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
T, STEPS, EVERY, OMEGA, GAMMA = 10.0, 1000, 1, 1.0, 1.0

MODEL = {
    "system": {"dims": [2], "b": [0], "state": [[1, 0], [0, 0]], "hamiltonian": [[0, OMEGA / 2], [OMEGA / 2, 0]]},
    "baths": [{
        "name": "detector", "acts_on": [0], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]},
        "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": GAMMA,
        "measure": {"basis": [[1, 0], [0, 1]], "values": [0, 1]},
    }],
}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def ours(collision, n, threads, folder):
    path = os.path.join(folder, "fluorescence.json")
    with open(path, "w") as f:
        json.dump(MODEL, f)
    cmd = [collision, "trajectories", "--model-file", path, "--time", str(T), "--steps", str(STEPS), "--record-every", str(EVERY),
           "--trajectories", str(n), "--seed", "1", "--threads", str(threads), "--format", "json", "--quiet"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t0
    doc = json.loads(out)
    recs = doc["records"]
    # mean_rho: row-major [re, im] pairs.
    rho = np.array([[complex(*z) for z in row] for r in recs for row in r["mean_rho"]]).reshape(len(recs), 2, 2)
    counts = np.array([r["counts_mean"][0] for r in recs])
    counts_err = np.array([r["counts_stderr"][0] for r in recs])
    return wall, rho, counts, counts_err


def ours_in_process(n):
    dll = os.path.join(ROOT, "benchmarks/CollisionModel.Benchmarks/bin/Release/net10.0/CollisionModel.Benchmarks.dll")
    out = subprocess.run(["dotnet", dll, "monitoring-trajectories", str(n), str(STEPS), str(EVERY)], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def theirs(n, times):
    psi0 = qutip.basis(2, 0)
    h = 0.5 * OMEGA * qutip.sigmax()
    c_ops = [np.sqrt(GAMMA) * qutip.destroy(2)]
    p1 = qutip.basis(2, 1) * qutip.basis(2, 1).dag()
    # ⟨σx⟩ = 2 Re ρ_01, ⟨σy⟩ = −2 Im ρ_01 for ρ_01 = ⟨0|ρ|1⟩.
    e_ops = [p1, qutip.sigmax(), qutip.sigmay()]
    options = qutip.Options(average_expect=False, store_states=False, seeds=list(range(1, n + 1)))
    t0 = time.perf_counter()
    result = qutip.mcsolve(h, psi0, times, c_ops, e_ops, ntraj=n, options=options, progress_bar=None)
    wall = time.perf_counter() - t0
    expect = np.array(result.expect)  # (trajectories, e_ops, times) with average_expect=False
    per = [expect[:, k, :].real for k in range(3)]
    jumps = np.array([[np.sum(np.asarray(ct) <= t + 1e-12) for t in times] for ct in result.col_times], dtype=float)
    return wall, per, jumps


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trajectories", type=int, default=1000)
    parser.add_argument("--collision", default=os.path.join(ROOT, "src/CollisionModel.Cli/bin/Release/net10.0/collision"))
    args = parser.parse_args()
    n = args.trajectories
    times = np.linspace(0, T, STEPS // EVERY + 1)
    load = open("/proc/loadavg").read().split()[:3]

    with tempfile.TemporaryDirectory() as folder:
        ours_walls = {}
        for threads in (1, 2):
            ours_walls[threads], rho, counts, counts_err = ours(args.collision, n, threads, folder)
    in_process = ours_in_process(n)
    their_wall, per, jumps = theirs(n, times)

    exact = qutip.mesolve(0.5 * OMEGA * qutip.sigmax(), qutip.basis(2, 0), times, [np.sqrt(GAMMA) * qutip.destroy(2)],
                          [qutip.basis(2, 1) * qutip.basis(2, 1).dag(), qutip.sigmax(), qutip.sigmay()],
                          options=qutip.Options(atol=1e-12, rtol=1e-10))
    p1_exact, sx_exact, sy_exact = (np.array(e) for e in exact.expect)
    dt_out = times[1] - times[0]
    n_exact = GAMMA * np.concatenate([[0], np.cumsum(0.5 * (p1_exact[1:] + p1_exact[:-1]) * dt_out)])  # trapezoid

    sq = np.sqrt(n)
    # The CLI prints no standard error per entry of mean_rho; in the continuum limit the two unravellings have the same
    # per-trajectory spread, so QuTiP's sample spread (same N) is the error of both for the state (ours is used for counts).
    quantities = {
        "rho_11": (rho[:, 1, 1].real, per[0].mean(0), per[0].std(0, ddof=1) / sq, p1_exact),
        "re_rho_01": (rho[:, 0, 1].real, per[1].mean(0) / 2, per[1].std(0, ddof=1) / (2 * sq), sx_exact / 2),
        "im_rho_01": (rho[:, 0, 1].imag, -per[2].mean(0) / 2, per[2].std(0, ddof=1) / (2 * sq), -sy_exact / 2),
        "counts": (counts, jumps.mean(0), jumps.std(0, ddof=1) / sq, n_exact),
    }
    report = {"trajectories": n, "output_times": len(times), "steps": STEPS, "dt": T / STEPS, "loadavg": load,
              "qutip": qutip.__version__, "mcsolve_s": their_wall, "ours_process_s_1_thread": ours_walls[1], "ours_process_s_2_threads": ours_walls[2],
              **in_process}
    log(f"{'quantity':<10} {'max|z| ours−exact':>18} {'max|z| qutip−exact':>19} {'max|z| ours−qutip':>18} "
        f"{'max|Δ| ours':>12} {'max|Δ| qutip':>13} {'at T: ours':>11} {'qutip':>9} {'exact':>9}")
    for name, (mine, q, q_err, ex) in quantities.items():
        # z only where the per-trajectory spread is at least 0.1: right after t = 0 every trajectory follows the same
        # no-jump evolution, the sample error is ~0 and z would measure the δt discretisation in units of nothing
        # (the absolute deviations cover those times).
        err_ours = counts_err if name == "counts" else q_err
        meaningful = (q_err * sq >= 0.1) & (err_ours * sq >= 0.1)
        err = np.where(meaningful, q_err, np.inf)
        err_ours = np.where(meaningful, err_ours, np.inf)
        z_ours = np.max(np.abs(mine - ex) / err_ours)
        z_q = np.max(np.abs(q - ex) / err)
        z_both = np.max(np.abs(mine - q) / np.sqrt(err_ours ** 2 + err ** 2))
        d_ours, d_q = np.max(np.abs(mine - ex)), np.max(np.abs(q - ex))
        report[f"max_z_{name}"] = {"ours_exact": z_ours, "qutip_exact": z_q, "ours_qutip": z_both, "max_abs_ours_exact": d_ours,
                                   "max_abs_qutip_exact": d_q, "times_compared": int(meaningful.sum())}
        report[f"final_{name}"] = {"ours": float(mine[-1]), "qutip": float(q[-1]), "exact": float(ex[-1]),
                                   "stderr": float(err[-1]) if np.isfinite(err[-1]) else 0.0}
        log(f"{name:<10} {z_ours:18.2f} {z_q:19.2f} {z_both:18.2f} {d_ours:12.4f} {d_q:13.4f} {mine[-1]:11.4f} {q[-1]:9.4f} {ex[-1]:9.4f}")
    ip1, ip2 = in_process["in_process_s_1_thread"], in_process["in_process_s_2_threads"]
    log(f"wall time: mcsolve call {their_wall:.2f} s; ours in process {ip1:.3f} s (1 thread), {ip2:.3f} s (2 threads): "
        f"{their_wall / ip1:.0f}× / {their_wall / ip2:.0f}×; whole CLI process {ours_walls[1]:.3f} s / {ours_walls[2]:.3f} s: "
        f"{their_wall / ours_walls[1]:.0f}× / {their_wall / ours_walls[2]:.0f}×; load before {' '.join(load)}, after {' '.join(open('/proc/loadavg').read().split()[:3])}")
    print(json.dumps(report, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
