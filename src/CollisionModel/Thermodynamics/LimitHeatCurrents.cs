using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Models;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// The heat currents of a protocol's Lindblad limit (the local master equation): J_j(ρ) = tr[H_S 𝒟_j(ρ)], with 𝒟_j
/// bath j's dissipator (the limit generator of bath j alone, without H_S), in energy per unit time (ħ = 1); J_j &gt; 0
/// when bath j puts energy into the system. When the coupling conserves H_S + H_Ej this is also the rate at which bath
/// j's ancillas lose energy. Without H_S there is no current (null). Construction O(Σ_j d_S⁶) once; each evaluation
/// O(n_baths · d_S³).
/// </summary>
public sealed class LimitHeatCurrents
{
    private readonly Matrix<Complex>? _hamiltonian;
    private readonly Lindbladian[] _dissipators;

    /// <summary>Builds the per-bath dissipators; throws <see cref="Validation.ParameterOutOfRangeException"/> when the protocol has no Lindblad limit.</summary>
    public LimitHeatCurrents(CollisionProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.WhyNoLindbladLimit() is { } why) throw new Validation.ParameterOutOfRangeException(why, "baths");
        _hamiltonian = protocol.SystemHamiltonian;
        // Bath j alone, without H_S: its limit generator is exactly its dissipator 𝒟_j.
        _dissipators = _hamiltonian is null ? []
            : protocol.Baths.Select(b => new CollisionProtocol(protocol.SystemSpace.Dimensions, protocol.SubsystemsB, [b]).LindbladLimitGenerator()).ToArray();
        Count = protocol.Baths.Count;
    }

    /// <summary>Number of baths.</summary>
    public int Count { get; }

    /// <summary>J_j(ρ) per bath, in the protocol's bath order; every entry null without H_S.</summary>
    public IReadOnlyList<double?> Evaluate(DensityMatrix rho)
    {
        ArgumentNullException.ThrowIfNull(rho);
        var currents = new double?[Count];
        if (_hamiltonian is null) return currents;
        for (int j = 0; j < Count; j++) currents[j] = (_hamiltonian * _dissipators[j].Apply(rho)).Trace().Real;
        return currents;
    }
}
