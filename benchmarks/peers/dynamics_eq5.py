#!/usr/bin/python3
"""Peers of DynamicsBenchmarks: the paper's eq. (5) on qubit B (docs/conventions.md §1) from a|00> + b|11>, with
1000 output times on [0, 5]:
  H = (ω/2) σz_B, L = √γ σ⁻_B, √κ σ⁺_B, √(η/2) σz_B;  γ = 1, κ = 0.5, η = 0.3, ω = 1.
  qutip_mesolve   — qutip.mesolve (default options) returning the 1000 density matrices;
  scipy_expm      — 16×16 Liouvillian (column stacking), P = scipy.linalg.expm(L Δt), applied 999 times
                    (1000 states including t = 0).
Both are timed end to end from the prepared operators (the Liouvillian is built inside the timed region, as
mesolve does). Each result carries its maximum deviation from the closed form (docs/conventions.md §2 item 5).
"""
import math
import os
import time

import numpy as np
import qutip as qt
import scipy.linalg

from peercommon import A_AMP, B_AMP, emit, log, stats

GAMMA, KAPPA, ETA, OMEGA = 1.0, 0.5, 0.3, 1.0
TIMES = np.linspace(0.0, 5.0, 1000)
REPEATS_MESOLVE = int(os.environ.get("PEERS_REPEATS_MESOLVE", "30"))
REPEATS_EXPM = int(os.environ.get("PEERS_REPEATS_EXPM", "200"))

SM = np.array([[0, 1], [0, 0]], dtype=complex)   # σ⁻ = |0><1|
SZ = np.diag([1.0, -1.0]).astype(complex)
I2 = np.eye(2, dtype=complex)


def on_b(op):
    return np.kron(I2, op)


H = 0.5 * OMEGA * on_b(SZ)
C_OPS = [math.sqrt(GAMMA) * on_b(SM), math.sqrt(KAPPA) * on_b(SM.conj().T), math.sqrt(ETA / 2) * on_b(SZ)]
PSI0 = np.zeros(4, dtype=complex)
PSI0[0], PSI0[3] = A_AMP, B_AMP
RHO0 = np.outer(PSI0, PSI0.conj())


def closed_form(t):
    g = GAMMA + KAPPA
    e = math.exp(-g * t)
    a2, b2 = A_AMP ** 2, B_AMP ** 2
    rho = np.zeros((4, 4), dtype=complex)
    rho[0, 0] = a2 * (1 - KAPPA / g * (1 - e))
    rho[1, 1] = a2 * KAPPA / g * (1 - e)
    rho[2, 2] = b2 * GAMMA / g * (1 - e)
    rho[3, 3] = b2 * (KAPPA / g + GAMMA / g * e)
    rho[0, 3] = A_AMP * B_AMP * np.exp(-1j * OMEGA * t) * math.exp(-(g / 2 + ETA) * t)
    rho[3, 0] = np.conj(rho[0, 3])
    return rho


def max_error(states):
    return float(max(np.abs(s - closed_form(t)).max() for s, t in zip(states, TIMES)))


Q_H = qt.Qobj(H, dims=[[2, 2], [2, 2]])
Q_C_OPS = [qt.Qobj(c, dims=[[2, 2], [2, 2]]) for c in C_OPS]
Q_RHO0 = qt.Qobj(RHO0, dims=[[2, 2], [2, 2]])


def run_mesolve():
    return qt.mesolve(Q_H, Q_RHO0, TIMES, Q_C_OPS, []).states


def liouvillian():
    eye = np.eye(4, dtype=complex)
    lv = -1j * (np.kron(eye, H) - np.kron(H.T, eye))
    for c in C_OPS:
        cdc = c.conj().T @ c
        lv += np.kron(c.conj(), c) - 0.5 * np.kron(eye, cdc) - 0.5 * np.kron(cdc.T, eye)
    return lv


def run_expm():
    prop = scipy.linalg.expm(liouvillian() * (TIMES[1] - TIMES[0]))
    out = np.empty((TIMES.size, 16), dtype=complex)
    out[0] = RHO0.reshape(-1, order="F")
    for k in range(1, TIMES.size):
        out[k] = prop @ out[k - 1]
    return out


def timed(name, run, repeats, to_states):
    run()   # warm-up (imports, caches, QuTiP's first-call setup)
    samples, cpu = [], []
    result = None
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        result = run()
        samples.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    rec = {"bench": "eq5_1000_times", "impl": name, "unit": "ms/run", "repeats": repeats, "outputs": TIMES.size}
    rec.update(stats(samples))
    rec["cpu"] = stats(cpu)
    rec["check"] = {"max_abs_error_vs_closed_form": max_error(to_states(result))}
    log(f"{name:14s} eq5 1000 times  min {rec['min']:8.3f}  median {rec['median']:8.3f}  max {rec['max']:8.3f} ms"
        f"  max|err| {rec['check']['max_abs_error_vs_closed_form']:.2e}")
    emit(rec)


def main():
    log(f"QuTiP {qt.__version__}, scipy {scipy.__version__}")
    timed("qutip_mesolve", run_mesolve, REPEATS_MESOLVE, lambda states: [s.full() for s in states])
    timed("scipy_expm", run_expm, REPEATS_EXPM, lambda out: [v.reshape(4, 4, order="F") for v in out])


if __name__ == "__main__":
    main()
