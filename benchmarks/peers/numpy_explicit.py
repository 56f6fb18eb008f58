#!/usr/bin/python3
"""Careful-numpy peer of the explicit pure-ancilla dephasing benchmark: grow the global state vector of A, B and
every ancilla so far by one fresh |0> ancilla per step and apply the controlled rotation on (B, new ancilla).

Variants:
  generic    — the 4×4 gate applied with np.tensordot on the (B, E) axes (what a careful user writes for any gate);
  structured — exploits the fresh |0>: new[..., 0] = ψ, then only the B = 1 half is rotated (no gate product).
At the end S_AB from ρ_AB = Ψ Ψ† with Ψ the 4 × 2^n reshaped state. Budget PEERS_BUDGET_SECONDS (30 s).
"""
import numpy as np

from peercommon import A_AMP, B_AMP, COS_THETA, SIN_THETA, controlled_ry, grow_run, log

GATE = controlled_ry().reshape(2, 2, 2, 2)   # (B', E', B, E)


def start():
    psi = np.zeros(4, dtype=complex)
    psi[0], psi[3] = A_AMP, B_AMP
    return psi


def grow_generic(psi, ancillas):
    m = psi.size // 4
    grown = np.zeros((2, 2, m, 2), dtype=complex)           # axes A, B, old ancillas, new ancilla
    grown[..., 0] = psi.reshape(2, 2, m)                      # ψ ⊗ |0>
    out = np.tensordot(GATE, grown, axes=([2, 3], [1, 3]))    # axes B', E', A, old
    return np.ascontiguousarray(out.transpose(2, 0, 3, 1)).reshape(-1)


def grow_structured(psi, ancillas):
    m = psi.size // 4
    grown = np.zeros((2, 2, m, 2), dtype=complex)
    grown[..., 0] = psi.reshape(2, 2, m)
    grown[:, 1, :, 1] = SIN_THETA * grown[:, 1, :, 0]
    grown[:, 1, :, 0] *= COS_THETA
    return grown.reshape(-1)


def s_ab(psi):
    # ρ_AB[i, j] = <Ψ_j|Ψ_i> over the ancilla index; np.vdot conjugates without the full-size copy that
    # big @ big.conj().T would make.
    big = psi.reshape(4, -1)
    rho = np.empty((4, 4), dtype=complex)
    for i in range(4):
        for j in range(i + 1):
            rho[i, j] = np.vdot(big[j], big[i])
            rho[j, i] = np.conj(rho[i, j])
    w = np.maximum(np.linalg.eigvalsh(rho), 1e-300)
    return float(-np.dot(w, np.log(w)))


def main():
    log(f"numpy {np.__version__}")
    # Peak memory per amplitude of the new state: generic holds old (½), grown, tensordot output and the
    # contiguous copy (+ tensordot's internal reshapes) ≈ 4 × 16 B; structured holds old (½) + grown ≈ 1.5 × 16 B.
    grow_run("numpy", "generic", start, grow_generic, s_ab, 64)
    grow_run("numpy", "structured", start, grow_structured, s_ab, 24)


if __name__ == "__main__":
    main()
