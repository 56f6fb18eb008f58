# %% [markdown]
# # Who knows which branch? Quantum Darwinism in the paper's dephasing collision model
#
# Qubits A and B start in a|00⟩ + b|11⟩. Every collision entangles B with a fresh ancilla: the ancilla ends in |a_E⟩
# or |b_E⟩ depending on B, with overlap c = ⟨a_E|b_E⟩ = 1 − ηδt (`angle="paper"`) or e^{−ηδt} (`angle="exact"`).
# Two questions, each answered with an independent reference:
#
# 1. **Is ρ_AB(t) the Lindblad limit?** As δt → 0 the collisions become pure dephasing of B at rate η,
#    dρ/dt = −i[(ω/2)σz_B, ρ] + D[√(η/2) σz_B]ρ. We solve that with QuTiP's `mesolve` and compare every entry of
#    ρ_AB(t).
# 2. **How is the information spread over the environment?** Keeping every ancilla (`representation="mps"`,
#    `fragments=True`), the run reports I(AB : F) for the fragment F of the m oldest ancillas. Quantum Darwinism
#    predicts a *plateau*: a small fraction of the environment already knows the classical branch (I = S_AB), and
#    only the whole environment holds the quantum correlations too (I = 2 S_AB, the global state being pure). We
#    compare with the closed form and measure the redundancy: into how many disjoint fragments is the record copied?
#
# The plain script `quantum_darwinism.py` next to this notebook is the same code (run it from any folder; plots go
# next to it, or into `$COLLISIONMODEL_PLOTS`).

# %%
import os
import sys
from pathlib import Path

import matplotlib

if "ipykernel" not in sys.modules:  # a plain script draws into files only
    matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import qutip

import collisionmodel as cm

HERE = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()  # a notebook runs in its folder
PLOTS = Path(os.environ.get("COLLISIONMODEL_PLOTS", HERE))
PLOTS.mkdir(parents=True, exist_ok=True)

ETA, OMEGA, A = 1.0, 0.5, 0.6  # dephasing rate η, B's frequency ω, initial amplitude a
B = np.sqrt(1 - A**2)
print("collisionmodel", cm.__version__, "| qutip", qutip.__version__)

# %% [markdown]
# ## 1. ρ_AB(t) against QuTiP's Lindblad solution
#
# The collision model and the master equation run on the same time grid. With `angle="exact"` each collision is the
# exact dephasing channel of one δt (it commutes with the Hamiltonian part), so the two must agree to the solver's
# tolerance. With the paper's `angle="paper"` the coherence after n collisions is ab(1 − ηδt)^n instead of ab e^{−ηt}:
# a first-order error, ≈ ab e^{−ηt} η²tδt/2, largest at t = 1/η where it is ab ηδt/(2e). Halving δt must halve it.

# %%
T = 4.0


def lindblad_rho(times):
    """ρ_AB(t) of the Lindblad limit from QuTiP, as an array (len(times), 4, 4) in the basis |00>, |01>, |10>, |11>."""
    psi0 = A * qutip.tensor(qutip.basis(2, 0), qutip.basis(2, 0)) + B * qutip.tensor(qutip.basis(2, 1), qutip.basis(2, 1))
    sz_b = qutip.tensor(qutip.qeye(2), qutip.sigmaz())
    options = qutip.Options(atol=1e-12, rtol=1e-10, nsteps=100000)
    states = qutip.mesolve(OMEGA / 2 * sz_b, qutip.ket2dm(psi0), times, [np.sqrt(ETA / 2) * sz_b], [], options=options).states
    return np.array([s.full() for s in states])


def collision_rho(steps, angle):
    r = cm.simulate(model="dephasing", a=A, eta=ETA, omega=OMEGA, time=T, steps=steps, angle=angle, no_ree=True)
    return r.times, r["rho_AB"]


errors = {}
for steps in (200, 400):
    times, rho_paper = collision_rho(steps, "paper")
    _, rho_exact = collision_rho(steps, "exact")
    reference = lindblad_rho(times)
    errors[steps] = {
        "times": times,
        "paper": np.abs(rho_paper - reference).max(axis=(1, 2)),
        "exact": np.abs(rho_exact - reference).max(axis=(1, 2)),
    }
    dt = T / steps
    bound = A * B * ETA * dt / (2 * np.e)
    print(f"δt = {dt:.4f}: max|Δρ| paper angle {errors[steps]['paper'].max():.3e} "
          f"(first-order prediction ab·ηδt/(2e) = {bound:.3e}), exact angle {errors[steps]['exact'].max():.1e}")

# The checks CI relies on: the exact collision is the Lindblad channel to the solver's tolerance; the paper's angle
# is first order, of the predicted size, and halves with δt.
for steps, e in errors.items():
    bound = A * B * ETA * (T / steps) / (2 * np.e)
    assert e["exact"].max() < 1e-8, (steps, e["exact"].max())
    assert 0.95 * bound < e["paper"].max() < 1.05 * bound, (steps, e["paper"].max(), bound)
ratio = errors[200]["paper"].max() / errors[400]["paper"].max()
assert abs(ratio - 2) < 0.05, ratio
print(f"error ratio δt / (δt/2) = {ratio:.4f} (first order: 2)")

# %%
times, rho_paper = collision_rho(40, "paper")
fine = np.linspace(0, T, 401)
reference = lindblad_rho(fine)

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
left.plot(fine, np.abs(reference[:, 0, 3]), "k-", label="QuTiP mesolve (Lindblad limit)")
left.plot(times, np.abs(rho_paper[:, 0, 3]), "o", ms=4, label="collision model, K = 40, paper angle")
left.plot(fine, reference[:, 0, 0].real, "k--", lw=1, label="population ρ₀₀,₀₀ (both)")
left.plot(times, rho_paper[:, 0, 0].real, "s", ms=3, mfc="none")
left.set_xlabel("time t (1/η)")
left.set_ylabel("|ρ₀₀,₁₁|, ρ₀₀,₀₀")
left.set_title(r"coherence decays as $e^{-\eta t}$; populations stay")
left.legend(fontsize=8)
for steps, e in errors.items():
    right.semilogy(e["times"][1:], e["paper"][1:], label=f"paper angle, δt = {T / steps:g}")
for steps, e in errors.items():
    right.semilogy(e["times"][1:], np.maximum(e["exact"][1:], 1e-16), ":", label=f"exact angle, δt = {T / steps:g}")
right.axvline(1 / ETA, color="grey", lw=0.8)
right.set_xlabel("time t (1/η)")
right.set_ylabel("max |ρ_collision − ρ_Lindblad|")
right.set_title("first order in δt (paper); solver tolerance (exact)")
right.legend(fontsize=8)
fig.tight_layout()
fig.savefig(PLOTS / "darwinism-lindblad.png", dpi=110)

# %% [markdown]
# ## 2. The environment as a witness: I(AB : F) for growing fragments
#
# The global state stays pure, a|00⟩|a_E⟩^⊗n + b|11⟩|b_E⟩^⊗n, so every entropy is that of a two-branch state: a
# fragment of m ancillas has overlap c^m between its branches and entropy H(c^m) = h(λ₊), λ± = ½(1 ± √(1 − 4a²b²(1 −
# c^{2m}))). Hence I(AB : F_m) = S_AB + S_F − S_{ABF} = H(c^n) + H(c^m) − H(c^{n−m}), the closed form the mps run is
# checked against.

# %%
DT, T_LONG, EVERY = 0.01, 8.0, 50
run = cm.simulate(model="dephasing", a=A, eta=ETA, omega=OMEGA, time=T_LONG, steps=round(T_LONG / DT),
                  record_every=EVERY, representation="mps", fragments=True, no_ree=True)
c = 1 - ETA * DT  # the paper's overlap per collision


def branch_entropy(overlap):
    """Entropy (nats) of a|0><0| ⊗ |α><α| + b|1><1| ⊗ |β><β| reduced to one side, |<α|β>| = overlap."""
    lam = 0.5 * (1 + np.sqrt(1 - 4 * A**2 * B**2 * (1 - overlap**2)))
    return -sum(p * np.log(p) for p in (lam, 1 - lam) if p > 0)


def closed_form(n):
    return np.array([branch_entropy(c**n) + branch_entropy(c**m) - branch_entropy(c ** (n - m)) for m in range(n + 1)])


worst = 0.0
for step, curve in zip(run["step"], run["I_AB_F_oldest"]):
    worst = max(worst, np.abs(np.asarray(curve) - closed_form(step)).max())
print(f"mps fragments against the closed form: max deviation {worst:.1e} nats over {len(run['step'])} records")
assert worst < 1e-10, worst
s_max = branch_entropy(0.0)  # h(a²), the entropy of the classical branch
print(f"S_AB(T) = {run['S_AB'][-1]:.6f} nats; h(a²) = {s_max:.6f}; I(AB:E) = {run['I_AB_F_oldest'][-1][-1]:.6f} = 2 S_AB")
assert abs(run["I_AB_F_oldest"][-1][-1] - 2 * run["S_AB"][-1]) < 1e-10

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
for t in (0.5, 2.0, 8.0):
    index = int(np.argmin(np.abs(run.times - t)))
    n = int(run["step"][index])
    curve = np.asarray(run["I_AB_F_oldest"][index]) / run["S_AB"][index]
    left.plot(np.arange(n + 1) / n, curve, lw=2, label=f"t = {t:g} (n = {n} ancillas)")
left.axhline(1, color="grey", lw=0.8)
left.set_xlabel("fragment fraction m / n (oldest ancillas first)")
left.set_ylabel("I(AB : F) / S_AB")
left.set_title("the plateau: a fragment knows the branch, only all of E knows more")
left.legend(fontsize=8)

# Redundancy R_δ = n / m_δ: m_δ is the smallest fragment holding (1 − δ) of the classical information h(a²).
DELTA = 0.1
redundancy = []
for step, curve in zip(run["step"][1:], run["I_AB_F_oldest"][1:]):
    above = np.nonzero(np.asarray(curve) >= (1 - DELTA) * s_max)[0]
    # Disjoint fragments need m_δ ≤ n/2; before that, the curve's rise towards 2 S_AB is no classical record.
    redundancy.append(step / above[0] if len(above) and 2 * above[0] <= step else np.nan)
m_delta = next(m for m in range(1, 10**6) if branch_entropy(c**m) >= (1 - DELTA) * s_max)  # n → ∞: m_δ fixed
right.plot(run.times[1:], redundancy, "o-", ms=3, label="mps run")
right.plot(run.times[1:], run["step"][1:] / m_delta, "k--", lw=1, label=f"n / m_δ, m_δ = {m_delta} (n → ∞)")
right.set_xlabel("time t (1/η)")
right.set_ylabel(f"redundancy R_δ, δ = {DELTA}")
right.set_title("the record is copied into ever more fragments")
right.legend(fontsize=8)
fig.tight_layout()
fig.savefig(PLOTS / "darwinism-plateau.png", dpi=110)
print(f"R_δ at t = {T_LONG:g}: {redundancy[-1]:.1f} disjoint fragments of {m_delta} ancillas each know the branch")
