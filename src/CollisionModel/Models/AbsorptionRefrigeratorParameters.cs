using CollisionModel.Operators;
using CollisionModel.Validation;

namespace CollisionModel.Models;

/// <summary>
/// What every tight-coupled absorption refrigerator between a cold, a room and a hot bath shares (the three-qubit
/// <see cref="AbsorptionRefrigerator"/> and the <see cref="TwoQubitAbsorptionRefrigerator"/>): the frequencies ω_c, ω_h
/// and ω_r = ω_c + ω_h, the baths' inverse temperatures β_c, β_r, β_h and rates γ_c, γ_r, γ_h, and the thermodynamics
/// that follows from them alone: the cooling window, its edge, the coefficient of performance and Carnot's bound.
/// Each bath exchanges one quantum per cycle, so in a steady state J_c : J_h : J_r = ω_c : ω_h : −ω_r
/// (docs/thermodynamics.md). Energies in the protocol's units (ħ = k_B = 1). Immutable; validated on construction
/// (each failure names its parameter).
/// </summary>
public sealed class AbsorptionRefrigeratorParameters
{
    /// <summary>Validates and holds the parameters: frequencies &gt; 0, β ≥ 0 and rates ≥ 0, all finite.</summary>
    /// <param name="coldFrequency">ω_c, the cold qubit's gap and its bath's.</param>
    /// <param name="hotFrequency">ω_h, the gap the hot bath supplies (ω_r = ω_c + ω_h).</param>
    /// <param name="coldBeta">β_c of the cold bath.</param>
    /// <param name="roomBeta">β_r of the room bath.</param>
    /// <param name="hotBeta">β_h of the hot bath.</param>
    /// <param name="coldRate">γ_c, the cold bath's rate.</param>
    /// <param name="roomRate">γ_r, the room bath's rate.</param>
    /// <param name="hotRate">γ_h, the hot bath's rate.</param>
    public AbsorptionRefrigeratorParameters(double coldFrequency, double hotFrequency, double coldBeta, double roomBeta, double hotBeta,
        double coldRate, double roomRate, double hotRate)
    {
        Guard.Positive(coldFrequency, "cold_frequency");
        Guard.Positive(hotFrequency, "hot_frequency");
        Guard.NonNegative(coldBeta, "cold_beta");
        Guard.NonNegative(roomBeta, "room_beta");
        Guard.NonNegative(hotBeta, "hot_beta");
        Guard.NonNegative(coldRate, "cold_rate");
        Guard.NonNegative(roomRate, "room_rate");
        Guard.NonNegative(hotRate, "hot_rate");
        ColdFrequency = coldFrequency;
        HotFrequency = hotFrequency;
        ColdBeta = coldBeta;
        RoomBeta = roomBeta;
        HotBeta = hotBeta;
        ColdRate = coldRate;
        RoomRate = roomRate;
        HotRate = hotRate;
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

    /// <summary>γ_c.</summary>
    public double ColdRate { get; }

    /// <summary>γ_r.</summary>
    public double RoomRate { get; }

    /// <summary>γ_h.</summary>
    public double HotRate { get; }

    /// <summary>
    /// β_v = (β_r ω_r − β_h ω_h)/ω_c, the inverse temperature of the virtual qubit {|0_r 1_h⟩, |1_r 0_h⟩} (gap ω_c)
    /// that the room and hot baths prepare; the cold qubit is cooled when β_v &gt; β_c. May be negative (population inversion).
    /// </summary>
    public double VirtualBeta => (RoomBeta * RoomFrequency - HotBeta * HotFrequency) / ColdFrequency;

    /// <summary>True inside the refrigeration window, β_c ω_c + β_h ω_h &lt; β_r ω_r (equivalently β_v &gt; β_c): heat flows out of the cold bath.</summary>
    public bool Cools => ColdBeta * ColdFrequency + HotBeta * HotFrequency < RoomBeta * RoomFrequency;

    /// <summary>
    /// β_h* = (β_r ω_r − β_c ω_c)/ω_h, the hot bath's inverse temperature at the window's edge, where the Boltzmann
    /// factors balance (e^{−β_c ω_c} e^{−β_h* ω_h} = e^{−β_r ω_r}) and the currents vanish; cooling for β_h &lt; β_h*.
    /// </summary>
    public double EdgeHotBeta => (RoomBeta * RoomFrequency - ColdBeta * ColdFrequency) / HotFrequency;

    /// <summary>The coefficient of performance J_c/J_h = ω_c/ω_h of tight coupling (heat drawn from the cold bath per heat taken from the hot one).</summary>
    public double CoefficientOfPerformance => ColdFrequency / HotFrequency;

    /// <summary>
    /// Carnot's bound on J_c/J_h for absorption refrigeration, (β_r − β_h)/(β_c − β_r), from the second law with
    /// J_c + J_h + J_r = 0; null unless β_c &gt; β_r &gt; β_h (a cold bath below room and a hot one above).
    /// </summary>
    public double? CarnotCoefficientOfPerformance =>
        ColdBeta > RoomBeta && RoomBeta > HotBeta ? (RoomBeta - HotBeta) / (ColdBeta - RoomBeta) : null;

    /// <summary>The cold bath: thermal qubits of gap ω_c at β_c, partial swap with system qubit <paramref name="qubit"/> at rate γ_c.</summary>
    internal Bath ColdBath(int qubit) => ResonantQubitBath(qubit, "cold", ColdFrequency, ColdBeta, ColdRate);

    /// <summary>The room bath: thermal qubits of gap ω_r at β_r, partial swap with system qubit <paramref name="qubit"/> at rate γ_r.</summary>
    internal Bath RoomBath(int qubit) => ResonantQubitBath(qubit, "room", RoomFrequency, RoomBeta, RoomRate);

    /// <summary>A stream of thermal qubits (H_E = gap·|1⟩⟨1| at β) meeting one system qubit through the partial swap V = σ⁺σ⁻ + σ⁻σ⁺ at a rate.</summary>
    internal static Bath ResonantQubitBath(int qubit, string name, double gap, double beta, double rate) =>
        new([qubit], AncillaState.Thermal(gap * Pauli.Projector1, beta), BathCollision.WithRate(PaperModels.DecayCoupling(), rate), name: name);
}
