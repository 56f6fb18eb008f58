using System.Numerics;
using CollisionModel.Operators;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// The two-qubit absorption refrigerator as a collision protocol: a cold qubit (gap ω_c) and a room qubit
/// (ω_r = ω_c + ω_h), in that subsystem order, H_S = ω_c n_c + ω_r n_r with no interaction. Three baths of resonant
/// thermal qubits: the cold bath swaps with the cold qubit, the room bath with the room qubit (V = σ⁺σ⁻ + σ⁻σ⁺ each),
/// and the hot bath (ancilla gap ω_h) drives the joint transition |1_c 0_r⟩ ↔ |0_c 1_r⟩ of gap ω_h through
/// V = |01⟩⟨10| ⊗ σ⁻ + |10⟩⟨01| ⊗ σ⁺ on c ⊗ r ⊗ ancilla; every collision conserves H_S + H_E. W = exp(−i√(γ_j δt) V),
/// baths in the order cold, room, hot. One cycle lifts c (ω_c from the cold bath), moves the excitation to r (ω_h from
/// the hot bath) and empties r (ω_r to the room bath); each bath changes n_c or n_r by one quantum, so in a steady state
/// J_c : J_h : J_r = ω_c : ω_h : −ω_r and COP = J_c/J_h = ω_c/ω_h. It cools exactly when
/// β_c ω_c + β_h ω_h &lt; β_r ω_r (docs/thermodynamics.md). The frequencies, baths and the thermodynamics that follow
/// from them alone are <see cref="Parameters"/>, shared with <see cref="AbsorptionRefrigerator"/>. Energies in the
/// protocol's units (ħ = k_B = 1). Immutable; validated on construction (each failure names its parameter).
/// </summary>
public sealed class TwoQubitAbsorptionRefrigerator
{
    /// <summary>Builds the refrigerator from its parameters (ω_h is the gap of the transition the hot bath drives and of its ancillas).</summary>
    /// <param name="parameters">ω_c, ω_h, the baths' β and rates.</param>
    public TwoQubitAbsorptionRefrigerator(AbsorptionRefrigeratorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        Protocol = Build();
    }

    /// <summary>Builds the refrigerator; frequencies &gt; 0, β ≥ 0 and rates ≥ 0 finite.</summary>
    /// <param name="coldFrequency">ω_c, the cold qubit's gap and its bath's.</param>
    /// <param name="hotFrequency">ω_h, the gap of the transition the hot bath drives and of its ancillas (ω_r = ω_c + ω_h).</param>
    /// <param name="coldBeta">β_c of the cold bath.</param>
    /// <param name="roomBeta">β_r of the room bath.</param>
    /// <param name="hotBeta">β_h of the hot bath.</param>
    /// <param name="coldRate">γ_c, the cold bath's rate.</param>
    /// <param name="roomRate">γ_r, the room bath's rate.</param>
    /// <param name="hotRate">γ_h, the hot bath's rate.</param>
    public TwoQubitAbsorptionRefrigerator(double coldFrequency, double hotFrequency, double coldBeta, double roomBeta, double hotBeta,
        double coldRate, double roomRate, double hotRate)
        : this(new AbsorptionRefrigeratorParameters(coldFrequency, hotFrequency, coldBeta, roomBeta, hotBeta, coldRate, roomRate, hotRate))
    {
    }

    /// <summary>ω_c, ω_h, the baths' β and rates, and the window, COP and Carnot's bound they fix.</summary>
    public AbsorptionRefrigeratorParameters Parameters { get; }

    /// <summary>The bath indices in <see cref="Protocol"/>; the cold and room qubits are subsystems 0 and 1.</summary>
    public const int Cold = 0, Room = 1, Hot = 2;

    /// <summary>The protocol: subsystems (cold, room), B = the cold qubit, baths "cold", "room", "hot"; ρ_S(0) is the caller's.</summary>
    public CollisionProtocol Protocol { get; }

    private CollisionProtocol Build()
    {
        var p = Parameters;
        var hamiltonian = Matrix<Complex>.Build.Dense(4, 4);
        // Basis |c r⟩ with r least significant: |00⟩, |01⟩ (ω_r), |10⟩ (ω_c), |11⟩.
        hamiltonian[0b01, 0b01] = p.RoomFrequency;
        hamiltonian[0b10, 0b10] = p.ColdFrequency;
        hamiltonian[0b11, 0b11] = p.ColdFrequency + p.RoomFrequency;
        // On c ⊗ r ⊗ ancilla (index 4c + 2r + a): |1_c 0_r, 1_a⟩ = 5 ↔ |0_c 1_r, 0_a⟩ = 2, both of energy ω_r.
        var hop = Matrix<Complex>.Build.Dense(8, 8);
        hop[2, 5] = hop[5, 2] = 1;
        var hot = new Bath([0, 1], AncillaState.Thermal(p.HotFrequency * Pauli.Projector1, p.HotBeta), BathCollision.WithRate(hop, p.HotRate), name: "hot");
        return new CollisionProtocol([2, 2], [Cold], [p.ColdBath(0), p.RoomBath(1), hot], hamiltonian);
    }
}
