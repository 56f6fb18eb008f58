#!/usr/bin/python3
"""Careful plain-numpy peer of CollisionBenchmarks: the same streaming partial-swap loop as qutip_collision.py.

Per collision: ρ_ABE = ρ_AB ⊗ η (broadcast product: np.kron alone costs ~25 µs on 4×4 ⊗ 2×2, so a careful loop
avoids it); ρ' = U ρ_ABE U† (8×8 matmuls); ρ_AB = tr_E ρ' by strided slices. Entropies by np.linalg.eigvalsh on
slice/fancy-index reductions. Variants:
  plain; five entropies (S_A, S_B, S_AB, S_E, S_ABE — the QuTiP loop's five);
  contract6: every entropy/MI of the contract with S_ABE from the unitarity shortcut S_ABE = S_AB(before) + S(η)
             (six eigendecompositions: S_A, S_B, S_AB, S_E, S_AE, S_BE) — the careful numpy loop;
  contract7: the same with S_ABE from an 8×8 eigvalsh (no shortcut), i.e. exactly the QuTiP contract variant.
"""
import math

import numpy as np
import scipy.linalg

from peercommon import A_AMP, B_AMP, GAMMA, KAPPA, P0, P1, TOTAL_TIME, log, time_loop

SIGMA_MINUS = np.array([[0, 1], [0, 0]], dtype=complex)   # σ⁻ = |0><1|
SIGMA_PLUS = SIGMA_MINUS.conj().T
I2 = np.eye(2, dtype=complex)
ANCILLA = np.diag([P0, P1]).astype(complex)


def entropy(m):
    # clamp (np.maximum; np.clip costs ~20 µs more): eigenvalues ≤ 0 (round-off) count as 0; 1e-300·ln(1e-300) ≈ 7e-298 is below any tolerance.
    w = np.maximum(np.linalg.eigvalsh(m), 1e-300)
    return float(-np.dot(w, np.log(w)))


S_ANCILLA = entropy(ANCILLA)


def initial_state():
    psi = np.zeros(4, dtype=complex)
    psi[0], psi[3] = A_AMP, B_AMP
    return np.outer(psi, psi.conj())


def collision_unitary(steps):
    theta = math.sqrt((GAMMA + KAPPA) * TOTAL_TIME / steps)
    v = np.kron(I2, np.kron(SIGMA_PLUS, SIGMA_MINUS)) + np.kron(I2, np.kron(SIGMA_MINUS, SIGMA_PLUS))
    return scipy.linalg.expm(-1j * theta * v)


def final_check(rho):
    return {"P1_B": float((rho[1, 1] + rho[3, 3]).real), "abs_rho_00_11": float(abs(rho[0, 3]))}


# ρ_ABE index 4a + 2b + e; ρ_AE keeps (a, e): rows with b = 0 and b = 1.
AE_B0 = np.ix_([0, 1, 4, 5], [0, 1, 4, 5])
AE_B1 = np.ix_([2, 3, 6, 7], [2, 3, 6, 7])


def step(u, ud, rho):
    r = u @ (rho[:, None, :, None] * ANCILLA[None, :, None, :]).reshape(8, 8) @ ud
    return r, r[0::2, 0::2] + r[1::2, 1::2]


def reductions(r, rho_ab):
    """ρ_A, ρ_B, ρ_E, ρ_AE, ρ_BE of ρ_ABE (8×8) given ρ_AB = tr_E ρ_ABE."""
    rho_be = r[:4, :4] + r[4:, 4:]
    rho_a = rho_ab[0::2, 0::2] + rho_ab[1::2, 1::2]
    rho_b = rho_ab[:2, :2] + rho_ab[2:, 2:]
    rho_e = rho_be[:2, :2] + rho_be[2:, 2:]
    rho_ae = r[AE_B0] + r[AE_B1]
    return rho_a, rho_b, rho_e, rho_ae, rho_be


def run_plain(steps):
    u = collision_unitary(steps)
    ud = u.conj().T
    rho = initial_state()
    for _ in range(steps):
        _, rho = step(u, ud, rho)
    return final_check(rho)


def run_five(steps):
    u = collision_unitary(steps)
    ud = u.conj().T
    rho = initial_state()
    total = 0.0
    for _ in range(steps):
        r, rho = step(u, ud, rho)
        rho_a = rho[0::2, 0::2] + rho[1::2, 1::2]
        rho_b = rho[:2, :2] + rho[2:, 2:]
        rho_be = r[:4, :4] + r[4:, 4:]
        rho_e = rho_be[:2, :2] + rho_be[2:, 2:]
        total += entropy(rho_a) + entropy(rho_b) + entropy(rho) + entropy(rho_e) + entropy(r)
    out = final_check(rho)
    out["sum_five_entropies"] = total
    return out


def make_contract(shortcut):
    def run(steps):
        u = collision_unitary(steps)
        ud = u.conj().T
        rho = initial_state()
        s_ab_before = entropy(rho)
        sums = np.zeros(4)
        for _ in range(steps):
            r, rho = step(u, ud, rho)
            rho_a, rho_b, rho_e, rho_ae, rho_be = reductions(r, rho)
            s_a = entropy(rho_a)
            s_b = entropy(rho_b)
            s_ab = entropy(rho)
            s_e = entropy(rho_e)
            s_ae = entropy(rho_ae)
            s_be = entropy(rho_be)
            s_abe = s_ab_before + S_ANCILLA if shortcut else entropy(r)
            s_ab_before = s_ab
            sums += (s_a + s_e - s_ae, s_b + s_e - s_be, s_ab + s_e - s_abe, s_ab + s_be - s_abe - s_b)
        out = final_check(rho)
        out.update({"sum_I_A_E": sums[0], "sum_I_B_E": sums[1], "sum_I_AB_E": sums[2], "sum_SSA_slack": sums[3]})
        return out
    return run


def main():
    log(f"numpy {np.__version__}")
    extra = {"numpy": np.__version__}
    time_loop("streaming_plain", "numpy", run_plain, 2000, extra)
    time_loop("streaming_five_entropies", "numpy", run_five, 500, extra)
    time_loop("streaming_contract", "numpy", make_contract(True), 500, extra)
    time_loop("streaming_contract7", "numpy", make_contract(False), 500, extra)


if __name__ == "__main__":
    main()
