using System.Numerics;
using CollisionModel.Operators;
using CollisionModel.Thermodynamics;
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
/// Energies in the protocol's units (ħ = k_B = 1). Immutable; validated on construction (each failure names its parameter).
/// </summary>
public sealed class AbsorptionRefrigerator
{
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
    {
        foreach (var (value, name) in new[] { (coldFrequency, "cold_frequency"), (hotFrequency, "hot_frequency") })
        {
            Guard.Finite(value, name);
            Guard.Positive(value, name);
        }
        Guard.Finite(coupling, "coupling");
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
        Coupling = coupling;
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

    /// <summary>g.</summary>
    public double Coupling { get; }

    /// <summary>β_c.</summary>
    public double ColdBeta { get; }

    /// <summary>β_r.</summary>
    public double RoomBeta { get; }

    /// <summary>β_h.</summary>
    public double HotBeta { get; }

    /// <summary>The bath indices in <see cref="Protocol"/> (and the qubits' subsystem indices).</summary>
    public const int Cold = 0, Room = 1, Hot = 2;

    /// <summary>
    /// β_v = (β_r ω_r − β_h ω_h)/ω_c, the inverse temperature of the virtual qubit {|0_r 1_h⟩, |1_r 0_h⟩} (gap ω_c)
    /// that the room and hot baths prepare; the cold qubit is cooled when β_v &gt; β_c. May be negative (population inversion).
    /// </summary>
    public double VirtualBeta => (RoomBeta * RoomFrequency - HotBeta * HotFrequency) / ColdFrequency;

    /// <summary>True inside the refrigeration window, β_v &gt; β_c (equivalently β_c ω_c + β_h ω_h &lt; β_r ω_r): heat flows out of the cold bath.</summary>
    public bool Cools => ColdBeta * ColdFrequency + HotBeta * HotFrequency < RoomBeta * RoomFrequency;

    /// <summary>β_h* = (β_r ω_r − β_c ω_c)/ω_h, the hot bath's inverse temperature at the window's edge (cooling for β_h &lt; β_h*; currents vanish at it).</summary>
    public double EdgeHotBeta => AbsorptionRefrigeration.EdgeHotBeta(ColdFrequency, HotFrequency, ColdBeta, RoomBeta);

    /// <summary>The coefficient of performance J_c/J_h = ω_c/ω_h (heat drawn from the cold bath per heat taken from the hot one).</summary>
    public double CoefficientOfPerformance => AbsorptionRefrigeration.CoefficientOfPerformance(ColdFrequency, HotFrequency);

    /// <summary>
    /// Carnot's bound on J_c/J_h for absorption refrigeration, (β_r − β_h)/(β_c − β_r), from the second law with
    /// J_c + J_h + J_r = 0; null unless β_c &gt; β_r &gt; β_h (a cold bath below room and a hot one above).
    /// </summary>
    public double? CarnotCoefficientOfPerformance =>
        AbsorptionRefrigeration.CarnotCoefficientOfPerformance(ColdBeta, RoomBeta, HotBeta);

    /// <summary>The protocol: subsystems (cold, room, hot), B = the cold qubit, baths "cold", "room", "hot"; ρ_S(0) is the caller's.</summary>
    public CollisionProtocol Protocol { get; }

    private CollisionProtocol Build(double coldRate, double roomRate, double hotRate)
    {
        double[] omega = [ColdFrequency, RoomFrequency, HotFrequency];
        var hamiltonian = Matrix<Complex>.Build.Dense(8, 8);
        for (int i = 0; i < 8; i++)
            for (int q = 0; q < 3; q++)
                if ((i >> (2 - q) & 1) == 1) hamiltonian[i, i] += omega[q];
        // |010⟩ (room excited) and |101⟩ (cold and hot excited), both of energy ω_r.
        hamiltonian[0b010, 0b101] = hamiltonian[0b101, 0b010] = Coupling;
        var excited = Pauli.Projector1;
        var swap = Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        Bath Qubits(int qubit, string name, double beta, double rate) =>
            new([qubit], AncillaState.Thermal(omega[qubit] * excited, beta), BathCollision.WithRate(swap, rate), name: name);
        return new CollisionProtocol([2, 2, 2], [Cold],
            [Qubits(Cold, "cold", ColdBeta, coldRate), Qubits(Room, "room", RoomBeta, roomRate), Qubits(Hot, "hot", HotBeta, hotRate)],
            hamiltonian);
    }
}
