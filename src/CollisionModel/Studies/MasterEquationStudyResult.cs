using CollisionModel.States;

namespace CollisionModel.Studies;

/// <summary>The trajectory of a <see cref="MasterEquationStudy"/> and its summary.</summary>
/// <param name="Points">One entry per output time, 0 to T inclusive.</param>
/// <param name="SuddenDeathTime">First t &gt; 0 at which the concurrence reaches 0, over all t (not only [0, T]);
/// 0 when ρ(0) is already separable; null if it never does.</param>
/// <param name="StationaryState">ρ_T, the stationary state reached from ρ(0).</param>
/// <param name="MaxConjectureRatio">max |σ_E|/σ over the points where it is defined; null if nowhere.</param>
public sealed record MasterEquationStudyResult(
    IReadOnlyList<MasterEquationStudyPoint> Points,
    double? SuddenDeathTime,
    DensityMatrix StationaryState,
    double? MaxConjectureRatio);
