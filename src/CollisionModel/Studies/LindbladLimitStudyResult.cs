using CollisionModel.States;

namespace CollisionModel.Studies;

/// <summary>The trajectory of a <see cref="LindbladLimitStudy"/> and its steady state (immutable).</summary>
/// <param name="Points">One entry per output time.</param>
/// <param name="SteadyState">ρ_ss, the stationary state reached from ρ(0) (σ is measured against it).</param>
/// <param name="SteadyHeatCurrents">J_j(ρ_ss) per bath, energy per unit time; null for a bath without H_E or a system without H_S.</param>
/// <param name="MaxConjectureRatio">max |σ_E|/σ over the points where it is defined (two qubits only); null if nowhere.</param>
public sealed record LindbladLimitStudyResult(
    IReadOnlyList<LindbladLimitPoint> Points,
    DensityMatrix SteadyState,
    IReadOnlyList<double?> SteadyHeatCurrents,
    double? MaxConjectureRatio);
