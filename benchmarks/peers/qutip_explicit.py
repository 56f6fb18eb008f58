#!/usr/bin/python3
"""QuTiP peer of the explicit pure-ancilla dephasing benchmark, written as researchers write it: each step
ψ ← ψ ⊗ |0> (qt.tensor) and ψ ← G ψ with G the controlled rotation on (B, new ancilla) expanded to the full
register by qutip.qip.operations.expand_operator. At the end S_AB = entropy_vn(ψ.ptrace([0, 1])).
Budget PEERS_BUDGET_SECONDS (30 s).
"""
import numpy as np
import qutip as qt
from qutip.qip.operations import expand_operator

from peercommon import A_AMP, B_AMP, controlled_ry, grow_run, log

GATE = qt.Qobj(controlled_ry(), dims=[[2, 2], [2, 2]])
ZERO = qt.basis(2, 0)


def start():
    return A_AMP * qt.tensor(qt.basis(2, 0), qt.basis(2, 0)) + B_AMP * qt.tensor(qt.basis(2, 1), qt.basis(2, 1))


def grow(psi, ancillas):
    qubits = ancillas + 2
    psi = qt.tensor(psi, ZERO)
    return expand_operator(GATE, qubits, [1, qubits - 1]) * psi


def s_ab(psi):
    return float(qt.entropy_vn(psi.ptrace([0, 1])))


def main():
    log(f"QuTiP {qt.__version__}")
    # Peak memory per amplitude: dense ket (16 B) + sparse CSR operator with ~1.5 nonzeros per row (~40 B) + copies.
    grow_run("qutip", "expand_operator", start, grow, s_ab, 96)


if __name__ == "__main__":
    main()
