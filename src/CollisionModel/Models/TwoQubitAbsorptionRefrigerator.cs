using System.Numerics;
using CollisionModel.Operators;
using CollisionModel.Thermodynamics;
using CollisionModel.Validation;
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
/// β_c ω_c + β_h ω_h &lt; β_r ω_r (docs/thermodynamics.md). Energies in the protocol's units (ħ = k_B = 1).
/// Immutable; validated on construction (each failure names its parameter).
/// </summary>
public sealed class TwoQubitAbsorptionRefrigerator
{
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
    {
        foreach (var (value, name) in new[] { (coldFrequency, "cold_frequency"), (hotFrequency, "hot_frequency") })
        {
            Guard.Finite(value, name);
            Guard.Positive(value, name);
        }
        foreach (var (value, name) in new[]
        {
            (coldBeta, "cold_beta"), (roomBeta, "room_beta"), (hotBeta, "hot_beta"), (coldRate, "cold_rate"), (roomRate, "room_rate"), (hotRate, "hot_rate"),
        })
        {
            Guard.Finite(value, name);
            Guard.NonNegative(value, name);
        }
        ColdFrequency = coldFrequency;
        HotFrequency = hotFrequency;
        ColdBeta = coldBeta;
        RoomBeta = roomBeta;
        HotBeta = hotBeta;
        Protocol = Build(coldRate, roomRate, hotRate);
    }

    /// <summary>ω_c.</summary>
    public double ColdFrequency { get; }

    /// <summary>ω_h.</summary>
    public double HotFrequency { get; }

    /// <summary>ω_r = ω_c + ω_h.</summary>
    public double RoomFrequency => ColdFrequency + HotFrequency;

    /// <summary>β_c.</summary>
    public double ColdBeta { get; }

    /// <summary>β_r.</summary>
    public double RoomBeta { get; }

    /// <summary>β_h.</summary>
    public double HotBeta { get; }

    /// <summary>The bath indices in <see cref="Protocol"/>; the cold and room qubits are subsystems 0 and 1.</summary>
    public const int Cold = 0, Room = 1, Hot = 2;

    /// <summary>True inside the refrigeration window, β_c ω_c + β_h ω_h &lt; β_r ω_r: heat flows out of the cold bath.</summary>
    public bool Cools => ColdBeta * ColdFrequency + HotBeta * HotFrequency < RoomBeta * RoomFrequency;

    /// <summary>β_h* = (β_r ω_r − β_c ω_c)/ω_h, the hot bath's inverse temperature at the window's edge (e^{−β_c ω_c} e^{−β_h* ω_h} = e^{−β_r ω_r}; currents vanish at it).</summary>
    public double EdgeHotBeta => AbsorptionRefrigeration.EdgeHotBeta(ColdFrequency, HotFrequency, ColdBeta, RoomBeta);

    /// <summary>The coefficient of performance J_c/J_h = ω_c/ω_h.</summary>
    public double CoefficientOfPerformance => AbsorptionRefrigeration.CoefficientOfPerformance(ColdFrequency, HotFrequency);

    /// <summary>Carnot's bound (β_r − β_h)/(β_c − β_r) on J_c/J_h; null unless β_c &gt; β_r &gt; β_h.</summary>
    public double? CarnotCoefficientOfPerformance =>
        AbsorptionRefrigeration.CarnotCoefficientOfPerformance(ColdBeta, RoomBeta, HotBeta);

    /// <summary>The protocol: subsystems (cold, room), B = the cold qubit, baths "cold", "room", "hot"; ρ_S(0) is the caller's.</summary>
    public CollisionProtocol Protocol { get; }

    private CollisionProtocol Build(double coldRate, double roomRate, double hotRate)
    {
        var hamiltonian = Matrix<Complex>.Build.Dense(4, 4);
        // Basis |c r⟩ with r least significant: |00⟩, |01⟩ (ω_r), |10⟩ (ω_c), |11⟩.
        hamiltonian[0b01, 0b01] = RoomFrequency;
        hamiltonian[0b10, 0b10] = ColdFrequency;
        hamiltonian[0b11, 0b11] = ColdFrequency + RoomFrequency;
        var excited = Pauli.Projector1;
        var swap = Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        // On c ⊗ r ⊗ ancilla (index 4c + 2r + a): |1_c 0_r, 1_a⟩ = 5 ↔ |0_c 1_r, 0_a⟩ = 2, both of energy ω_r.
        var hop = Matrix<Complex>.Build.Dense(8, 8);
        hop[2, 5] = hop[5, 2] = 1;
        Bath Qubit(int qubit, string name, double omega, double beta, double rate) =>
            new([qubit], AncillaState.Thermal(omega * excited, beta), BathCollision.WithRate(swap, rate), name: name);
        return new CollisionProtocol([2, 2], [Cold],
            [
                Qubit(0, "cold", ColdFrequency, ColdBeta, coldRate),
                Qubit(1, "room", RoomFrequency, RoomBeta, roomRate),
                new([0, 1], AncillaState.Thermal(HotFrequency * excited, HotBeta), BathCollision.WithRate(hop, hotRate), name: "hot"),
            ],
            hamiltonian);
    }
}
