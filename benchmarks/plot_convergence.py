#!/usr/bin/python3
"""Log-log plot of the convergence sweep (benchmarks/compare.sh → ours.jsonl, bench "convergence_sweep"): time and
trace-distance error to the master-equation state against the number of collisions k, step by step vs channel
powers. Docs only (Debian python3-matplotlib); never used by the build or tests.
Usage: plot_convergence.py OURS_JSONL OUT_PNG
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
    rows = [r for r in rows if r["bench"] == "convergence_sweep"]
    k = [r["k"] for r in rows]
    ks = [r["k"] for r in rows if "step_by_step_s" in r]
    fig, (ax_t, ax_e) = plt.subplots(1, 2, figsize=(11, 4.2))
    ax_t.loglog(k, [r["power_s"] for r in rows], "o-", label="channel power C^k (repeated squaring)")
    ax_t.loglog(ks, [r["step_by_step_s"] for r in rows if "step_by_step_s" in r], "s-", label="step by step")
    ax_t.set_xlabel("collisions k")
    ax_t.set_ylabel("time to the k-collision state (s)")
    ax_t.grid(True, which="both", alpha=0.3)
    ax_t.legend()
    ax_e.loglog(k, [r["power_trace_distance"] for r in rows], "o-", label="channel power")
    ax_e.loglog(ks, [r["step_by_step_trace_distance"] for r in rows if "step_by_step_s" in r], "s--",
                label="step by step")
    ax_e.loglog(k, [rows[0]["power_trace_distance"] * k[0] / x for x in k], ":", color="gray", label="∝ 1/k")
    ax_e.set_xlabel("collisions k")
    ax_e.set_ylabel("trace distance to the master equation at t = 1")
    ax_e.grid(True, which="both", alpha=0.3)
    ax_e.legend()
    fig.suptitle("Pure-ancilla dephasing (η = 1, t = 1): collision model → master equation as k → ∞")
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=110)


if __name__ == "__main__":
    main()
