using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// The three-qubit absorption refrigerator (Linden, Popescu and Skrzypczyk) as a collision protocol: a cold qubit
/// (gap ω_c), a room qubit (ω_r = ω_c + ω_h) and a hot qubit (ω_h), in that subsystem order, with
/// H_S = ω_c n_c + ω_r n_r + ω_h n_h + g(|010⟩⟨101| + |101⟩⟨010|): the three-body term trades a quantum of the cold
/// and one of the hot qubit for one of the room qubit, at no energy cost. Each qubit meets its own bath of resonant
/// thermal qubits (H_E = ω_j |1⟩⟨1| at β_j) through the partial swap V = σ⁺σ⁻ + σ⁻σ⁺ at rate γ_j (W = exp(−i√(γ_j δt) V)),
/// baths in the order cold, room, hot. In the steady state every bath exchanges the same number of quanta per unit
/// time, so the heat currents stand as J_c : J_h : J_r = ω_c : ω_h : −ω_r and the coefficient of performance is
/// J_c/J_h = ω_c/ω_h; the machine cools (J_c &gt; 0) exactly when the virtual temperature of the room–hot pair,
/// β_v = (β_r ω_r − β_h ω_h)/ω_c, is colder than the cold bath (β_v &gt; β_c) — docs/thermodynamics.md derives both.
/// The frequencies, baths and the thermodynamics that follow from them alone (window, COP, Carnot's bound) are
/// <see cref="Parameters"/>, shared with <see cref="TwoQubitAbsorptionRefrigerator"/>. Energies in the protocol's
/// units (ħ = k_B = 1). Immutable; validated on construction (each failure names its parameter).
/// </summary>
public sealed class AbsorptionRefrigerator
{
    /// <summary>Builds the refrigerator from its shared parameters and the three-body coupling g (finite).</summary>
    /// <param name="parameters">ω_c, ω_h, the baths' β and rates.</param>
    /// <param name="coupling">g, the strength of the three-body term.</param>
    public AbsorptionRefrigerator(AbsorptionRefrigeratorParameters parameters, double coupling)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.Finite(coupling, "coupling");
        Parameters = parameters;
        Coupling = coupling;
        Protocol = Build();
    }

    /// <summary>Builds the refrigerator; frequencies &gt; 0, β ≥ 0 and rates ≥ 0 finite, g finite.</summary>
    /// <param name="coldFrequency">ω_c, the cold qubit's gap and its bath's.</param>
    /// <param name="hotFrequency">ω_h, the hot qubit's gap and its bath's (ω_r = ω_c + ω_h).</param>
    /// <param name="coupling">g, the strength of the three-body term.</param>
    /// <param name="coldBeta">β_c of the cold bath.</param>
    /// <param name="roomBeta">β_r of the room bath.</param>
    /// <param name="hotBeta">β_h of the hot bath.</param>
    /// <param name="coldRate">γ_c, the cold bath's rate.</param>
    /// <param name="roomRate">γ_r, the room bath's rate.</param>
    /// <param name="hotRate">γ_h, the hot bath's rate.</param>
    public AbsorptionRefrigerator(double coldFrequency, double hotFrequency, double coupling, double coldBeta, double roomBeta, double hotBeta,
        double coldRate, double roomRate, double hotRate)
        : this(new AbsorptionRefrigeratorParameters(coldFrequency, hotFrequency, coldBeta, roomBeta, hotBeta, coldRate, roomRate, hotRate), coupling)
    {
    }

    /// <summary>ω_c, ω_h, the baths' β and rates, and the window, COP and Carnot's bound they fix.</summary>
    public AbsorptionRefrigeratorParameters Parameters { get; }

    /// <summary>g.</summary>
    public double Coupling { get; }

    /// <summary>The bath indices in <see cref="Protocol"/> (and the qubits' subsystem indices).</summary>
    public const int Cold = 0, Room = 1, Hot = 2;

    /// <summary>The protocol: subsystems (cold, room, hot), B = the cold qubit, baths "cold", "room", "hot"; ρ_S(0) is the caller's.</summary>
    public CollisionProtocol Protocol { get; }

    private CollisionProtocol Build()
    {
        var p = Parameters;
        double[] omega = [p.ColdFrequency, p.RoomFrequency, p.HotFrequency];
        var hamiltonian = Matrix<Complex>.Build.Dense(8, 8);
        for (int i = 0; i < 8; i++)
            for (int q = 0; q < 3; q++)
                if ((i >> (2 - q) & 1) == 1) hamiltonian[i, i] += omega[q];
        // |010⟩ (room excited) and |101⟩ (cold and hot excited), both of energy ω_r.
        hamiltonian[0b010, 0b101] = hamiltonian[0b101, 0b010] = Coupling;
        return new CollisionProtocol([2, 2, 2], [Cold],
            [p.ColdBath(Cold), p.RoomBath(Room), AbsorptionRefrigeratorParameters.ResonantQubitBath(Hot, "hot", p.HotFrequency, p.HotBeta, p.HotRate)],
            hamiltonian);
    }
}
