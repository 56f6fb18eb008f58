#!/usr/bin/python3
"""QuTiP peer of CollisionBenchmarks (streaming partial-swap collisions), written as researchers write it.

Work per collision (docs/conventions.md §1, §5; order A, B, E):
    ρ_ABE = ρ_AB ⊗ η,  η = diag(p0, p1);   ρ' = U ρ_ABE U†,  U = exp(−iθ(σ⁺_B σ⁻_E + σ⁻_B σ⁺_E));   ρ_AB = tr_E ρ'
with θ = sqrt((γ+κ) δt), δt = T/K, starting from a|00> + b|11>.
Variants: plain; "five entropies" (S_A, S_B, S_AB, S_E, S_ABE via entropy_vn, as the issue describes the
QuTiP loop); "contract" (S_A, S_B, S_AB, S_E, S_AE, S_BE, S_ABE → I(A:E), I(B:E), I(AB:E), SSA slack).
Prints one JSON line per variant (µs per collision, min/median/max over repeats).
"""
import math

import numpy as np
import qutip as qt

from peercommon import A_AMP, B_AMP, GAMMA, KAPPA, P0, P1, TOTAL_TIME, emit, log, time_loop

SIGMA_MINUS = qt.Qobj(np.array([[0, 1], [0, 0]], dtype=complex))   # σ⁻ = |0><1|
SIGMA_PLUS = SIGMA_MINUS.dag()
I2 = qt.qeye(2)


def initial_state():
    psi = A_AMP * qt.tensor(qt.basis(2, 0), qt.basis(2, 0)) + B_AMP * qt.tensor(qt.basis(2, 1), qt.basis(2, 1))
    return qt.ket2dm(psi)


def collision_unitary(steps):
    theta = math.sqrt((GAMMA + KAPPA) * TOTAL_TIME / steps)
    v = qt.tensor(I2, SIGMA_PLUS, SIGMA_MINUS) + qt.tensor(I2, SIGMA_MINUS, SIGMA_PLUS)
    return (-1j * theta * v).expm()


ANCILLA = qt.Qobj(np.diag([P0, P1]).astype(complex))


def final_check(rho):
    m = rho.full()
    return {"P1_B": float((m[1, 1] + m[3, 3]).real), "abs_rho_00_11": float(abs(m[0, 3]))}


def run_plain(steps):
    u = collision_unitary(steps)
    ud = u.dag()
    rho = initial_state()
    for _ in range(steps):
        rho_abe = qt.tensor(rho, ANCILLA)
        rho_abe = u * rho_abe * ud
        rho = rho_abe.ptrace([0, 1])
    return final_check(rho)


def run_five(steps):
    u = collision_unitary(steps)
    ud = u.dag()
    rho = initial_state()
    total = 0.0
    for _ in range(steps):
        rho_abe = qt.tensor(rho, ANCILLA)
        rho_abe = u * rho_abe * ud
        rho = rho_abe.ptrace([0, 1])
        s_a = qt.entropy_vn(rho_abe.ptrace(0))
        s_b = qt.entropy_vn(rho_abe.ptrace(1))
        s_ab = qt.entropy_vn(rho)
        s_e = qt.entropy_vn(rho_abe.ptrace(2))
        s_abe = qt.entropy_vn(rho_abe)
        total += s_a + s_b + s_ab + s_e + s_abe
    out = final_check(rho)
    out["sum_five_entropies"] = total
    return out


def run_contract(steps):
    u = collision_unitary(steps)
    ud = u.dag()
    rho = initial_state()
    sums = np.zeros(4)
    for _ in range(steps):
        rho_abe = qt.tensor(rho, ANCILLA)
        rho_abe = u * rho_abe * ud
        rho = rho_abe.ptrace([0, 1])
        s_a = qt.entropy_vn(rho_abe.ptrace(0))
        s_b = qt.entropy_vn(rho_abe.ptrace(1))
        s_ab = qt.entropy_vn(rho)
        s_e = qt.entropy_vn(rho_abe.ptrace(2))
        s_ae = qt.entropy_vn(rho_abe.ptrace([0, 2]))
        s_be = qt.entropy_vn(rho_abe.ptrace([1, 2]))
        s_abe = qt.entropy_vn(rho_abe)
        sums += (s_a + s_e - s_ae, s_b + s_e - s_be, s_ab + s_e - s_abe, s_ab + s_be - s_abe - s_b)
    out = final_check(rho)
    out.update({"sum_I_A_E": sums[0], "sum_I_B_E": sums[1], "sum_I_AB_E": sums[2], "sum_SSA_slack": sums[3]})
    return out


def main():
    log(f"QuTiP {qt.__version__}, numpy {np.__version__}")
    extra = {"qutip": qt.__version__, "numpy": np.__version__}
    time_loop("streaming_plain", "qutip", run_plain, 300, extra)
    time_loop("streaming_five_entropies", "qutip", run_five, 100, extra)
    time_loop("streaming_contract", "qutip", run_contract, 100, extra)


if __name__ == "__main__":
    main()
